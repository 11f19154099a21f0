"""Upkeep the scheduler runs (and operators, through ``asnbot tips nudge|purge``).

- ``enqueue_sla_nudges``: each morning, admins hear which open tips have had
  no status change for ``sla_days`` (the verification window the official
  channels promise). One message per admin per day, whatever the reruns.
- ``purge_media``: photos of tips closed or rejected more than
  ``media_retention_days`` ago are deleted; so are files no tip and no live
  draft owns (drafts cancelled or abandoned) once stored longer ago than the
  draft idle time, by the clock that stored them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from handlers.context import Services
from handlers.tips import alerts
from handlers.tips.draft import file_names
from handlers.tips.kit import kit
from storage import conversations, tipretention, tips

log = logging.getLogger(__name__)


async def enqueue_sla_nudges(services: Services, now: datetime) -> int:
    """Queues the morning reminder about stale tips; returns the rows queued."""
    days = kit(services).limits.sla_days
    stale = await tips.stale(services.db, now - timedelta(days=days))
    if not stale:
        return 0
    return await alerts.sla_nudge(services, stale, days, now)


async def purge_media(services: Services, now: datetime) -> int:
    """Deletes expired and orphaned photo files; returns how many files went."""
    tk = kit(services)
    db = services.db
    expired = await tipretention.expired_media(
        db, now - timedelta(days=tk.limits.media_retention_days)
    )
    for _, name in expired:
        await asyncio.to_thread(tk.media.delete, name)
    await tipretention.mark_purged(db, [i for i, _ in expired], now)
    # Drafts never reach the tables: their files are owned by their sealed state.
    # Abandoned drafts are cleared first; a file in a live one is never taken.
    idle = tk.limits.draft_idle
    await conversations.clear_stale(db, "tip.", now - idle)
    live = {
        n
        for data in await conversations.data_in_step(db, "tip.")
        for n in file_names(tk.vault, data)
    }
    on_disk = await asyncio.to_thread(tk.media.names)
    orphans = await tipretention.orphans(db, on_disk, live, now, idle)
    for name in orphans:
        await asyncio.to_thread(tk.media.delete, name)
    if expired or orphans:
        log.info("tip media purged", extra={"expired": len(expired), "orphans": len(orphans)})
    return len(expired) + len(orphans)
