"""The outbox's Telegram sender: what each Bot API answer means for the outbox."""

from __future__ import annotations

import html

from bot.channels.base import SendStatus
from bot.channels.telegram import telegram_sender
from handlers.markup import literal
from handlers.messages import Button, Document, Outgoing, Photo
from tests.telegram.conftest import Running

REMINDER = Outgoing("*Pengingat:* jaga netralitas.", buttons=(Button("Berhenti", "menu:berhenti"),))


async def test_sent_message_reports_its_id(polling: Running) -> None:
    sender = telegram_sender(polling.app)
    assert sender is not None and sender.channel == "telegram" and sender.rate_per_second == 25
    result = await sender.send("42", REMINDER, kind="reminder")
    again = await sender.send("43", REMINDER, kind="reminder")
    # The ids Telegram answered (read from the reply, no Message built): 1, then 2.
    assert result.status is SendStatus.SENT and (result.provider_id, again.provider_id) == (
        "1",
        "2",
    )
    sent, _ = polling.tg.calls_to("sendMessage")
    assert sent.text == "<b>Pengingat:</b> jaga netralitas." and sent.payloads == ["menu:berhenti"]


async def test_the_outbox_finds_the_sender_where_every_channel_leaves_it(
    polling: Running,
) -> None:
    sender = polling.app.services.extra["senders"]["telegram"]
    assert (await sender.send("42", REMINDER, kind="reminder")).status is SendStatus.SENT
    assert polling.tg.calls_to("sendMessage")[0].chat_id == "42"


async def test_blocked_user_is_reported_blocked(polling: Running) -> None:
    polling.tg.fail_next("sendMessage", 403)
    sender = telegram_sender(polling.app)
    assert sender is not None
    result = await sender.send("42", REMINDER, kind="reminder")
    assert result.status is SendStatus.BLOCKED and "blocked" in (result.error or "")


async def test_flood_limit_beyond_the_retries_asks_to_retry_later(polling: Running) -> None:
    polling.tg.fail_next("sendMessage", 429, retry_after=1, times=2)  # max_retries is 1
    sender = telegram_sender(polling.app)
    assert sender is not None
    result = await sender.send("42", REMINDER, kind="broadcast")
    assert result.status is SendStatus.RETRY and result.retry_after == 1


async def test_bad_request_fails_and_server_errors_retry(polling: Running) -> None:
    sender = telegram_sender(polling.app)
    assert sender is not None
    polling.tg.fail_next("sendMessage", 400)
    assert (await sender.send("99", REMINDER, kind="alert")).status is SendStatus.FAILED
    polling.tg.fail_next("sendMessage", 500, times=2)
    assert (await sender.send("42", REMINDER, kind="alert")).status is SendStatus.RETRY


async def test_no_sender_without_a_token(polling: Running) -> None:
    from dataclasses import replace

    from bot.config import Secrets
    from bot.wiring import App

    app = App(
        replace(polling.app.settings, secrets=Secrets(secret_key="x" * 40)),
        polling.app.services,
        polling.app.dispatcher,
        polling.app.key,
    )
    assert telegram_sender(app) is None


async def test_long_text_is_split_with_user_text_still_escaped(polling: Running) -> None:
    user_text = "<b>&" * 1500  # 6,000 characters a user typed
    out = Outgoing("*Laporan:*\n" + literal(user_text), buttons=(Button("OK", "menu:menu"),))
    sender = telegram_sender(polling.app)
    assert sender is not None
    assert (await sender.send("42", out, kind="alert")).status is SendStatus.SENT
    parts = polling.tg.calls_to("sendMessage")
    assert len(parts) == 2
    shown = [html.unescape(p.text.replace("<b>Laporan:</b>", "Laporan:")) for p in parts]
    assert all(len(s) <= 4096 for s in shown)
    assert "".join(shown) == "Laporan:\n" + user_text  # every character, once, in order
    assert "<b>&amp;" not in parts[0].text + parts[1].text  # user text never un-escaped
    assert [bool(p.payloads) for p in parts] == [False, True]  # buttons on the last part


async def test_photos_with_a_short_text_carry_it_as_caption(polling: Running) -> None:
    out = Outgoing(
        "Foto laporan *#12*",
        photos=(Photo(b"\xff\xd8jpeg-1"), Photo(b"\xff\xd8jpeg-2")),
        documents=(Document(b"a,b\n", "laporan.csv"),),
        buttons=(Button("OK", "menu:menu"),),
    )
    sender = telegram_sender(polling.app)
    assert sender is not None
    assert (await sender.send("42", out, kind="alert")).status is SendStatus.SENT
    first, second = polling.tg.calls_to("sendPhoto")
    assert first.params["caption"] == "Foto laporan <b>#12</b>" and "caption" not in second.params
    assert first.params["photo"] == b"\xff\xd8jpeg-1"
    (doc,) = polling.tg.calls_to("sendDocument")
    assert doc.params["document"] == b"a,b\n" and doc.payloads == ["menu:menu"]
    assert polling.tg.calls_to("sendMessage") == []


async def test_a_caption_too_long_goes_as_text_first(polling: Running) -> None:
    out = Outgoing("kata " * 300, photos=(Photo(b"\xff\xd8jpeg"),))
    sender = telegram_sender(polling.app)
    assert sender is not None
    await sender.send("42", out, kind="alert")
    (text,) = polling.tg.calls_to("sendMessage")
    (photo,) = polling.tg.calls_to("sendPhoto")
    assert text.at < photo.at and "caption" not in photo.params


async def test_outbox_reminder_reaches_telegram_and_a_blocked_chat_goes_inactive(
    polling: Running,
) -> None:
    from bot.delivery import OutboxDispatcher
    from storage import outbox, subscribers

    app, tg = polling.app, polling.tg
    s = app.services
    now = s.clock()
    for chat in ("42", "43"):
        who = s.pseudonyms.of(f"telegram:{chat}")
        await subscribers.subscribe(s.db, "telegram", chat, who, "WIB", None, "id", now)
    dispatcher = OutboxDispatcher(s.db, s.renderer, s.extra["senders"], s.clock)

    tg.fail_next("sendMessage", 403)  # the first chat served has blocked the bot
    await outbox.enqueue(
        s.db, [outbox.NewMessage("r-42", "reminder", "telegram", "42", "menu")], now
    )
    await dispatcher.drain()
    await outbox.enqueue(
        s.db, [outbox.NewMessage("r-43", "reminder", "telegram", "43", "menu")], now
    )
    await dispatcher.drain()

    (delivered,) = [c for c in tg.calls_to("sendMessage") if c.chat_id == "43"]
    assert "Apa yang bisa saya bantu" in delivered.text and delivered.params["parse_mode"] == "HTML"
    states = {
        chat: (await subscribers.of(s.db, s.pseudonyms.of(f"telegram:{chat}")))[0].active
        for chat in ("42", "43")
    }
    assert states == {"42": False, "43": True}
