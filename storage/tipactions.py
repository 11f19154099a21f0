"""Admin actions on tips (claim, status, reply, note) and the tipster's own additions.

Each runs in one writer transaction: the claim check and the change cannot be
split by another admin's action in between. Times are kept to the hour, like
the tip's own (see ``storage.tips``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import Tip, TipEvent
from storage.tips import EVENT, FINAL, STATUSES, PhotoRef, add_media, claim_active, tipster_time
from storage.vault import Vault


@dataclass(frozen=True)
class Change:
    """The outcome of an admin action on a tip."""

    ok: bool
    holder: str | None = None  # set when another admin holds the tip
    previous: str | None = None  # status before, or the claim taken over
    notify_ref: str | None = None  # sealed chat reference to tell the tipster
    event_id: int | None = None


def _take(row: Tip, actor: str, now: datetime, idle: timedelta, force: bool) -> str | None:
    """Claims ``row`` for ``actor`` unless another admin holds it; returns that holder."""
    active = row.claimed_by and claim_active(row.claimed_at, now, idle)
    if active and row.claimed_by != actor and not force:
        return row.claimed_by
    row.claimed_by = actor
    row.claimed_at = floor_hour(now)
    return None


def _claim(
    db: Database, tip_id: int, actor: str, now: datetime, idle: timedelta, force: bool = False
) -> Change | None:
    with db.write() as s:
        row = s.get(Tip, tip_id)
        if row is None:
            return None
        before = row.claimed_by if row.claimed_by != actor else None
        holder = _take(row, actor, now, idle, force)
        if holder:
            return Change(False, holder=holder)
        return Change(True, previous=before)


def _set_status(
    db: Database,
    vault: Vault,
    tip_id: int,
    status: str,
    authority: str | None,
    reason: str,
    actor: str,
    now: datetime,
    idle: timedelta,
) -> Change | None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with db.write() as s:
        row = s.get(Tip, tip_id)
        if row is None:
            return None
        holder = _take(row, actor, now, idle, force=False)
        if holder:
            return Change(False, holder=holder)
        previous, ref = row.status, row.notify_ref
        row.status = status
        row.status_changed_at = floor_hour(now)
        if status in FINAL:
            row.notify_ref = None  # the opt-in ends with the tip: nothing left to say
            row.claimed_by = None
            row.claimed_at = None
        event = TipEvent(
            tip_id=tip_id,
            at=floor_hour(now),
            kind="status",
            status=status,
            authority=authority,
            body_enc=vault.seal_text(reason, EVENT),
            actor=actor,
        )
        s.add(event)
        s.flush()
        return Change(True, previous=previous, notify_ref=ref, event_id=event.id)


def _add_event(
    db: Database,
    vault: Vault,
    tip_id: int,
    kind: str,
    body: str,
    actor: str,
    now: datetime,
    idle: timedelta,
    need_hold: bool = True,
) -> Change | None:
    with db.write() as s:
        row = s.get(Tip, tip_id)
        if row is None:
            return None
        if need_hold:
            holder = _take(row, actor, now, idle, force=False)
            if holder:
                return Change(False, holder=holder)
        event = TipEvent(
            tip_id=tip_id,
            at=floor_hour(now),
            kind=kind,
            body_enc=vault.seal_text(body, EVENT),
            actor=actor,
        )
        s.add(event)
        s.flush()
        return Change(True, notify_ref=row.notify_ref, event_id=event.id)


def _add_from_tipster(
    db: Database, vault: Vault, tip_id: int, text: str, photos: tuple[PhotoRef, ...], now: datetime
) -> int | None:
    now = tipster_time(now)
    with db.write() as s:
        row = s.get(Tip, tip_id)
        if row is None or row.status in FINAL:
            return None
        event = TipEvent(
            tip_id=tip_id, at=now, kind="addition", body_enc=vault.seal_optional(text, EVENT)
        )
        s.add(event)
        s.flush()
        add_media(s, tip_id, event.id, photos, now)
        return event.id


def _set_notify(db: Database, tip_id: int, ref: str | None) -> bool:
    with db.write() as s:
        row = s.get(Tip, tip_id)
        if row is None or (ref is not None and row.status in FINAL):
            return False
        row.notify_ref = ref
        return True


def _exists(db: Database, tip_id: int) -> bool:
    with db.read() as s:
        return s.get(Tip, tip_id) is not None


claim = off_loop(_claim)


async def set_status(
    db: Database,
    vault: Vault,
    tip_id: int,
    status: str,
    reason: str,
    actor: str,
    now: datetime,
    idle: timedelta,
    authority: str | None = None,
) -> Change | None:
    return await db.run(_set_status, db, vault, tip_id, status, authority, reason, actor, now, idle)


add_event = off_loop(_add_event)
add_from_tipster = off_loop(_add_from_tipster)
set_notify = off_loop(_set_notify)
exists = off_loop(_exists)
