"""Append-only audit log of privileged actions: there is no update or delete.

An action on a tip (target ``tip:<number>``) is stamped to the hour, like the
tip itself: an admin who claims a tip seconds after its alert would otherwise
date the tip to the second. Rows keep their order by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import AuditEntry

TIP_TARGET = "tip:"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    target: str | None
    detail: str | None


def _record(
    db: Database,
    at: datetime,
    actor: str,
    action: str,
    target: str | None = None,
    detail: str | None = None,
) -> None:
    if target is not None and target.startswith(TIP_TARGET):
        at = floor_hour(at)
    with db.write() as s:
        s.add(AuditEntry(at=at, actor=actor, action=action, target=target, detail=detail))


def _recent(db: Database, limit: int = 20, offset: int = 0) -> list[AuditRecord]:
    with db.read() as s:
        rows = s.scalars(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
        )
        return [AuditRecord(r.id, r.at, r.actor, r.action, r.target, r.detail) for r in rows]


record = off_loop(_record)
recent = off_loop(_recent)
