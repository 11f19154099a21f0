"""The outbox: pushed messages are rows first, sent later, each exactly once.

A row's ``dedupe_key`` is unique, so writing the same reminder twice is
harmless. Dispatchers claim rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL;
SQLite serialises writers with BEGIN IMMEDIATE) and mark them ``sending``
under a lease; a crashed dispatcher's rows become claimable again when the
lease expires, so only what was in flight can ever be sent twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import Database
from storage.models import OutboxMessage

PENDING, SENDING, SENT, FAILED, BLOCKED, CANCELLED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "blocked",
    "cancelled",
)
FINAL = (SENT, FAILED, BLOCKED, CANCELLED)


@dataclass(frozen=True)
class NewMessage:
    dedupe_key: str
    kind: str
    channel: str
    chat: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    locale: str = "id"
    batch: str | None = None
    not_before: datetime | None = None


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: str
    channel: str
    chat: str
    template: str
    context: dict[str, Any]
    locale: str
    batch: str | None
    attempts: int


def _rows(items: Iterable[NewMessage], now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "dedupe_key": m.dedupe_key,
            "kind": m.kind,
            "channel": m.channel,
            "chat": m.chat,
            "template": m.template,
            "context": m.context,
            "locale": m.locale,
            "batch": m.batch,
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": m.not_before or now,
            "created_at": now,
        }
        for m in items
    ]


def _enqueue(db: Database, items: Sequence[NewMessage], now: datetime) -> int:
    """Insert what is not there yet; returns how many rows are new."""
    if not items:
        return 0
    insert = sqlite_insert if db.is_sqlite else pg_insert
    stmt = (
        insert(OutboxMessage)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.id)
    )
    with db.write() as s:
        # RETURNING yields only the rows actually inserted: duplicates are not counted.
        return len(s.execute(stmt, _rows(items, now)).all())


def _claim(
    db: Database, worker: str, now: datetime, limit: int, lease: timedelta, channels: Sequence[str]
) -> list[Claimed]:
    due = or_(
        and_(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - lease),
    )
    query = select(OutboxMessage).where(due).order_by(OutboxMessage.id).limit(limit)
    if channels:
        query = query.where(OutboxMessage.channel.in_(channels))
    if not db.is_sqlite:
        query = query.with_for_update(skip_locked=True)
    with db.write() as s:
        rows = list(s.scalars(query))
        for row in rows:
            row.status = SENDING
            row.claimed_by = worker
            row.claimed_at = now
            row.attempts += 1
        return [
            Claimed(
                r.id,
                r.kind,
                r.channel,
                r.chat,
                r.template,
                dict(r.context),
                r.locale,
                r.batch,
                r.attempts,
            )
            for r in rows
        ]


def _finish(
    db: Database,
    row_id: int,
    status: str,
    now: datetime,
    provider_id: str | None,
    error: str | None,
) -> None:
    with db.write() as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == SENDING)
            .values(
                status=status,
                sent_at=now if status == SENT else None,
                provider_id=provider_id,
                last_error=(error or None) and error[:200],
                # A finished row keeps no chat reference it does not need.
                claimed_by=None,
            )
        )


def _retry(db: Database, row_id: int, at: datetime, error: str | None) -> None:
    with db.write() as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == SENDING)
            .values(
                status=PENDING,
                next_attempt_at=at,
                claimed_by=None,
                claimed_at=None,
                last_error=(error or "")[:200] or None,
            )
        )


def _set_delivery(
    db: Database, provider_id: str, delivery: str, error: str | None
) -> tuple[str, str] | None:
    """Records a delivery report; returns (channel, chat) of the message, if known."""
    with db.write() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id))
        if row is None:
            return None
        row.delivery = delivery[:24]
        if error:
            row.last_error = error[:200]
        return row.channel, row.chat


def _batch_counts(db: Database, batch: str) -> dict[str, int]:
    with db.read() as s:
        rows = s.execute(
            select(OutboxMessage.status, func.count())
            .where(OutboxMessage.batch == batch)
            .group_by(OutboxMessage.status)
        )
        return {status: int(n) for status, n in rows}


def _cancel_batch(db: Database, batch: str) -> int:
    with db.write() as s:
        result = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.batch == batch, OutboxMessage.status == PENDING)
            .values(status=CANCELLED)
        )
        return max(result.rowcount or 0, 0)


def _pending_count(db: Database, now: datetime) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count()).where(
                    OutboxMessage.status.in_((PENDING, SENDING)),
                    OutboxMessage.next_attempt_at <= now,
                )
            )
            or 0
        )


async def enqueue(db: Database, items: Sequence[NewMessage], now: datetime) -> int:
    return await db.run(_enqueue, db, items, now)


async def claim(
    db: Database,
    worker: str,
    now: datetime,
    limit: int = 50,
    lease: timedelta = timedelta(minutes=2),
    channels: Sequence[str] = (),
) -> list[Claimed]:
    return await db.run(_claim, db, worker, now, limit, lease, channels)


async def finish(
    db: Database,
    row_id: int,
    status: str,
    now: datetime,
    provider_id: str | None = None,
    error: str | None = None,
) -> None:
    await db.run(_finish, db, row_id, status, now, provider_id, error)


async def retry(db: Database, row_id: int, at: datetime, error: str | None = None) -> None:
    await db.run(_retry, db, row_id, at, error)


async def set_delivery(
    db: Database, provider_id: str, delivery: str, error: str | None = None
) -> tuple[str, str] | None:
    return await db.run(_set_delivery, db, provider_id, delivery, error)


async def batch_counts(db: Database, batch: str) -> dict[str, int]:
    return await db.run(_batch_counts, db, batch)


async def cancel_batch(db: Database, batch: str) -> int:
    return await db.run(_cancel_batch, db, batch)


async def pending_count(db: Database, now: datetime) -> int:
    return await db.run(_pending_count, db, now)
