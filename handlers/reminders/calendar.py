"""Campaign periods: dates in a zone (WIB unless an offset is given) and their phases.

A campaign runs from ``start`` to ``end`` (campaigning), then the quiet days
(masa tenang) up to ``voting_day``. Two campaigns never overlap, so a date
belongs to at most one. Standard library only: config parsing uses it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Any

WIB_MINUTES = 7 * 60
MAX_NAME_CHARS = 80


class Phase(StrEnum):
    CAMPAIGN = "kampanye"
    QUIET = "tenang"  # masa tenang: between the end of campaigning and voting day
    VOTING = "pemungutan"


class CampaignError(ValueError):
    """A campaign that cannot be: ``code`` picks the reply template, ``params`` fill it."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Campaign:
    name: str
    start: date
    end: date
    voting_day: date
    offset_minutes: int = WIB_MINUTES  # the zone its dates are in
    id: int | None = field(default=None, compare=False)

    @property
    def zone(self) -> timezone:
        return timezone(timedelta(minutes=self.offset_minutes))

    def day_at(self, instant: datetime) -> date:
        """The campaign's own calendar date at an instant."""
        return instant.astimezone(self.zone).date()

    def phase_on(self, day: date) -> Phase | None:
        if self.start <= day <= self.end:
            return Phase.CAMPAIGN
        if self.end < day < self.voting_day:
            return Phase.QUIET
        if day == self.voting_day:
            return Phase.VOTING
        return None

    def overlaps(self, other: Campaign) -> bool:
        return self.start <= other.voting_day and other.start <= self.voting_day


def parse_day(value: Any, what: str) -> tuple[date, int | None]:
    """A date, or a midnight date-time with an offset: (date, offset minutes or None)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            raise CampaignError(
                "bad_date", f"{what}: {value!r} is not a date like 2024-11-27", field=what
            ) from None
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if offset is None or value.timetz().replace(tzinfo=None) != time(0):
            raise CampaignError(
                "bad_date",
                f"{what}: give a date (2024-11-27) or midnight with an offset "
                "(2024-11-27T00:00:00+08:00)",
                field=what,
            )
        return value.date(), int(offset.total_seconds() // 60)
    if isinstance(value, date):
        return value, None
    raise CampaignError("bad_date", f"{what}: {value!r} is not a date like 2024-11-27", field=what)


def build(name: Any, start: Any, end: Any, voting_day: Any) -> Campaign:
    """One campaign from raw values (config or chat), checked on its own."""
    if not isinstance(name, str) or not name.strip():
        raise CampaignError("no_name", "name: give the campaign a name")
    name = " ".join(name.split())
    if len(name) > MAX_NAME_CHARS:
        raise CampaignError(
            "long_name", f"name: at most {MAX_NAME_CHARS} characters", limit=MAX_NAME_CHARS
        )
    days = [
        parse_day(v, w) for v, w in ((start, "start"), (end, "end"), (voting_day, "voting_day"))
    ]
    offsets = {WIB_MINUTES if o is None else o for _d, o in days}  # a plain date is WIB
    if len(offsets) > 1:
        raise CampaignError("mixed_offsets", f"{name}: start, end and voting_day use one offset")
    c = Campaign(name, days[0][0], days[1][0], days[2][0], offsets.pop())
    if c.end < c.start:
        raise CampaignError("end_before_start", f"{name}: end is before start", name=name)
    if c.voting_day < c.end:
        raise CampaignError("voting_before_end", f"{name}: voting_day is before end", name=name)
    return c


def check_against(c: Campaign, others: Iterable[Campaign]) -> None:
    """No two campaigns share a name or a day (``others`` excludes the one being edited)."""
    for other in others:
        if other.name.casefold() == c.name.casefold():
            raise CampaignError(
                "duplicate", f"{c.name}: a campaign with this name exists", name=c.name
            )
        if c.overlaps(other):
            raise CampaignError(
                "overlap", f"{c.name}: overlaps {other.name}", name=c.name, other=other.name
            )


def current(campaigns: Iterable[Campaign], instant: datetime) -> tuple[Campaign, Phase] | None:
    """The campaign whose window holds ``instant`` (on its own calendar), with the phase."""
    for c in campaigns:
        phase = c.phase_on(c.day_at(instant))
        if phase is not None:
            return c, phase
    return None
