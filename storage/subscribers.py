"""Subscribers to reminders and broadcasts: kept apart from everything about tips.

A row holds a raw chat, so its times are kept to the hour (``storage.grain``):
when someone subscribed or last wrote must not be matched against a tip's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import Subscriber

TIMEZONES = ("WIB", "WITA", "WIT")


@dataclass(frozen=True)
class SubscriberInfo:
    id: int
    channel: str
    chat: str
    tz: str
    office: str | None
    locale: str
    active: bool
    last_inbound_at: datetime | None


def info_of(r: Subscriber) -> SubscriberInfo:
    return SubscriberInfo(
        r.id, r.channel, r.chat, r.tz, r.office, r.locale, r.active, r.last_inbound_at
    )


def _subscribe(
    db: Database,
    channel: str,
    chat: str,
    who: str,
    tz: str,
    office: str | None,
    locale: str,
    now: datetime,
) -> SubscriberInfo:
    if tz not in TIMEZONES:
        raise ValueError(f"unknown time zone {tz!r}")
    now = floor_hour(now)
    with db.write() as s:
        row = s.scalar(
            select(Subscriber).where(Subscriber.channel == channel, Subscriber.chat == chat)
        )
        if row is None:
            row = Subscriber(channel=channel, chat=chat, created_at=now)
            s.add(row)
        row.who, row.tz, row.office, row.locale = who, tz, office, locale
        row.active, row.inactive_reason = True, None
        row.last_inbound_at = now
        row.updated_at = now
        s.flush()
        return info_of(row)


def _unsubscribe(db: Database, who: str, now: datetime) -> int:
    with db.write() as s:
        result = s.execute(
            update(Subscriber)
            .where(Subscriber.who == who, Subscriber.active.is_(True))
            .values(active=False, inactive_reason="berhenti", updated_at=floor_hour(now))
        )
        return max(result.rowcount or 0, 0)


def _deactivate(db: Database, channel: str, chat: str, reason: str, now: datetime) -> bool:
    with db.write() as s:
        result = s.execute(
            update(Subscriber)
            .where(
                Subscriber.channel == channel, Subscriber.chat == chat, Subscriber.active.is_(True)
            )
            .values(active=False, inactive_reason=reason[:40], updated_at=floor_hour(now))
        )
        return bool(result.rowcount)


def _touch_inbound(db: Database, channel: str, chat: str, now: datetime) -> None:
    with db.write() as s:
        s.execute(
            update(Subscriber)
            .where(Subscriber.channel == channel, Subscriber.chat == chat)
            .values(last_inbound_at=floor_hour(now))
        )


def _of(db: Database, who: str) -> list[SubscriberInfo]:
    with db.read() as s:
        return [info_of(r) for r in s.scalars(select(Subscriber).where(Subscriber.who == who))]


def _active_page(
    db: Database, after_id: int = 0, limit: int = 1000, office: str | None = None
) -> list[SubscriberInfo]:
    """One page of active subscribers in id order: callers stream, memory stays flat."""

    with db.read() as s:
        query = (
            select(Subscriber)
            .where(Subscriber.active.is_(True), Subscriber.id > after_id)
            .order_by(Subscriber.id)
            .limit(limit)
        )
        if office is not None:
            query = query.where(Subscriber.office == office)
        return [info_of(r) for r in s.scalars(query)]


def _count_active(db: Database, office: str | None = None) -> int:
    with db.read() as s:
        query = select(func.count()).where(Subscriber.active.is_(True))
        if office is not None:
            query = query.where(Subscriber.office == office)
        return int(s.scalar(query) or 0)


def _count_by_zone(db: Database, office: str | None = None) -> dict[str, int]:
    """Active subscribers per time zone (of one office, or all)."""
    with db.read() as s:
        query = (
            select(Subscriber.tz, func.count())
            .where(Subscriber.active.is_(True))
            .group_by(Subscriber.tz)
        )
        if office is not None:
            query = query.where(Subscriber.office == office)
        return {str(tz): int(n) for tz, n in s.execute(query)}


subscribe = off_loop(_subscribe)
unsubscribe = off_loop(_unsubscribe)
deactivate = off_loop(_deactivate)
touch_inbound = off_loop(_touch_inbound)
of = off_loop(_of)
active_page = off_loop(_active_page)
count_active = off_loop(_count_active)
count_by_zone = off_loop(_count_by_zone)
