"""Feedback on answers and the list of questions the bot could not answer.

What reaches the gap log is decided before (``knowledge.gapfilter``): a
question, masked. Here it is sealed (purpose ``kb.gap``), keyed by a keyed
hash so repeats are counted, and dated to the day only (UTC).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select

from storage.db import Database, off_loop, upsert_insert
from storage.grain import floor_hour
from storage.models import KbGap, KbVote
from storage.vault import Vault

MAX_GAP_CHARS = 300
GAP_PURPOSE = "kb.gap"


@dataclass(frozen=True)
class Gap:
    text: str
    count: int
    last_day: date


def gap_day(now: datetime) -> date:
    """The only time a gap keeps: its UTC day."""
    return now.astimezone(UTC).date()


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


def _record_gap(db: Database, vault: Vault, text: str, now: datetime) -> None:
    """Counts one more asking of ``text`` (already filtered and masked), sealed."""
    text = text.strip()[:MAX_GAP_CHARS]
    if not text:
        return
    day = gap_day(now)
    insert = upsert_insert(db.is_sqlite)
    stmt = insert(KbGap).values(
        key=vault.keyed_hash(f"{GAP_PURPOSE}\x1f{text}"),
        text_enc=vault.seal_text(text, GAP_PURPOSE),
        count=1,
        first_day=day,
        last_day=day,
    )
    # Two workers asking the same question at once: one row, both counted.
    stmt = stmt.on_conflict_do_update(
        index_elements=[KbGap.key],
        set_={"count": KbGap.count + 1, "last_day": stmt.excluded.last_day},
    )
    with db.write() as s:
        s.execute(stmt)


def _top_gaps(db: Database, vault: Vault, limit: int = 20) -> list[Gap]:
    with db.read() as s:
        rows = s.scalars(
            select(KbGap).order_by(KbGap.count.desc(), KbGap.last_day.desc()).limit(limit)
        )
        return [Gap(vault.open_text(r.text_enc, GAP_PURPOSE), r.count, r.last_day) for r in rows]


def _purge_gaps(db: Database, now: datetime, retention_days: int) -> int:
    """Drops gaps not asked again within the retention period; returns how many."""
    cutoff = date.fromordinal(gap_day(now).toordinal() - retention_days)
    with db.write() as s:
        result = s.execute(delete(KbGap).where(KbGap.last_day < cutoff))
        return max(result.rowcount or 0, 0)


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
purge_gaps = off_loop(_purge_gaps)
votes = off_loop(_votes)
