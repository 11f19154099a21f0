"""Stored before acknowledged: the inbox behind both Telegram modes."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from dataclasses import replace

from sqlalchemy import select

from bot import metrics
from bot.config import Settings
from storage.models import InboxItem
from tests.conftest import FakeClock
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import make_message, user
from tests.telegram.conftest import WEBHOOK_SECRET, Running, start_bot

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}


def rows(running: Running) -> list[InboxItem]:
    with running.app.services.db.read() as s:
        return list(s.scalars(select(InboxItem).order_by(InboxItem.id)))


async def test_the_same_update_id_three_times_gets_one_reply(webhook: Running) -> None:
    update = {"update_id": 777, **make_message("/menu")}
    for _ in range(3):
        assert await webhook.post_update(update) == 200  # acknowledged every time
    await webhook.tg.wait_for("sendMessage")
    await webhook.component.inbox.idle()
    await webhook.tg.settle()
    assert len(webhook.tg.sent()) == 1


async def test_polling_answers_an_update_telegram_sends_twice_once(polling: Running) -> None:
    update = make_message("/menu")
    polling.tg.push_update({"update_id": 4242, **update})
    polling.tg.push_update({"update_id": 4242, **update})
    await polling.tg.wait_for("sendMessage")
    await polling.tg.settle()
    assert len(polling.tg.sent()) == 1


async def test_polling_confirms_nothing_it_could_not_store(
    polling: Running, settings: Settings
) -> None:
    """While every write fails, Telegram keeps the update; once writes work, it is answered."""
    path = settings.storage.url.removeprefix("sqlite:///")
    # The app may be writing as it starts (a busy machine stretches that): wait for
    # its write to end, then hold the lock as another process would.
    blocker = sqlite3.connect(path, timeout=10)
    blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        polling.tg.push_update(make_message("/menu"))
        await asyncio.sleep(1.5)  # several getUpdates; storing fails each time
        assert polling.tg.sent() == []
        assert len(polling.tg._updates) == 1, "confirmed to Telegram without being stored"
    finally:
        blocker.rollback()
        blocker.close()
    (sent,) = await polling.tg.wait_for("sendMessage", within=10)
    assert "Apa yang bisa saya bantu" in sent.text


async def test_nothing_in_the_inbox_leads_back_to_the_sender(webhook: Running) -> None:
    secret_words = "kepala dinas kampanye di kantor"
    message = make_message(secret_words, from_user=user(987654321))
    # Stored, not yet handled: the raw update is sealed.
    await webhook.component.inbox.stop()
    assert await webhook.post_update({"update_id": 55501, **message}) == 200
    (waiting,) = rows(webhook)
    assert waiting.payload is not None
    assert b"987654321" not in waiting.payload and b"kepala dinas" not in waiting.payload
    # Handled: nothing of it is left but a keyed hash and the hour.
    await webhook.component.inbox.start()
    await webhook.tg.wait_for("sendMessage")
    await webhook.component.inbox.idle()
    (done,) = rows(webhook)
    assert (done.payload, done.conversation, done.lease_until) == (None, None, None)
    assert "55501" not in done.dedupe_key and "987654321" not in done.dedupe_key
    assert (done.received_hour.minute, done.received_hour.second) == (0, 0)
    assert done.received_hour.microsecond == 0


async def test_nesting_deeper_than_any_update_is_a_400_not_a_500(webhook: Running) -> None:
    assert webhook.client is not None
    deep = b'{"update_id": 1, "message": ' + b'{"a": ' * 1000 + b"1" + b"}" * 1001
    resp = await webhook.client.post("/telegram/webhook", content=deep, headers=HEADERS)
    assert resp.status_code == 400
    assert rows(webhook) == []
    assert await webhook.post_update(make_message("/menu")) == 200  # and it keeps serving
    await webhook.tg.wait_for("sendMessage")


async def test_a_chunked_body_is_refused_as_soon_as_it_is_too_large(webhook: Running) -> None:
    assert webhook.client is not None
    chunk = b" " * 65536
    pulled = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        yield b'{"update_id": 1, "pad": "'
        for _ in range(160):  # 10 MB, sent without a Content-Length
            pulled += 1
            yield chunk
        yield b'"}'

    resp = await webhook.client.post("/telegram/webhook", content=body(), headers=HEADERS)
    assert resp.status_code == 413
    assert pulled * len(chunk) <= 1024 * 1024 + len(chunk), f"read {pulled} chunks of 64 KB"


async def test_stopping_with_a_backlog_is_quick_and_the_backlog_waits(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> None:
    """SIGTERM does not drain the queue: what is stored is handled by the next start."""
    slow = replace(settings, telegram=replace(settings.telegram, rate_per_second=20.0))
    burst = 60
    async for first in start_bot(slow, clock, fake_telegram, "webhook"):
        for n in range(burst):
            assert await first.post_update(make_message("halo", from_user=user(7000 + n))) == 200
        await fake_telegram.wait_for("sendMessage", 3)
        started = time.monotonic()
        await first.component.stop()
        stopped_in = time.monotonic() - started
        answered = len(fake_telegram.sent())
        left = len([r for r in rows(first) if r.status != "done"])
    assert stopped_in < 3.0, f"stop took {stopped_in:.1f}s"
    assert left >= burst - answered - 1 > 0

    async for second in start_bot(slow, clock, fake_telegram, "webhook"):
        await fake_telegram.wait_for("sendMessage", burst, within=15)
        await second.component.inbox.idle()
    chats = [c.chat_id for c in fake_telegram.sent()]
    assert set(chats) == {str(7000 + n) for n in range(burst)}
    assert len(chats) - burst <= first.app.settings.telegram.concurrent_updates


async def test_one_chat_is_answered_in_the_order_it_wrote(webhook: Running) -> None:
    texts = ["/bahasa en", "/menu", "/bahasa id", "/menu"]
    for text in texts:
        assert await webhook.post_update(make_message(text)) == 200
    sent = await webhook.tg.wait_for("sendMessage", 4)
    assert "Language" in sent[0].text or "English" in sent[0].text
    assert "How can I help" in sent[1].text
    assert "Apa yang bisa saya bantu" in sent[3].text


async def test_unknown_update_keys_never_become_metric_labels(webhook: Running) -> None:
    for n in range(120):
        assert await webhook.post_update({f"made_up_field_{n}": {"x": n}}) == 200
    await webhook.component.inbox.idle()
    ignored = [
        line
        for line in metrics.render().splitlines()
        if line.startswith("asnbot_telegram_ignored_total")
    ]
    assert ignored and not any("made_up_field" in line for line in ignored)
    assert 'reason="other"' in " ".join(ignored)
