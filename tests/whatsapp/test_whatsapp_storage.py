"""WhatsApp bookkeeping on real SQLite and PostgreSQL: handled MessageSids and windows."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from storage import migrate, whatsapp
from storage.db import Database

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


async def test_a_message_sid_is_claimed_once_even_when_racing(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        sid = "SM" + "1" * 32
        wins = await asyncio.gather(*(whatsapp.claim_message(db, sid, NOW) for _ in range(8)))
        assert sorted(wins) == [False] * 7 + [True]
        assert await whatsapp.claim_message(db, "SM" + "2" * 32, NOW)
    finally:
        db.dispose()


async def test_window_keeps_the_latest_inbound_and_old_rows_are_purged(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        assert await whatsapp.last_inbound(db, "chat-key") is None
        await whatsapp.touch_window(db, "chat-key", NOW)
        await whatsapp.touch_window(db, "chat-key", NOW + timedelta(hours=3))
        assert await whatsapp.last_inbound(db, "chat-key") == NOW + timedelta(hours=3)
        await whatsapp.claim_message(db, "SM" + "3" * 32, NOW)
        assert await whatsapp.purge(db, NOW + timedelta(hours=1)) == 1  # the sid, not the window
        assert await whatsapp.purge(db, NOW + timedelta(days=1)) == 1
        assert await whatsapp.last_inbound(db, "chat-key") is None
        assert await whatsapp.claim_message(db, "SM" + "3" * 32, NOW)  # forgotten: new again
    finally:
        db.dispose()
