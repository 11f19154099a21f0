"""Which subscribers get a reminder at an instant, and queuing them exactly once.

For each zone (WIB, WITA, WIT) the instant is either inside the local
sending window or not; a zone inside it, on a campaign day, has its active
subscribers read page by page and each one's cadence checked. The outbox
key ``reminder:<subscriber>:<campaign>:<local date>`` makes a repeated run,
a second worker or a missed tick harmless: one reminder per local day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from handlers.context import Services
from handlers.reminders import content
from handlers.reminders.calendar import Campaign, Phase, current
from handlers.reminders.timing import ZONES, Policy
from knowledge import Entry
from storage import outbox, reminders
from storage.db import Database
from storage.reminders import Candidate, Planned

PAGE = 500
POLICY = "reminder_policy"  # key in Services.extra; ``bot`` puts the configured one there


def policy_of(services: Services) -> Policy:
    """The reminder timing in force (the defaults when none is configured)."""
    policy = services.extra.get(POLICY)
    return policy if isinstance(policy, Policy) else Policy()


@dataclass(frozen=True)
class ZoneDue:
    """A zone whose subscribers may get a reminder now."""

    tz: str
    local_date: date
    campaign: Campaign
    phase: Phase
    days_left: int  # to voting day: the "H-7" countdown


def zones_due(policy: Policy, campaigns: Sequence[Campaign], now: datetime) -> list[ZoneDue]:
    found = current(campaigns, now)
    if found is None:
        return []
    campaign, phase = found
    days_left = (campaign.voting_day - campaign.day_at(now)).days
    return [
        ZoneDue(tz, local_date, campaign, phase, days_left)
        for tz in ZONES
        if (local_date := policy.sending_day(tz, now)) is not None
    ]


def reminder_for(zone: ZoneDue, cand: Candidate, cycle: tuple[Entry, ...]) -> Planned:
    """One subscriber's reminder: the next point of their rotation, in the zone's phase."""
    sub = cand.subscriber
    entry, position = content.pick(cycle, sub.id, cand.position, cand.last_entry)
    context: dict[str, object] = {
        "phase": str(zone.phase),
        "variant": cand.position % content.VARIANTS,
        "days_left": zone.days_left,
        "campaign": zone.campaign.name,
        "voting_day": zone.campaign.voting_day.isoformat(),
        "verdict": entry.verdict if entry else "",
        "question": entry.question if entry else "",
        "point": content.gist(entry.answer) if entry else "",
    }
    key = f"reminder:{sub.id}:{zone.campaign.id}:{zone.local_date.isoformat()}"
    message = outbox.NewMessage(
        dedupe_key=key,
        kind="reminder",
        channel=sub.channel,
        chat=sub.chat,
        template="reminder",
        context=context,
        locale=sub.locale,
    )
    return Planned(sub.id, zone.local_date, position, entry.id if entry else None, message)


async def plan(
    db: Database,
    policy: Policy,
    campaigns: Sequence[Campaign],
    entries: Sequence[Entry],
    now: datetime,
    page: int = PAGE,
) -> int:
    """Queues every reminder due at ``now``; returns how many are new."""
    queued = 0
    cycle = content.rotation(entries)
    for zone in zones_due(policy, campaigns, now):
        after = 0
        while True:
            cands = await reminders.candidates(db, [zone.tz], after, page)
            if not cands:
                break
            after = cands[-1].subscriber.id
            batch = [
                reminder_for(zone, c, cycle)
                for c in cands
                if policy.wants(c.last_date, zone.local_date, zone.days_left)
            ]
            queued += await reminders.record(db, batch, now)
    return queued
