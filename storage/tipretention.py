"""What retention needs from the tables: media of finished tips, and files nobody owns.

A photo file is owned by a tip (``tip_media``) or by a live draft (its sealed
conversation state, which the caller reads). Any other file is an orphan once
it was stored longer ago than a draft may idle, judged by ``media_files``:
the time our clock recorded when the file was written, never its mtime.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import MediaFile, Tip, TipMedia
from storage.tips import FINAL

HOUR = timedelta(hours=1)


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


def _record_stored(db: Database, file_name: str, now: datetime) -> None:
    """Notes that a photo file was just written (to the hour: see ``MediaFile``)."""
    with db.write() as s:
        if s.get(MediaFile, file_name) is None:
            s.add(MediaFile(file_name=file_name, stored_at=floor_hour(now)))


def _orphans(
    db: Database, on_disk: Iterable[str], in_drafts: set[str], now: datetime, idle: timedelta
) -> list[str]:
    """Files on disk no tip and no live draft owns, stored more than ``idle`` ago.

    Stored times are kept to the hour, so a file counts only when even the end
    of its hour is past the cutoff. A file with no record (written before this
    was kept, or a crash between writing and recording) is recorded now, as first
    seen, and aged from then. Records of files a tip owns or that are gone are dropped.
    """
    disk = set(on_disk)
    with db.write() as s:
        owned = set(s.scalars(select(TipMedia.file_name)))
        stamps = {n: t for n, t in s.execute(select(MediaFile.file_name, MediaFile.stored_at))}
        done = [n for n in stamps if n in owned or n not in disk]
        for start in range(0, len(done), 500):
            s.execute(delete(MediaFile).where(MediaFile.file_name.in_(done[start : start + 500])))
        orphans: list[str] = []
        for name in sorted(disk - owned - in_drafts):
            stored = stamps.get(name)
            if stored is None:
                s.add(MediaFile(file_name=name, stored_at=floor_hour(now)))
            elif stored + HOUR <= now - idle:
                orphans.append(name)
        return orphans


expired_media = off_loop(_expired)
mark_purged = off_loop(_mark_purged)
record_stored = off_loop(_record_stored)
orphans = off_loop(_orphans)
