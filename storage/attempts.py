"""Failed /status lookups per sender pseudonym, to stop code guessing.

Rows hold the pseudonym and a time, nothing else: never which code was
tried, never a tip. Old rows are dropped as new ones come in. Times are kept
to the hour (``storage.grain``), so a failure counts from the start of its
hour: the limit holds for one to two hours, never less than one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import StatusAttempt

WINDOW = timedelta(hours=1)


def _count(db: Database, who: str, now: datetime) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count()).where(
                    StatusAttempt.who == who, StatusAttempt.at >= floor_hour(now - WINDOW)
                )
            )
            or 0
        )


def _record(db: Database, who: str, now: datetime) -> None:
    with db.write() as s:
        s.execute(delete(StatusAttempt).where(StatusAttempt.at < floor_hour(now - WINDOW)))
        s.add(StatusAttempt(who=who, at=floor_hour(now)))


recent_failures = off_loop(_count)
record_failure = off_loop(_record)
