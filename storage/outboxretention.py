"""Sent (and otherwise final) outbox rows are deleted after ``[delivery] keep_sent_days``.

A final row only keeps a dedupe key from being reused and lets an operator see
what went out; after the retention it goes. Rows of a broadcast still running
stay until it finishes: its progress report counts them. (Rows tied to a tip
never wait for this: ``storage.outbox`` deletes them as soon as they are final.)
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select

from storage.broadcasts import batch_of
from storage.db import Database, off_loop
from storage.models import Broadcast, OutboxMessage
from storage.outbox import FINAL


def _prune(db: Database, before: datetime) -> int:
    """Deletes final rows created before ``before``; returns how many went."""
    with db.write() as s:
        running = [
            batch_of(i)
            for i in s.scalars(select(Broadcast.id).where(Broadcast.finished_at.is_(None)))
        ]
        query = delete(OutboxMessage).where(
            OutboxMessage.status.in_(FINAL), OutboxMessage.created_at < before
        )
        if running:
            query = query.where(
                or_(OutboxMessage.batch.is_(None), OutboxMessage.batch.not_in(running))
            )
        return max(s.execute(query).rowcount or 0, 0)


prune = off_loop(_prune)
