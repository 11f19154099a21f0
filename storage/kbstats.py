"""Feedback on answers and the list of questions the bot could not answer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import KbGap, KbVote

MAX_GAP_CHARS = 300


@dataclass(frozen=True)
class Gap:
    text: str
    count: int
    last_at: datetime


@dataclass(frozen=True)
class VoteCount:
    entry_id: str
    up: int
    down: int


def _voter(who: str, entry_id: str) -> str:
    return hashlib.sha256(f"{who}\x1f{entry_id}".encode()).hexdigest()


def _record_vote(db: Database, who: str, entry_id: str, up: bool, now: datetime) -> bool:
    """True if this was a new vote; a second press changes the vote, not the count."""
    voter = _voter(who, entry_id)
    now = floor_hour(now)  # the voter is derived from a pseudonym: no finer than the hour
    with db.write() as s:
        row = s.get(KbVote, voter)
        if row is None:
            s.add(KbVote(voter=voter, entry_id=entry_id, up=up, at=now))
            return True
        row.up = up
        row.at = now
        return False


def _record_gap(db: Database, text: str, now: datetime) -> None:
    text = text.strip()[:MAX_GAP_CHARS]
    if not text:
        return
    with db.write() as s:
        row = s.get(KbGap, text)
        if row is None:
            s.add(KbGap(text=text, count=1, first_at=now, last_at=now))
        else:
            row.count += 1
            row.last_at = now


def _top_gaps(db: Database, limit: int = 20) -> list[Gap]:
    with db.read() as s:
        rows = s.scalars(
            select(KbGap).order_by(KbGap.count.desc(), KbGap.last_at.desc()).limit(limit)
        )
        return [Gap(r.text, r.count, r.last_at) for r in rows]


def _votes(db: Database) -> list[VoteCount]:
    with db.read() as s:
        up = func.sum(func.cast(KbVote.up, type_=KbGap.count.type))
        rows = s.execute(
            select(KbVote.entry_id, up, func.count())
            .group_by(KbVote.entry_id)
            .order_by(KbVote.entry_id)
        )
        return [VoteCount(e, int(u or 0), int(n) - int(u or 0)) for e, u, n in rows]


record_vote = off_loop(_record_vote)
record_gap = off_loop(_record_gap)
top_gaps = off_loop(_top_gaps)
votes = off_loop(_votes)
