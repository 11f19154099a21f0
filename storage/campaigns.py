"""Campaign periods as stored: seeded from config, edited by admins, never hard-deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from storage.db import Database, off_loop
from storage.models import Campaign

CONFIG, ADMIN = "config", "admin"


@dataclass(frozen=True)
class StoredCampaign:
    id: int
    name: str
    start: date
    end: date
    voting_day: date
    offset_minutes: int
    source: str
    removed: bool


def _info(r: Campaign) -> StoredCampaign:
    return StoredCampaign(
        r.id, r.name, r.starts_on, r.ends_on, r.voting_on, r.offset_minutes, r.source, r.removed
    )


def _all(db: Database, with_removed: bool = False) -> list[StoredCampaign]:
    with db.read() as s:
        query = select(Campaign).order_by(Campaign.starts_on, Campaign.id)
        if not with_removed:
            query = query.where(Campaign.removed.is_(False))
        return [_info(r) for r in s.scalars(query)]


def _save(
    db: Database,
    campaign_id: int | None,
    name: str,
    start: date,
    end: date,
    voting_day: date,
    offset_minutes: int,
    source: str,
    now: datetime,
) -> StoredCampaign | None:
    """Adds (``campaign_id`` None) or replaces one; None when the id is unknown or removed."""
    with db.write() as s:
        if campaign_id is None:
            row = Campaign(removed=False)
            s.add(row)
        else:
            row = s.get(Campaign, campaign_id)
            if row is None or row.removed:
                return None
        row.name, row.starts_on, row.ends_on, row.voting_on = name, start, end, voting_day
        row.offset_minutes, row.source, row.updated_at = offset_minutes, source, now
        s.flush()
        return _info(row)


def _remove(db: Database, campaign_id: int, now: datetime) -> StoredCampaign | None:
    with db.write() as s:
        row = s.get(Campaign, campaign_id)
        if row is None or row.removed:
            return None
        row.removed, row.updated_at = True, now
        return _info(row)


all_campaigns = off_loop(_all)
save = off_loop(_save)
remove = off_loop(_remove)
