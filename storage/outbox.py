"""The outbox: pushed messages are rows first, sent later, each exactly once.

A row's ``dedupe_key`` is unique, so writing the same reminder twice is
harmless. Dispatchers claim rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL;
SQLite serialises writers with BEGIN IMMEDIATE) and mark them ``sending``
under a lease; a crashed dispatcher's rows become claimable again when the
lease expires, so only what was in flight can ever be sent twice.

Rows whose kind starts with ``tip_`` are tied to a tip (the admins' alerts,
notifications and receipt codes for tipsters): their times are kept to the
hour (``storage.grain``), rounded so they are never early (a retry waits for
the next whole hour, a lease lasts until an hour after it began), and they
are deleted as soon as they are final, sent or not. Other final rows are
pruned after ``[delivery] keep_sent_days`` (``storage.outboxretention``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from storage.db import Database, off_loop, upsert_insert
from storage.grain import floor_hour, next_hour
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
SEALED_CHAT = "enc:"  # a chat only the dispatcher's resolve_chat hook can read
SEALED_CONTEXT = "_sealed"  # context values only the dispatcher's open_context hook can read

# Priorities: lower goes first.
URGENT, NORMAL, BULK = 0, 1, 2

TIP_KIND = "tip_"  # kinds tied to a tip start with this


def tied_to_tip(kind: str) -> bool:
    return kind.startswith(TIP_KIND)


def _tip_rows() -> ColumnElement[bool]:
    return OutboxMessage.kind.startswith(TIP_KIND, autoescape=True)


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
    priority: int = NORMAL


@dataclass(frozen=True)
class Outcome:
    """What became of one claimed row: a final status, or a retry at ``retry_at``."""

    id: int
    status: str  # SENT, FAILED, BLOCKED, or PENDING for a retry
    provider_id: str | None = None
    error: str | None = None
    retry_at: datetime | None = None


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


def insert_new(s: Session, is_sqlite: bool, items: Sequence[NewMessage], now: datetime) -> set[str]:
    """Inserts in an open session what is not there yet; returns the new rows' dedupe keys."""
    if not items:
        return set()
    insert = upsert_insert(is_sqlite)
    stmt = (
        insert(OutboxMessage)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(OutboxMessage.dedupe_key)
    )
    return set(s.connection().execute(stmt, _rows(items, now)).scalars())


def _rows(items: Iterable[NewMessage], now: datetime) -> list[dict[str, Any]]:
    return [_row(m, floor_hour(now) if tied_to_tip(m.kind) else now) for m in items]


def _row(m: NewMessage, now: datetime) -> dict[str, Any]:
    due = m.not_before or now
    # A tip's row is due from the start of its hour: at once, and no finer than the tip.
    return {
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
        "next_attempt_at": floor_hour(due) if tied_to_tip(m.kind) else due,
        "created_at": now,
        "priority": m.priority,
    }


def _enqueue(db: Database, items: Sequence[NewMessage], now: datetime) -> int:
    """Insert what is not there yet; returns how many rows are new."""
    with db.write() as s:
        return len(insert_new(s, db.is_sqlite, items, now))


def _claim(
    db: Database,
    worker: str,
    now: datetime,
    limit: int = 50,
    lease: timedelta = timedelta(minutes=2),
    channels: Sequence[str] = (),
) -> list[Claimed]:
    # Two narrow queries rather than one OR: each walks its own index (expired leases are
    # few; pending rows come in (priority, id) order), so a claim costs the same at 100
    # rows as at 100,000 sent ones before it.
    expired = (
        select(OutboxMessage)
        .where(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - lease)
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    pending = (
        select(OutboxMessage)
        .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.priority, OutboxMessage.id)
        .limit(limit)
    )
    if channels:
        expired = expired.where(OutboxMessage.channel.in_(channels))
        pending = pending.where(OutboxMessage.channel.in_(channels))
    if not db.is_sqlite:
        # Two dispatchers never take the same row; on SQLite BEGIN IMMEDIATE serialises them.
        expired = expired.with_for_update(skip_locked=True)
        pending = pending.with_for_update(skip_locked=True)
    with db.write() as s:
        rows = list(s.scalars(expired))
        if len(rows) < limit:
            rows += list(s.scalars(pending.limit(limit - len(rows))))
        return _take(rows, worker, now)


def _take(rows: Sequence[OutboxMessage], worker: str, now: datetime) -> list[Claimed]:
    for row in rows:
        row.status = SENDING
        row.claimed_by = worker
        # A tip's row: the lease counts from the next whole hour, so it never ends early.
        row.claimed_at = next_hour(now) if tied_to_tip(row.kind) else now
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


def _claim_keys(db: Database, worker: str, keys: Sequence[str], now: datetime) -> list[Claimed]:
    """Claims the named rows if they are still pending, due or not: for a message that
    must go out now (a receipt code), without waiting for the next tick."""
    if not keys:
        return []
    query = select(OutboxMessage).where(
        OutboxMessage.dedupe_key.in_(keys), OutboxMessage.status == PENDING
    )
    if not db.is_sqlite:
        query = query.with_for_update(skip_locked=True)
    with db.write() as s:
        return _take(list(s.scalars(query.order_by(OutboxMessage.id))), worker, now)


def _record(db: Database, outcomes: Sequence[Outcome], now: datetime) -> None:
    """All results of one claimed batch in one transaction (one commit, not one per row)."""
    done = [o for o in outcomes if o.status != PENDING]
    again = [o for o in outcomes if o.status == PENDING]
    with db.write() as s:
        conn = s.connection()
        if done:
            conn.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == bindparam("row_id"), OutboxMessage.status == SENDING)
                .values(
                    status=bindparam("new_status"),
                    sent_at=bindparam("sent"),
                    provider_id=bindparam("provider"),
                    last_error=bindparam("err"),
                    claimed_by=None,
                ),
                [
                    {
                        "row_id": o.id,
                        "new_status": o.status,
                        "sent": now if o.status == SENT else None,
                        "provider": o.provider_id,
                        "err": (o.error or None) and o.error[:200],
                    }
                    for o in done
                ],
            )
            # A sealed chat (a tipster's) is blanked once final, with the provider's
            # message id: either would lead back to the person.
            conn.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id.in_([o.id for o in done]),
                    OutboxMessage.chat.startswith(SEALED_CHAT),
                )
                .values(chat="", provider_id=None)
            )
            # A row tied to a tip says when and to whom the tip was announced: once
            # final it has nothing left to do, so nothing of it is kept.
            conn.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.id.in_([o.id for o in done]),
                    OutboxMessage.status.in_(FINAL),
                    _tip_rows(),
                )
            )
        if again:
            conn.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == bindparam("row_id"), OutboxMessage.status == SENDING)
                .values(
                    status=PENDING,
                    next_attempt_at=bindparam("at"),
                    claimed_by=None,
                    claimed_at=None,
                    last_error=bindparam("err"),
                ),
                [
                    {"row_id": o.id, "at": o.retry_at or now, "err": (o.error or "")[:200] or None}
                    for o in again
                ],
            )
            # A tip's row is retried at the next whole hour after its wait: never
            # sooner than asked, and no time finer than the tip's own.
            latest = max(o.retry_at or now for o in again)
            conn.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id.in_([o.id for o in again]),
                    OutboxMessage.status == PENDING,
                    _tip_rows(),
                )
                .values(next_attempt_at=next_hour(latest))
            )


def _cancel_for_chat(db: Database, channel: str, chat: str, kinds: Sequence[str]) -> int:
    """Pending messages of these kinds to one chat will not go out (e.g. after /berhenti)."""

    with db.write() as s:
        result = s.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.channel == channel,
                OutboxMessage.chat == chat,
                OutboxMessage.kind.in_(kinds),
                OutboxMessage.status == PENDING,
            )
            .values(status=CANCELLED)
        )
        return max(result.rowcount or 0, 0)


# Twilio's message states in the order they happen; failures end the story.
_DELIVERY_ORDER = ("accepted", "queued", "sending", "sent", "delivered", "read")
_FINAL_DELIVERY = ("failed", "undelivered", "canceled")


def _delivery_rank(state: str | None) -> int:
    if state is None:
        return -1
    if state in _FINAL_DELIVERY:
        return len(_DELIVERY_ORDER)
    return _DELIVERY_ORDER.index(state) if state in _DELIVERY_ORDER else 0


def _set_delivery(
    db: Database, provider_id: str, delivery: str, error: str | None = None
) -> tuple[str, str] | None:
    """Records a delivery report; returns (channel, chat) of the message, if known."""
    with db.write() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id))
        if row is None:
            return None
        # Reports can arrive out of order ("delivered" before "sent"): never step back.
        if _delivery_rank(delivery) >= _delivery_rank(row.delivery):
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


enqueue = off_loop(_enqueue)
claim = off_loop(_claim)
claim_keys = off_loop(_claim_keys)
record = off_loop(_record)
cancel_for_chat = off_loop(_cancel_for_chat)
set_delivery = off_loop(_set_delivery)
batch_counts = off_loop(_batch_counts)
cancel_batch = off_loop(_cancel_batch)
pending_count = off_loop(_pending_count)
