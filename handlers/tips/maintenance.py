"""Upkeep the scheduler runs (and operators, through ``asnbot tips nudge|purge``).

- ``enqueue_sla_nudges``: each morning, admins hear which open tips have had
  no status change for ``sla_days`` (the verification window the official
  channels promise). One message per admin per day, whatever the reruns.
- ``expire_drafts`` (every few minutes): a draft, or a message held as a
  possible tip, left idle for ``draft_idle_minutes`` loses its content and
  photo files. A draft leaves a bare marker (``tip.expired``) so that the
  person's next message hears the unsent report was discarded: tipsters'
  chats are never stored, so nobody can be told before they write again.
  An unclaimed marker goes after ``EXPIRED_KEPT``.
- ``purge_media``: photos of tips closed or rejected more than
  ``media_retention_days`` ago are deleted; so are files no tip and no live
  draft owns (drafts cancelled or abandoned) once stored longer ago than the
  draft idle time, by the clock that stored them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from handlers.context import Context, Services
from handlers.locks import conversation_lock
from handlers.tips import alerts
from handlers.tips import draft as drafts
from handlers.tips.kit import kit
from storage import conversations, tipretention, tips

log = logging.getLogger(__name__)

# How long an expired draft's marker waits for its writer's next message.
EXPIRED_KEPT = timedelta(days=7)


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
    # Abandoned drafts go first; a file in a live one is never taken, and the others
    # are aged by the time our clock recorded when they were stored (never mtimes).
    abandoned = await expire_drafts(services, now)
    live = await _live_draft_files(services)
    on_disk = await asyncio.to_thread(tk.media.names)
    orphans = await tipretention.orphans(db, on_disk, live, now, tk.limits.draft_idle)
    for name in orphans:
        await asyncio.to_thread(tk.media.delete, name)
    if expired or orphans:
        log.info("tip media purged", extra={"expired": len(expired), "orphans": len(orphans)})
    return len(expired) + len(orphans) + abandoned


async def expire_drafts(services: Services, now: datetime) -> int:
    """Empties drafts and held messages idle past the limit; returns the files deleted."""
    db = services.db
    before = now - kit(services).limits.draft_idle
    deleted = 0
    for who in await conversations.in_step(db, "tip.", before):
        # The same locks as a message from this person: never half a draft.
        async with conversation_lock(who), db.exclusive(who):
            state = await conversations.load(db, who)
            step = state.step or ""
            # Idle by the same measure as when they write again (drafts.expired).
            ctx = Context(services, who, frozenset(), state, services.default_locale)
            if not step.startswith("tip.") or step == drafts.EXPIRED or not drafts.expired(ctx):
                continue
            deleted += drafts.delete_files(services, state)
            # The marker says only "tell them"; its time is this sweep's, not theirs.
            state.go(drafts.EXPIRED if drafts.is_writing(step) else None)
            state.choices = []
            await conversations.save(db, who, state, now)
    await conversations.clear_stale(db, drafts.EXPIRED, now - EXPIRED_KEPT)
    return deleted


async def _live_draft_files(services: Services) -> set[str]:
    names: set[str] = set()
    for who in await conversations.in_step(services.db, "tip."):
        state = await conversations.load(services.db, who)
        names.update(drafts.file_names(services, state))
    return names
