"""The one column type for instants: UTC, timezone-aware in and out, on every database.

SQLite has no time zones: SQLAlchemy writes an aware datetime's wall-clock
digits and drops the offset, so ``10:00+07:00`` came back as ``10:00`` and was
compared with UTC (a broadcast went out seven hours late), and reads come back
naive. ``UtcDateTime`` converts every value to UTC before it is written, refuses
a naive one (its zone would be a guess), and hands back aware UTC on both
SQLite and PostgreSQL. ``models.Base`` maps every ``Mapped[datetime]`` to it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class NaiveDatetimeError(ValueError):
    """A datetime without a zone was about to be stored: a bug in the caller."""


class UtcDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UtcDateTime stores datetimes, not {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                f"refusing to store the naive datetime {value.isoformat()}: give it a zone"
            )
        utc = value.astimezone(UTC)
        # SQLite keeps the digits only: they are UTC's, always.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # stored by us, so UTC
        return value.astimezone(UTC)
