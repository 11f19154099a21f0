"""HR broadcasts: the row an officer confirms, and its fan-out into the outbox.

Fan-out writes one page of outbox rows and moves the cursor in the same
transaction, so a crash resumes where it stopped and dedupe keys
(``broadcast:<id>:<subscriber id>``) make a repeated page harmless. A
cancelled broadcast writes no further page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select, update
from sqlalchemy.exc import IntegrityError

from storage import outbox
from storage.db import Database, off_loop
from storage.models import Broadcast, OutboxMessage

SCHEDULED, SENDING, DONE, CANCELLED = "scheduled", "sending", "done", "cancelled"


@dataclass(frozen=True)
class BroadcastInfo:
    id: int
    created_by: str
    officer_channel: str
    officer_chat: str
    office: str | None
    text: str
    locale: str
    status: str
    not_before: datetime
    urgent: bool
    cursor: int
    total: int
    fanned_out: bool
    reported_step: int
    created_at: datetime

    @property
    def batch(self) -> str:
        return batch_of(self.id)


def batch_of(broadcast_id: int) -> str:
    return f"bc:{broadcast_id}"


def _info(r: Broadcast) -> BroadcastInfo:
    return BroadcastInfo(
        r.id,
        r.created_by,
        r.officer_channel,
        r.officer_chat,
        r.office,
        r.text,
        r.locale,
        r.status,
        r.not_before,
        r.urgent,
        r.cursor,
        r.total,
        r.fanned_out,
        r.reported_step,
        r.created_at,
    )


def _create(
    db: Database,
    nonce: str,
    who: str,
    channel: str,
    chat: str,
    office: str | None,
    text: str,
    locale: str,
    not_before: datetime,
    now: datetime,
    urgent: bool = False,
) -> BroadcastInfo:
    try:
        with db.write() as s:
            row = Broadcast(
                nonce=nonce,
                created_by=who,
                officer_channel=channel,
                officer_chat=chat,
                office=office,
                text=text,
                locale=locale,
                status=SCHEDULED,
                not_before=not_before,
                urgent=urgent,
                cursor=0,
                total=0,
                fanned_out=False,
                reported_step=0,
                created_at=now,
            )
            s.add(row)
            s.flush()
            return _info(row)
    except IntegrityError:
        # The same confirmation twice (a double tap, two workers): one broadcast.
        with db.read() as s:
            return _info(s.scalars(select(Broadcast).where(Broadcast.nonce == nonce)).one())


def _get(db: Database, broadcast_id: int) -> BroadcastInfo | None:
    with db.read() as s:
        row = s.get(Broadcast, broadcast_id)
        return _info(row) if row else None


def _recent(db: Database, who: str | None, limit: int = 5) -> list[BroadcastInfo]:
    """The newest broadcasts, of one officer (``who``) or of everyone (None)."""

    with db.read() as s:
        query = select(Broadcast).order_by(Broadcast.id.desc()).limit(limit)
        if who is not None:
            query = query.where(Broadcast.created_by == who)
        return [_info(r) for r in s.scalars(query)]


def _due(db: Database, now: datetime) -> list[BroadcastInfo]:
    """Broadcasts to fan out (due, not fully written) or to report on (written, not done)."""
    with db.read() as s:
        query = (
            select(Broadcast)
            .where(Broadcast.status.in_((SCHEDULED, SENDING)), Broadcast.not_before <= now)
            .order_by(Broadcast.id)
        )
        return [_info(r) for r in s.scalars(query)]


def _write_page(
    db: Database,
    broadcast_id: int,
    messages: Sequence[outbox.NewMessage],
    cursor: int,
    now: datetime,
) -> bool:
    """One page of recipients; False (nothing written) if the broadcast was cancelled."""
    with db.write() as s:
        # Updating the row first takes its lock: a concurrent cancel waits or wins cleanly.
        moved = s.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.status.in_((SCHEDULED, SENDING)))
            .values(status=SENDING, cursor=cursor, fanned_out=not messages)
        )
        if not moved.rowcount:
            return False
        new = outbox.insert_new(s, db.is_sqlite, messages, now)
        if new:
            s.execute(
                update(Broadcast)
                .where(Broadcast.id == broadcast_id)
                .values(total=Broadcast.total + len(new))
            )
        return True


def _set_reported(db: Database, broadcast_id: int, step: int) -> bool:
    """Marks a progress step reported; False if another worker did it first."""
    with db.write() as s:
        result = s.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.reported_step < step)
            .values(reported_step=step)
        )
        return bool(result.rowcount)


def _finish(db: Database, broadcast_id: int, now: datetime) -> bool:
    """Closes a broadcast once its report is queued; False if another worker closed it."""
    with db.write() as s:
        result = s.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.finished_at.is_(None))
            .values(
                status=case((Broadcast.status == CANCELLED, CANCELLED), else_=DONE),
                finished_at=now,
            )
        )
        return bool(result.rowcount)


def _cancel(db: Database, broadcast_id: int, now: datetime) -> int | None:
    """Stops a broadcast: no further page, pending rows cancelled. None if already over."""
    with db.write() as s:
        moved = s.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id, Broadcast.status.in_((SCHEDULED, SENDING)))
            .values(status=CANCELLED)
        )
        if not moved.rowcount:
            return None
        result = s.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.batch == batch_of(broadcast_id),
                OutboxMessage.status == outbox.PENDING,
            )
            .values(status=outbox.CANCELLED)
        )
        return max(result.rowcount or 0, 0)


def _unreported_cancelled(db: Database) -> list[BroadcastInfo]:
    with db.read() as s:
        query = select(Broadcast).where(
            Broadcast.status == CANCELLED, Broadcast.finished_at.is_(None)
        )
        return [_info(r) for r in s.scalars(query)]


create = off_loop(_create)
get = off_loop(_get)
recent = off_loop(_recent)
due = off_loop(_due)
write_page = off_loop(_write_page)
set_reported = off_loop(_set_reported)
finish = off_loop(_finish)
cancel = off_loop(_cancel)
unreported_cancelled = off_loop(_unreported_cancelled)
