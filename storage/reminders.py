"""Reminder rotation state, and the write that queues reminders exactly once.

A reminder's outbox row and its subscriber's new state commit together, and
the state moves only when the row is new: a second planner (another worker,
a repeated run) that loses the race on the dedupe key changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from storage import outbox
from storage.db import Database, off_loop
from storage.models import ReminderState, Subscriber
from storage.subscribers import SubscriberInfo, info_of


@dataclass(frozen=True)
class Candidate:
    subscriber: SubscriberInfo
    last_date: date | None
    position: int
    last_entry: str | None


@dataclass(frozen=True)
class Planned:
    subscriber_id: int
    local_date: date
    position: int  # the rotation position after this reminder
    entry_id: str | None
    message: outbox.NewMessage


def _candidates(
    db: Database, zones: Sequence[str], after_id: int = 0, limit: int = 500
) -> list[Candidate]:
    """One page of active subscribers in these zones, with their rotation state."""

    with db.read() as s:
        rows = s.execute(
            select(Subscriber, ReminderState)
            .outerjoin(ReminderState, ReminderState.subscriber_id == Subscriber.id)
            .where(
                Subscriber.active.is_(True),
                Subscriber.tz.in_(zones),
                Subscriber.id > after_id,
            )
            .order_by(Subscriber.id)
            .limit(limit)
        )
        return [
            Candidate(
                info_of(sub),
                state.last_date if state else None,
                state.position if state else 0,
                state.last_entry if state else None,
            )
            for sub, state in rows
        ]


def _record(db: Database, planned: Sequence[Planned], now: datetime) -> int:
    """Queues the planned reminders; returns how many were new."""

    if not planned:
        return 0
    with db.write() as s:
        new = outbox.insert_new(s, db.is_sqlite, [p.message for p in planned], now)
        won = [p for p in planned if p.message.dedupe_key in new]
        states = {
            st.subscriber_id: st
            for st in s.scalars(
                select(ReminderState).where(
                    ReminderState.subscriber_id.in_([p.subscriber_id for p in won])
                )
            )
        }
        for p in won:
            st = states.get(p.subscriber_id)
            if st is None:
                st = ReminderState(subscriber_id=p.subscriber_id)
                s.add(st)
            st.last_date, st.position, st.last_entry = p.local_date, p.position, p.entry_id
            st.updated_at = now
        return len(won)


candidates = off_loop(_candidates)
record = off_loop(_record)
