"""When Telegram says no: blocked users, flood limits, server errors, broken updates."""

from __future__ import annotations

import logging

import pytest

from tests.fakes.telegram_updates import make_message, user
from tests.telegram.conftest import Running


async def test_blocked_user_does_not_stop_the_bot(
    polling: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    tg = polling.tg
    tg.fail_next("sendMessage", 403)
    tg.push_update(make_message("/start", from_user=user(42)))
    await tg.wait_for("sendMessage", chat_id=42)
    tg.push_update(make_message("/start", from_user=user(43)))
    (sent,) = await tg.wait_for("sendMessage", chat_id=43)
    assert "asnbot" in sent.text
    await tg.settle()
    assert len(tg.calls_to("sendMessage", chat_id=42)) == 1  # no retry, no apology to a wall
    blocked = [r for r in caplog.records if r.getMessage() == "reply refused: blocked"]
    # Logged once, under the pseudonym, never the Telegram id.
    pseudonym = polling.app.services.pseudonyms.of("telegram:42")[:12]
    assert len(blocked) == 1 and blocked[0].__dict__["who"] == pseudonym


async def test_flood_limit_is_waited_out_then_sent(polling: Running) -> None:
    tg = polling.tg
    tg.fail_next("sendMessage", 429, retry_after=1)
    tg.push_update(make_message("/menu"))
    first, second = await tg.wait_for("sendMessage", 2, within=6)
    assert second.text == first.text and "Apa yang bisa saya bantu" in second.text
    assert second.at - first.at >= 1.0  # retry_after honoured


async def test_server_error_is_retried_and_delivered(polling: Running) -> None:
    tg = polling.tg
    tg.fail_next("sendMessage", 500)
    tg.push_update(make_message("/menu"))
    calls = await tg.wait_for("sendMessage", 2)
    assert len({c.text for c in calls}) == 1 and "Apa yang bisa saya bantu" in calls[1].text
    await tg.settle()
    assert len(tg.calls_to("sendMessage")) == 2  # delivered once, not duplicated


async def test_lasting_failure_gets_a_polite_apology_and_is_logged_once(
    polling: Running, caplog: pytest.LogCaptureFixture
) -> None:
    tg = polling.tg
    tg.fail_next("sendMessage", 400, "Bad Request: message is too long")
    tg.push_update(make_message("/menu"))
    _, apology = await tg.wait_for("sendMessage", 2)
    assert "ada gangguan di sisi kami" in apology.text
    failures = [r for r in caplog.records if r.getMessage() == "telegram update failed"]
    assert len(failures) == 1
    assert "Siti" not in caplog.text and "telegram:42" not in caplog.text


async def test_rejected_html_is_sent_again_as_plain_text(polling: Running) -> None:
    tg = polling.tg
    tg.fail_next("sendMessage", 400, "Bad Request: can't parse entities: unexpected end tag")
    tg.push_update(make_message("/start"))
    first, second = await tg.wait_for("sendMessage", 2)
    assert first.params["parse_mode"] == "HTML" and "<b>asnbot</b>" in first.text
    assert "parse_mode" not in second.params and "asnbot" in second.text
    assert "<b>" not in second.text and second.payloads == first.payloads


@pytest.mark.parametrize(
    "update",
    [
        {"edited_message": make_message("diedit")["message"]},
        {
            "channel_post": {
                "message_id": 1,
                "date": 1,
                "chat": {"id": -100, "type": "channel"},
                "text": "pengumuman",
            }
        },
        {
            "message_reaction_count": {
                "chat": {"id": 42, "type": "private"},
                "message_id": 1,
                "date": 1,
                "reactions": [],
            }
        },
        {"something_from_bot_api_99": {"foo": "bar"}},
        {"message": {"message_id": 1, "date": 1}},  # no chat: PTB cannot build it
        {"message": make_message(None)["message"]},  # a service message without content
    ],
    ids=["edited", "channel-post", "reaction", "unknown-type", "unparseable", "service"],
)
async def test_updates_the_bot_does_not_read_are_ignored_and_it_keeps_serving(
    polling: Running, update: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    tg = polling.tg
    tg.push_update(update)
    tg.push_update(make_message("/menu"))
    (sent,) = await tg.wait_for("sendMessage")
    assert "Apa yang bisa saya bantu" in sent.text
    await tg.settle()
    assert len(tg.sent()) == 1
    skipped = [
        r for r in caplog.records if r.getMessage() in ("ignored", "update not understood; skipped")
    ]
    assert len(skipped) == 1


async def test_forwarded_message_is_read_as_text_without_its_origin(polling: Running) -> None:
    tg = polling.tg
    origin = {"type": "user", "date": 1, "sender_user": user(77, first_name="Pejabat")}
    tg.push_update(make_message("/menu", forward_origin=origin))
    (sent,) = await tg.wait_for("sendMessage")
    assert "Apa yang bisa saya bantu" in sent.text
