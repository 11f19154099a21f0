"""Webhook mode: Telegram posts updates to our Starlette app, secret token first."""

from __future__ import annotations

from tests.fakes.telegram_updates import make_callback, make_message, make_photo_message
from tests.telegram.conftest import WEBHOOK_SECRET, Running


async def test_start_registers_the_webhook_with_its_secret(webhook: Running) -> None:
    (call,) = webhook.tg.calls_to("setWebhook")
    assert call.params["url"] == "https://bot.example.go.id/telegram/webhook"
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert call.params["allowed_updates"] == ["message", "callback_query"]
    assert webhook.tg.calls_to("deleteWebhook") == []
    assert len(webhook.tg.calls_to("setMyCommands")) == 2


async def test_update_with_the_right_secret_is_answered(webhook: Running) -> None:
    assert await webhook.post_update(make_message("/start")) == 200
    (sent,) = await webhook.tg.wait_for("sendMessage")
    assert "<b>asnbot</b>" in sent.text and sent.params["parse_mode"] == "HTML"
    assert sent.payloads[:2] == ["menu:tanya", "menu:lapor"]


async def test_button_press_through_the_webhook(webhook: Running) -> None:
    assert await webhook.post_update(make_callback("menu:tanya")) == 200
    await webhook.tg.wait_for("answerCallbackQuery")
    (sent,) = await webhook.tg.wait_for("sendMessage")
    assert "pertanyaan" in sent.text.lower()


async def test_wrong_or_missing_secret_is_refused_and_nothing_is_processed(
    webhook: Running,
) -> None:
    assert webhook.client is not None
    assert (
        await webhook.post_update(
            make_message("/start", from_user={"id": 66, "is_bot": False, "first_name": "X"}),
            secret="guess",
        )
        == 403
    )
    missing = await webhook.client.post("/telegram/webhook", json=make_message("/start"))
    assert missing.status_code == 403
    # A body that is not even JSON is refused for the secret before it is read.
    garbage = await webhook.client.post(
        "/telegram/webhook",
        content=b"\xff{not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": "x"},
    )
    assert garbage.status_code == 403
    # A real update after them is the only one answered.
    assert await webhook.post_update(make_message("/menu")) == 200
    (sent,) = await webhook.tg.wait_for("sendMessage")
    await webhook.tg.settle()
    assert webhook.tg.sent() == [sent] and "Apa yang bisa saya bantu" in sent.text


async def test_bad_bodies_with_the_right_secret(webhook: Running) -> None:
    assert webhook.client is not None
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    bad = await webhook.client.post("/telegram/webhook", content=b"{oops", headers=headers)
    assert bad.status_code == 400
    not_update = await webhook.client.post("/telegram/webhook", json=[1, 2], headers=headers)
    assert not_update.status_code == 400
    huge = await webhook.client.post(
        "/telegram/webhook", content=b"{" + b" " * (2 * 1024 * 1024) + b"}", headers=headers
    )
    assert huge.status_code == 413
    # Telegram must not resend an update we cannot parse: 200, skipped, logged.
    assert await webhook.post_update({"message": {"message_id": 1, "date": 1}}) == 200
    assert await webhook.post_update(make_message("/menu")) == 200
    (sent,) = await webhook.tg.wait_for("sendMessage")
    assert "Apa yang bisa saya bantu" in sent.text


async def test_oversized_photo_refused_in_webhook_mode_too(webhook: Running) -> None:
    await webhook.post_update(make_photo_message("huge", size=25 * 1024 * 1024))
    (sent,) = await webhook.tg.wait_for("sendMessage")
    assert "terlalu besar (25 MB)" in sent.text and webhook.tg.downloads == []
