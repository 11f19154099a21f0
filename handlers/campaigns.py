"""Campaign periods: kept in step with ``[[campaigns]]``, and ``/kampanye`` for admins.

Config seeds the table; an admin's edit or removal wins over config from
then on (the row's source becomes "admin", a removed row stays removed).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.reminders.calendar import Campaign, CampaignError, build, check_against
from storage import audit
from storage import campaigns as store
from storage.db import Database

log = logging.getLogger(__name__)

ADD = ("tambah", "add")
EDIT = ("ubah", "edit")
REMOVE = ("hapus", "remove", "delete")


def _campaign(row: store.StoredCampaign) -> Campaign:
    return Campaign(row.name, row.start, row.end, row.voting_day, row.offset_minutes, row.id)


async def load(db: Database) -> list[Campaign]:
    """Campaigns in force (removed ones left out), oldest first."""
    return [_campaign(r) for r in await store.all_campaigns(db)]


async def sync_from_config(db: Database, configured: Sequence[Campaign], now: datetime) -> int:
    """Adds config campaigns not yet stored and follows config edits of untouched ones."""
    rows = {r.name.casefold(): r for r in await store.all_campaigns(db, with_removed=True)}
    changed = 0
    for c in configured:
        row = rows.get(c.name.casefold())
        if row is not None and (row.source != store.CONFIG or row.removed):
            continue  # an admin took it over, or removed it
        if row is not None and _campaign(row) == c:
            continue
        others = [_campaign(r) for r in rows.values() if not r.removed and r is not row]
        try:
            check_against(c, others)
        except CampaignError as exc:
            log.warning("config campaign skipped", extra={"campaign": c.name, "reason": exc.code})
            continue
        saved = await store.save(
            db,
            row.id if row else None,
            c.name,
            c.start,
            c.end,
            c.voting_day,
            c.offset_minutes,
            store.CONFIG,
            now,
        )
        if saved is not None:
            rows[saved.name.casefold()] = saved
            changed += 1
    return changed


def _view(c: Campaign) -> dict[str, object]:
    hours, minutes = divmod(c.offset_minutes, 60)
    return {
        "id": c.id,
        "name": c.name,
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "voting_day": c.voting_day.isoformat(),
        "quiet_days": (c.voting_day - c.end).days - 1,
        "offset": f"UTC{'+' if c.offset_minutes >= 0 else '-'}{abs(hours):02d}:{minutes:02d}",
    }


def _problem(exc: CampaignError) -> list[Reply]:
    return [Reply("campaign_error", {"code": exc.code, **exc.params})]


async def kampanye(msg: Incoming, ctx: Context) -> list[Reply]:
    """/kampanye lists; tambah/ubah/hapus change (admins only, checked by the route)."""
    verb, _, rest = msg.args.strip().partition(" ")
    verb = verb.lower()
    if verb in ADD:
        return await _save(None, rest, ctx)
    if verb in EDIT:
        number, _, fields = rest.strip().partition(" ")
        if not number.isdecimal():
            return [Reply("campaign_error", {"code": "no_id"})]
        return await _save(int(number), fields, ctx)
    if verb in REMOVE:
        if not rest.strip().isdecimal():
            return [Reply("campaign_error", {"code": "no_id"})]
        removed = await store.remove(ctx.db, int(rest.strip()), ctx.now())
        if removed is None:
            return [Reply("campaign_error", {"code": "unknown_id", "id": rest.strip()})]
        await audit.record(ctx.db, ctx.now(), ctx.who, "campaign.remove", removed.name)
        return [Reply("campaign_removed", {"name": removed.name})]
    listed = [_view(c) for c in await load(ctx.db)]
    return [Reply("campaigns", {"campaigns": listed})]


async def _save(campaign_id: int | None, text: str, ctx: Context) -> list[Reply]:
    parts = [p.strip() for p in text.replace("|", ";").split(";")]
    if len(parts) != 4:
        return [Reply("campaign_error", {"code": "format"})]
    try:
        c = build(*parts)
        stored = await store.all_campaigns(ctx.db, with_removed=True)
        current = [_campaign(r) for r in stored if not r.removed]
        if campaign_id is not None and all(o.id != campaign_id for o in current):
            raise CampaignError("unknown_id", "unknown id", id=campaign_id)
        check_against(c, [o for o in current if o.id != campaign_id])
        # A removed campaign keeps its name (its reminders' keys refer to it).
        if any(r.removed and r.name.casefold() == c.name.casefold() for r in stored):
            raise CampaignError("duplicate", "name taken", name=c.name)
    except CampaignError as exc:
        return _problem(exc)
    saved = await store.save(
        ctx.db,
        campaign_id,
        c.name,
        c.start,
        c.end,
        c.voting_day,
        c.offset_minutes,
        store.ADMIN,
        ctx.now(),
    )
    if saved is None:  # removed between the check and the write
        return [Reply("campaign_error", {"code": "unknown_id", "id": campaign_id})]
    action = "campaign.add" if campaign_id is None else "campaign.edit"
    detail = f"{c.start}..{c.end} voting {c.voting_day}"
    await audit.record(ctx.db, ctx.now(), ctx.who, action, c.name, detail)
    return [
        Reply("campaign_saved", {"campaign": _view(_campaign(saved)), "added": campaign_id is None})
    ]
