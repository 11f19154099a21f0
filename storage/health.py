"""A write the health check can afford: one counter in one row, in a real transaction.

``SELECT 1`` answers while every write fails (a full disk, a read-only file,
another process holding SQLite's write lock, a PostgreSQL standby); this
fails exactly then.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database, upsert_insert
from storage.models import HealthProbe

PG_TIMEOUT_MS = 2000  # a PostgreSQL probe waits no longer than this for a lock


def probe_write(db: Database) -> bool:
    """True if the database took a write (and a commit) just now."""
    insert = upsert_insert(db.is_sqlite)
    bump = insert(HealthProbe).values(id=1, writes=1)
    bump = bump.on_conflict_do_update(
        index_elements=["id"], set_={"writes": HealthProbe.writes + 1}
    )
    try:
        with db.write() as s:
            if not db.is_sqlite:
                s.execute(text(f"SET LOCAL statement_timeout = {PG_TIMEOUT_MS}"))
            s.execute(bump)
        return True
    except SQLAlchemyError:
        return False
