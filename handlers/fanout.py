"""A confirmed broadcast becomes outbox rows, page by page; its officer hears how it goes.

Called on every scheduler tick (and by ``asnbot reminders run-due``). Memory
stays flat whatever the audience: one page of subscribers at a time, the
cursor saved with each page. Progress ("terkirim 1.200 dari 5.000") goes out
at each quarter, the final report when no row is left in flight; both jump
the queue (URGENT) so they never wait behind the broadcast itself.
"""

from __future__ import annotations

from datetime import datetime

from handlers.reminders.timing import Policy
from storage import broadcasts, outbox, subscribers
from storage.broadcasts import BroadcastInfo
from storage.db import Database

PAGE = 1000
STEPS = 4  # progress at 25, 50 and 75 %
MIN_FOR_PROGRESS = 100  # smaller broadcasts get the final report only


async def fan_out(
    db: Database, now: datetime, policy: Policy | None = None, page: int = PAGE
) -> int:
    """Writes the outbox rows of every due broadcast; returns how many rows were written.

    A subscriber in their quiet hours (``policy``, in their own zone) gets the row
    held until those hours end, unless the officer marked the broadcast urgent.
    """
    quiet = policy or Policy()
    written = 0
    for b in await broadcasts.due(db, now):
        if b.fanned_out:
            continue
        cursor = b.cursor
        while True:
            recipients = await subscribers.active_page(db, cursor, page, b.office)
            rows = [
                outbox.NewMessage(
                    dedupe_key=f"broadcast:{b.id}:{s.id}",
                    kind="broadcast",
                    channel=s.channel,
                    chat=s.chat,
                    template="broadcast",
                    context={"office": b.office, "text": b.text},
                    locale=s.locale,
                    batch=b.batch,
                    not_before=None if b.urgent else quiet.release(s.tz, now),
                    priority=outbox.BULK,
                )
                for s in recipients
            ]
            cursor = recipients[-1].id if recipients else cursor
            if not await broadcasts.write_page(db, b.id, rows, cursor, now):
                break  # cancelled meanwhile
            written += len(rows)
            if not recipients:
                break
    return written


def _notice(
    b: BroadcastInfo, key: str, template: str, context: dict[str, object]
) -> outbox.NewMessage:
    return outbox.NewMessage(
        dedupe_key=f"bcnotice:{b.id}:{key}",
        kind="notice",
        channel=b.officer_channel,
        chat=b.officer_chat,
        template=template,
        context={"id": b.id, **context},
        locale=b.locale,
        priority=outbox.URGENT,
    )


async def report(db: Database, now: datetime) -> int:
    """Queues progress and final reports to officers; returns how many were queued."""
    notices: list[outbox.NewMessage] = []
    for b in [*await broadcasts.due(db, now), *await broadcasts.unreported_cancelled(db)]:
        if b.status != broadcasts.CANCELLED and not b.fanned_out:
            continue
        counts = await outbox.batch_counts(db, b.batch)
        total = sum(counts.values())
        done = sum(counts.get(s, 0) for s in outbox.FINAL)
        sent = counts.get(outbox.SENT, 0)
        if done >= total:
            if await broadcasts.finish(db, b.id, now):
                final = {
                    "total": total,
                    "sent": sent,
                    "failed": counts.get(outbox.FAILED, 0),
                    "blocked": counts.get(outbox.BLOCKED, 0),
                    "cancelled": counts.get(outbox.CANCELLED, 0),
                }
                notices.append(_notice(b, "report", "broadcast_report", final))
            continue
        step = done * STEPS // total
        if total >= MIN_FOR_PROGRESS and step > b.reported_step:
            if await broadcasts.set_reported(db, b.id, step):
                progress = {"sent": sent, "total": total}
                notices.append(_notice(b, f"progress:{step}", "broadcast_progress", progress))
    return await outbox.enqueue(db, notices, now)
