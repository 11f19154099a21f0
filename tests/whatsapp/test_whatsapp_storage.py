"""WhatsApp bookkeeping on real SQLite and PostgreSQL: each chat's 24-hour window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import migrate, whatsapp
from storage.db import Database

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


async def test_window_keeps_the_latest_inbound_and_old_rows_are_purged(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        assert await whatsapp.last_inbound(db, "chat-key") is None
        await whatsapp.touch_window(db, "chat-key", NOW)
        await whatsapp.touch_window(db, "chat-key", NOW + timedelta(hours=3))
        assert await whatsapp.last_inbound(db, "chat-key") == NOW + timedelta(hours=3)
        assert await whatsapp.purge(db, NOW + timedelta(hours=3)) == 0  # not older than that
        assert await whatsapp.purge(db, NOW + timedelta(days=1)) == 1
        assert await whatsapp.last_inbound(db, "chat-key") is None
    finally:
        db.dispose()
