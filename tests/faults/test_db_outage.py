"""The database goes away while webhooks keep arriving: 503, non-2xx, then all answered."""

from __future__ import annotations

import io
import logging
import sqlite3

import pytest

from bot import logsetup
from bot.config import Settings
from tests.fakes.telegram_updates import make_message, user
from tests.telegram.conftest import Running
from tests.whatsapp.twilio_fake import Phone, inbound_form, post_signed

DURING_OUTAGE = 12


async def test_updates_sent_while_the_database_is_down_are_refused_then_all_answered(
    webhook: Running, settings: Settings
) -> None:
    if not settings.storage.url.startswith("sqlite"):
        pytest.skip("the outage is made with SQLite's write lock")
    assert webhook.client is not None
    stream = io.StringIO()
    handler = logsetup.make_handler(stream, "json")
    root = logging.getLogger()
    root.addHandler(handler)
    updates = [
        {"update_id": 31000 + n, **make_message("/menu", from_user=user(5000 + n))}
        for n in range(DURING_OUTAGE)
    ]
    blocker = sqlite3.connect(settings.storage.url.removeprefix("sqlite:///"), timeout=10)
    blocker.execute("BEGIN IMMEDIATE")  # nothing can be written: the database is down
    try:
        assert (await webhook.client.get("/healthz")).status_code == 503
        codes = [await webhook.post_update(u) for u in updates]
        assert all(code >= 500 for code in codes), codes  # Telegram will send them again
        assert webhook.tg.sent() == []
    finally:
        blocker.rollback()
        blocker.close()
        root.removeHandler(handler)
    log = stream.getvalue()
    assert "Traceback" not in log
    assert log.count('"msg": "webhook: update not stored"') == DURING_OUTAGE  # one line each
    assert len(log.splitlines()) <= DURING_OUTAGE + 2, log[-3000:]
    # Recovery: health is back and Telegram's retries are each answered once.
    assert (await webhook.client.get("/healthz")).status_code == 200
    assert [await webhook.post_update(u) for u in updates] == [200] * DURING_OUTAGE
    for _ in range(DURING_OUTAGE):
        await webhook.tg.wait_for("sendMessage", within=20)
    await webhook.component.inbox.idle()
    await webhook.tg.settle()
    chats = sorted(int(m.chat_id) for m in webhook.tg.sent())
    assert chats == [5000 + n for n in range(DURING_OUTAGE)]


async def test_whatsapp_messages_sent_while_the_database_is_down_are_refused_then_answered(
    phone: Phone, wa_settings: Settings
) -> None:
    forms = [inbound_form("/menu", sender=f"whatsapp:+6281200000{n:03d}") for n in range(6)]
    blocker = sqlite3.connect(wa_settings.storage.url.removeprefix("sqlite:///"), timeout=10)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        assert (await phone.web.get("/healthz")).status_code == 503
        for form in forms:
            resp = await post_signed(phone.web, "/whatsapp/webhook", form)
            assert resp.status_code >= 500, resp.text  # Twilio will try again
        assert phone.api.sent == []
    finally:
        blocker.rollback()
        blocker.close()
    assert (await phone.web.get("/healthz")).status_code == 200
    for form in forms:  # Twilio's retries, same MessageSid
        (answer, *_) = await phone.post(form)
        assert answer
    assert sorted(s["To"][0] for s in phone.api.sent) == sorted(f["From"] for f in forms)
