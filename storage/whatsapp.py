"""WhatsApp bookkeeping: each chat's 24-hour window.

The key is the chat's pseudonym; no phone number is stored here. (Which
messages were handled is the inbox's business: ``storage.inbox``.) Times are
kept to the hour (``storage.grain``): a window's start is rounded down, so it
is taken to close early, never late.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from storage.db import Database, off_loop, upsert_insert
from storage.grain import floor_hour
from storage.models import WhatsAppWindow


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone-aware columns; we store UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _touch_window(db: Database, chat_key: str, now: datetime) -> None:
    now = floor_hour(now)
    insert = upsert_insert(db.is_sqlite)
    stmt = insert(WhatsAppWindow).values(chat_key=chat_key, last_inbound_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=["chat_key"], set_={"last_inbound_at": stmt.excluded.last_inbound_at}
    )
    with db.write() as s:
        s.execute(stmt)


def _last_inbound(db: Database, chat_key: str) -> datetime | None:
    """When the chat last wrote, rounded down to the hour: a window counted from it
    ends up to an hour early, so free text never goes out after the real 24 hours."""
    with db.read() as s:
        return _aware(
            s.scalar(
                select(WhatsAppWindow.last_inbound_at).where(WhatsAppWindow.chat_key == chat_key)
            )
        )


def _purge(db: Database, before: datetime) -> int:
    """Forgets windows older than ``before``."""
    with db.write() as s:
        result = s.execute(delete(WhatsAppWindow).where(WhatsAppWindow.last_inbound_at < before))
        return max(result.rowcount or 0, 0)


touch_window = off_loop(_touch_window)
last_inbound = off_loop(_last_inbound)
purge = off_loop(_purge)
