"""Submitted tips and what happens to them. Free text goes in and out sealed.

A tip row knows nothing of who wrote it (see ``models.Tip``). Functions
take the ``Vault`` and return plain dataclasses with the text opened. Every
time on a tip, its events and its photos is kept to the hour
(``storage.grain``), whoever acts: an admin's claim seconds after the alert
would date the tip as well as its own timestamp would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import conversations, outbox
from storage.conversations import State
from storage.db import Database, off_loop
from storage.grain import GRAIN, floor_hour
from storage.models import Tip, TipEvent, TipMedia
from storage.outbox import NewMessage
from storage.vault import Vault

STATUSES = ("new", "reviewing", "forwarded", "closed", "rejected")
OPEN = ("new", "reviewing", "forwarded")
FINAL = ("closed", "rejected")
CATEGORIES = (
    "medsos",
    "kampanye",
    "atribut",
    "fasilitas",
    "mobilisasi",
    "keputusan",
    "lainnya",
)
AUTHORITIES = ("bawaslu", "bkn", "lapor", "ppk")

# Associated data for each sealed column: a value moved elsewhere will not open.
BODY, OFFICE, PLACE, OCCURRED, EVENT, NOTIFY = (
    "tip.body",
    "tip.office",
    "tip.place",
    "tip.occurred",
    "tip.event",
    "tip.notify",
)


@dataclass(frozen=True)
class PhotoRef:
    file_name: str
    sha256: str
    size: int
    width: int
    height: int


@dataclass(frozen=True)
class NewTip:
    body: str
    office: str | None = None
    place: str | None = None
    occurred: str | None = None
    category: str | None = None
    photos: tuple[PhotoRef, ...] = ()


@dataclass(frozen=True)
class EventInfo:
    id: int
    at: datetime
    kind: str  # status | reply | note | addition
    status: str | None
    authority: str | None
    body: str | None
    actor: str | None


@dataclass(frozen=True)
class MediaInfo:
    id: int
    file_name: str
    sha256: str
    event_id: int | None
    purged: bool


@dataclass(frozen=True)
class TipDetail:
    id: int
    status: str
    category: str | None
    body: str
    office: str | None
    place: str | None
    occurred: str | None
    created_at: datetime
    status_changed_at: datetime
    claimed_by: str | None
    claimed_at: datetime | None
    notify: bool
    events: tuple[EventInfo, ...] = ()
    media: tuple[MediaInfo, ...] = ()

    def holder(self, now: datetime, idle: timedelta) -> str | None:
        """The admin actively holding the claim, if any."""
        if self.claimed_by and claim_active(self.claimed_at, now, idle):
            return self.claimed_by
        return None


def claim_active(claimed_at: datetime | None, now: datetime, idle: timedelta) -> bool:
    """A claim lapses ``idle`` after the admin's last action on the tip. That action is
    stored as the start of its hour, so the claim is counted from the end of that hour:
    it never lapses early, and holds at most an hour longer."""
    return claimed_at is not None and aware(claimed_at) + GRAIN > now - idle  # type: ignore[operator]


@dataclass(frozen=True)
class TipSummary:
    id: int
    status: str
    category: str | None
    created_at: datetime
    claimed_by: str | None
    claimed_at: datetime | None
    photos: int
    preview: str


@dataclass(frozen=True)
class Stats:
    by_status: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_week: dict[str, int] = field(default_factory=dict)  # "2026-W48" -> count


def aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes for timezone-aware columns; all ours are UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def add_media(
    s: Session, tip_id: int, event_id: int | None, photos: tuple[PhotoRef, ...], now: datetime
) -> None:
    for p in photos:
        s.add(
            TipMedia(
                tip_id=tip_id,
                event_id=event_id,
                file_name=p.file_name,
                sha256=p.sha256,
                size=p.size,
                width=p.width,
                height=p.height,
                created_at=now,
            )
        )


def tipster_time(now: datetime) -> datetime:
    """What a tipster did is stamped to the hour only: an exact time could be
    matched against the moment a conversation (keyed by pseudonym) was last seen."""
    return floor_hour(now)


@dataclass(frozen=True)
class Followup:
    """What is stored in the new tip's own transaction, so it exists exactly when the tip
    does: outbox rows (the admins' alerts, the sealed receipt) and the sender's state."""

    messages: Sequence[NewMessage] = ()
    who: str | None = None
    state: State | None = None


def _create(
    db: Database,
    vault: Vault,
    tip: NewTip,
    code_hash: str,
    now: datetime,
    follow: Callable[[int], Followup] | None = None,
) -> int:
    """Stores the tip; ``follow(tip_id)`` says what else to store in the same transaction."""
    exact, now = now, tipster_time(now)
    with db.write() as s:
        row = Tip(
            code_hash=code_hash,
            status="new",
            category=tip.category,
            body_enc=vault.seal_text(tip.body, BODY),
            office_enc=vault.seal_optional(tip.office, OFFICE),
            place_enc=vault.seal_optional(tip.place, PLACE),
            occurred_enc=vault.seal_optional(tip.occurred, OCCURRED),
            created_at=now,
            status_changed_at=now,
        )
        s.add(row)
        s.flush()
        s.add(TipEvent(tip_id=row.id, at=now, kind="status", status="new"))
        add_media(s, row.id, None, tip.photos, now)
        if follow is not None:
            extra = follow(row.id)
            outbox.insert_new(s, db.is_sqlite, extra.messages, exact)
            if extra.who is not None and extra.state is not None:
                conversations.save_in(s, extra.who, extra.state, exact)
        return row.id


def _find(db: Database, code_hash: str) -> int | None:
    with db.read() as s:
        return s.scalar(select(Tip.id).where(Tip.code_hash == code_hash))


def _event(vault: Vault, e: TipEvent) -> EventInfo:
    body = vault.open_optional(e.body_enc, EVENT)
    return EventInfo(e.id, aware(e.at), e.kind, e.status, e.authority, body, e.actor)  # type: ignore[arg-type]


def _detail_of(s: Session, vault: Vault, row: Tip) -> TipDetail:
    events = s.scalars(select(TipEvent).where(TipEvent.tip_id == row.id).order_by(TipEvent.id))
    media = s.scalars(select(TipMedia).where(TipMedia.tip_id == row.id).order_by(TipMedia.id))
    return TipDetail(
        id=row.id,
        status=row.status,
        category=row.category,
        body=vault.open_text(row.body_enc, BODY),
        office=vault.open_optional(row.office_enc, OFFICE),
        place=vault.open_optional(row.place_enc, PLACE),
        occurred=vault.open_optional(row.occurred_enc, OCCURRED),
        created_at=aware(row.created_at),  # type: ignore[arg-type]
        status_changed_at=aware(row.status_changed_at),  # type: ignore[arg-type]
        claimed_by=row.claimed_by,
        claimed_at=aware(row.claimed_at),
        notify=row.notify_ref is not None,
        events=tuple(_event(vault, e) for e in events),
        media=tuple(
            MediaInfo(m.id, m.file_name, m.sha256, m.event_id, m.purged_at is not None)
            for m in media
        ),
    )


def _detail(db: Database, vault: Vault, tip_id: int) -> TipDetail | None:
    with db.read() as s:
        row = s.get(Tip, tip_id)
        return None if row is None else _detail_of(s, vault, row)


def _filtered(statuses: tuple[str, ...], category: str | None):  # type: ignore[no-untyped-def]
    query = select(Tip)
    if statuses:
        query = query.where(Tip.status.in_(statuses))
    if category:
        query = query.where(Tip.category == category)
    return query


def _listing(
    db: Database,
    vault: Vault,
    statuses: tuple[str, ...] = OPEN,
    category: str | None = None,
    offset: int = 0,
    limit: int = 10,
) -> tuple[list[TipSummary], int]:
    query = _filtered(statuses, category)
    with db.read() as s:
        total = int(s.scalar(select(func.count()).select_from(query.subquery())) or 0)
        rows = list(s.scalars(query.order_by(Tip.id.desc()).offset(offset).limit(limit)))
        counts = dict(
            s.execute(
                select(TipMedia.tip_id, func.count())
                .where(TipMedia.tip_id.in_([r.id for r in rows]))
                .group_by(TipMedia.tip_id)
            ).all()
        )
        return [
            TipSummary(
                r.id,
                r.status,
                r.category,
                aware(r.created_at),  # type: ignore[arg-type]
                r.claimed_by,
                aware(r.claimed_at),
                int(counts.get(r.id, 0)),
                vault.open_text(r.body_enc, BODY),
            )
            for r in rows
        ], total


def _export(
    db: Database, vault: Vault, statuses: tuple[str, ...] = (), category: str | None = None
) -> list[TipDetail]:
    with db.read() as s:
        rows = s.scalars(_filtered(statuses, category).order_by(Tip.id))
        return [_detail_of(s, vault, r) for r in rows]


def _stats(db: Database) -> Stats:
    with db.read() as s:
        by_status = {
            k: int(n) for k, n in s.execute(select(Tip.status, func.count()).group_by(Tip.status))
        }
        by_category = {
            (k or "-"): int(n)
            for k, n in s.execute(select(Tip.category, func.count()).group_by(Tip.category))
        }
        weeks: dict[str, int] = {}
        for (at,) in s.execute(select(Tip.created_at)):
            year, week, _ = aware(at).isocalendar()  # type: ignore[union-attr]
            key = f"{year}-W{week:02d}"
            weeks[key] = weeks.get(key, 0) + 1
        return Stats(by_status, by_category, dict(sorted(weeks.items())))


def _stale(db: Database, before: datetime) -> list[int]:
    """Open tips whose status has not changed since ``before``."""

    with db.read() as s:
        return list(
            s.scalars(
                select(Tip.id)
                .where(Tip.status.in_(OPEN), Tip.status_changed_at <= before)
                .order_by(Tip.id)
            )
        )


create = off_loop(_create)
find_by_code_hash = off_loop(_find)
detail = off_loop(_detail)
listing = off_loop(_listing)
export = off_loop(_export)
stats = off_loop(_stats)
stale = off_loop(_stale)
