"""The inbox: an update is a row before anyone is told it arrived, and is handled from here.

A webhook (or the polling loop) stores the update and only then answers 200;
workers claim rows under a lease and mark them done. The unique
``dedupe_key`` makes a resent update (same update_id or MessageSid) a no-op.
A conversation's rows are claimed strictly one after another, in arrival
order, whichever worker or process takes them: a row is claimable only when
no earlier row of its conversation is unfinished. PostgreSQL workers claim
with ``FOR UPDATE SKIP LOCKED``; on SQLite BEGIN IMMEDIATE serialises them.

Handled rows keep only the dedupe key and the hour; payload, conversation
and lease are erased at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, bindparam, delete, exists, func, select, update
from sqlalchemy.orm import aliased

from storage.db import Database, off_loop, upsert_insert
from storage.models import InboxItem

PENDING, WORKING, DONE = "pending", "working", "done"
# The purpose sealed payloads are bound to: a payload moved to another column will not open.
PAYLOAD = "inbox.payload"


@dataclass(frozen=True)
class NewItem:
    dedupe_key: str
    conversation: str | None
    payload: bytes


@dataclass(frozen=True)
class Claimed:
    id: int
    payload: bytes | None
    attempts: int


def hour_of(now: datetime) -> datetime:
    """The only time an inbox row keeps: the hour it arrived in."""
    return now.replace(minute=0, second=0, microsecond=0)


def _store(db: Database, channel: str, items: Sequence[NewItem], now: datetime) -> set[str]:
    """Stores what is not there yet; returns the dedupe keys that were new."""
    if not items:
        return set()
    insert = upsert_insert(db.is_sqlite)
    stmt = (
        insert(InboxItem)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        # RETURNING, not rowcount: drivers report rowcount -1 for some inserts.
        .returning(InboxItem.dedupe_key)
    )
    hour = hour_of(now)
    rows = [
        {
            "channel": channel,
            "dedupe_key": item.dedupe_key,
            "conversation": item.conversation,
            "payload": item.payload,
            "status": PENDING,
            "attempts": 0,
            "received_hour": hour,
        }
        for item in items
    ]
    with db.write() as s:
        return set(s.connection().execute(stmt, rows).scalars())


def _claim_queries(locking: bool) -> tuple[Select[Any], Select[Any]]:
    """(expired leases, waiting) in id order; built once, run with parameters."""
    earlier = aliased(InboxItem)
    waits = exists().where(
        earlier.conversation == InboxItem.conversation,
        earlier.id < InboxItem.id,
        earlier.status != DONE,
    )
    columns = (InboxItem.id, InboxItem.payload, InboxItem.attempts)
    mine = InboxItem.channel == bindparam("channel")
    expired = select(*columns).where(
        mine, InboxItem.status == WORKING, InboxItem.lease_until < bindparam("now"), ~waits
    )
    waiting = select(*columns).where(mine, InboxItem.status == PENDING, ~waits)
    queries = [q.order_by(InboxItem.id).limit(bindparam("n")) for q in (expired, waiting)]
    if locking:
        queries = [q.with_for_update(skip_locked=True, of=InboxItem) for q in queries]
    return queries[0], queries[1]


# Two narrow queries rather than one with OR: each walks its index in id order and stops
# at the limit, where one query sorts every waiting row (as the outbox found before).
_CLAIM = {sqlite: _claim_queries(not sqlite) for sqlite in (True, False)}
_IDS = bindparam("ids", expanding=True)
_TAKE = (
    update(InboxItem)
    .where(InboxItem.id.in_(_IDS))
    .values(status=WORKING, lease_until=bindparam("until"), attempts=InboxItem.attempts + 1)
)
# Handled: nothing of the update stays but its dedupe key and hour.
_FINISH = (
    update(InboxItem)
    .where(InboxItem.id.in_(_IDS))
    .values(status=DONE, payload=None, conversation=None, lease_until=None)
)


def _claim(
    db: Database,
    channel: str,
    now: datetime,
    limit: int,
    lease: timedelta,
    done: Sequence[int] = (),
) -> list[Claimed]:
    """Marks the ``done`` rows handled, then takes up to ``limit`` rows nobody holds, each
    the oldest unfinished of its conversation (one transaction: one commit per round)."""
    expired, waiting = _CLAIM[db.is_sqlite]
    with db.write() as s:
        conn = s.connection()
        if done:
            conn.execute(_FINISH, {"ids": list(done)})
        rows = list(conn.execute(expired, {"channel": channel, "now": now, "n": limit}))
        if len(rows) < limit:
            rows += conn.execute(waiting, {"channel": channel, "n": limit - len(rows)})
        if rows:
            conn.execute(_TAKE, {"ids": [r.id for r in rows], "until": now + lease})
    return sorted((Claimed(r.id, r.payload, r.attempts + 1) for r in rows), key=lambda c: c.id)


def _finish(db: Database, ids: Sequence[int]) -> None:
    with db.write() as s:
        s.connection().execute(_FINISH, {"ids": list(ids)})


def _extend(db: Database, ids: Sequence[int], until: datetime) -> None:
    """The worker is alive and still busy with these rows."""
    with db.write() as s:
        s.execute(
            update(InboxItem)
            .where(InboxItem.id.in_(ids), InboxItem.status == WORKING)
            .values(lease_until=until)
        )


def _release(db: Database, channel: str, ids: Sequence[int] | None = None) -> int:
    """Rows back to pending at once (all of the channel's with ``ids`` None)."""
    query = update(InboxItem).where(InboxItem.channel == channel, InboxItem.status == WORKING)
    if ids is not None:
        query = query.where(InboxItem.id.in_(ids))
    with db.write() as s:
        result = s.execute(query.values(status=PENDING, lease_until=None))
        return max(result.rowcount or 0, 0)


def _unfinished(db: Database, channel: str) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count()).where(
                    InboxItem.channel == channel, InboxItem.status.in_((PENDING, WORKING))
                )
            )
            or 0
        )


def _purge(db: Database, before: datetime) -> int:
    """Forgets handled updates that arrived before ``before``: a resend is new again."""
    with db.write() as s:
        result = s.execute(
            delete(InboxItem).where(InboxItem.status == DONE, InboxItem.received_hour < before)
        )
        return max(result.rowcount or 0, 0)


store = off_loop(_store)
claim = off_loop(_claim)
finish = off_loop(_finish)
extend = off_loop(_extend)
release = off_loop(_release)
unfinished = off_loop(_unfinished)
purge = off_loop(_purge)
