"""What retention needs from the tables: media of finished tips, and every known file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import Tip, TipMedia
from storage.tips import FINAL


def _expired(db: Database, before: datetime) -> list[tuple[int, str]]:
    """(media id, file name) of photos on tips closed or rejected before ``before``."""

    with db.read() as s:
        rows = s.execute(
            select(TipMedia.id, TipMedia.file_name)
            .join(Tip, Tip.id == TipMedia.tip_id)
            .where(
                Tip.status.in_(FINAL),
                Tip.status_changed_at <= before,
                TipMedia.purged_at.is_(None),
            )
            .order_by(TipMedia.id)
        )
        return [(int(i), str(n)) for i, n in rows]


def _mark_purged(db: Database, media_ids: list[int], now: datetime) -> None:
    if not media_ids:
        return
    now = floor_hour(now)  # a time on a tip, kept to the hour like the tip's own
    with db.write() as s:
        s.execute(update(TipMedia).where(TipMedia.id.in_(media_ids)).values(purged_at=now))
        tip_ids = select(TipMedia.tip_id).where(TipMedia.id.in_(media_ids))
        s.execute(update(Tip).where(Tip.id.in_(tip_ids)).values(media_purged_at=now))


def _known_files(db: Database) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(TipMedia.file_name)))


expired_media = off_loop(_expired)
mark_purged = off_loop(_mark_purged)
known_files = off_loop(_known_files)
