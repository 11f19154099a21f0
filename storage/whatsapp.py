"""WhatsApp bookkeeping: which Twilio messages were handled, and each chat's 24-hour window.

Keys are Twilio's MessageSid (not personal data) and the chat's pseudonym;
no phone number is stored here. Times are kept to the hour (``storage.grain``):
a window's start is rounded down, so it is taken to close early, never late.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import WhatsAppInbound, WhatsAppWindow


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone-aware columns; we store UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _claim_message(db: Database, message_sid: str, now: datetime) -> bool:
    """True the first time a MessageSid is seen; the unique key makes retries lose."""
    insert = sqlite_insert if db.is_sqlite else pg_insert
    stmt = (
        insert(WhatsAppInbound)
        .values(message_sid=message_sid, handled_at=floor_hour(now))
        .on_conflict_do_nothing(index_elements=["message_sid"])
        # RETURNING, not rowcount: drivers report rowcount -1 for some inserts.
        .returning(WhatsAppInbound.message_sid)
    )
    with db.write() as s:
        return s.execute(stmt).scalar() is not None


def _touch_window(db: Database, chat_key: str, now: datetime) -> None:
    now = floor_hour(now)
    insert = sqlite_insert if db.is_sqlite else pg_insert
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
    """Forgets handled MessageSids and windows older than ``before``."""
    with db.write() as s:
        a = s.execute(delete(WhatsAppInbound).where(WhatsAppInbound.handled_at < before))
        b = s.execute(delete(WhatsAppWindow).where(WhatsAppWindow.last_inbound_at < before))
        return max(a.rowcount or 0, 0) + max(b.rowcount or 0, 0)


claim_message = off_loop(_claim_message)
touch_window = off_loop(_touch_window)
last_inbound = off_loop(_last_inbound)
purge = off_loop(_purge)
