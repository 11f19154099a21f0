"""When a push may go out: the subscriber's zone, the local hour, quiet hours, cadence.

Pure functions over an injected instant, so tests travel in time freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

ZONES: dict[str, int] = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours east of UTC
FINAL_DAYS = 7  # the last week before voting is always daily


def zone(tz: str) -> timezone:
    return timezone(timedelta(hours=ZONES[tz]))


def parse_zone(text: str) -> str | None:
    """ "wita", " WIT " → the zone's name; anything else → None."""
    name = text.strip().upper()
    return name if name in ZONES else None


def _clock(text: str, what: str) -> time:
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a time like 07:30") from None


@dataclass(frozen=True)
class Policy:
    local_time: time = time(7, 30)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(6, 0)
    every_days: int = 1

    @classmethod
    def parse(cls, local_time: str, quiet_hours: str, every_days: int) -> Policy:
        """From config text; a ValueError names the key and the problem in one line."""
        at = _clock(local_time, "reminders.local_time")
        if quiet_hours.count("-") != 1:
            raise ValueError(f"reminders.quiet_hours: {quiet_hours!r} is not like 21:00-06:00")
        start_text, end_text = quiet_hours.split("-")
        policy = cls(
            at,
            _clock(start_text, "reminders.quiet_hours"),
            _clock(end_text, "reminders.quiet_hours"),
            every_days,
        )
        if every_days < 1:
            raise ValueError(f"reminders.every_days: must be at least 1 (got {every_days})")
        if policy.quiet(at):
            raise ValueError(
                f"reminders.local_time: {local_time} falls inside quiet_hours {quiet_hours}"
            )
        return policy

    def quiet(self, t: time) -> bool:
        if self.quiet_start <= self.quiet_end:
            return self.quiet_start <= t < self.quiet_end
        return t >= self.quiet_start or t < self.quiet_end  # spans midnight

    def release(self, tz: str, at: datetime) -> datetime:
        """``at``, or, when that is quiet in zone ``tz``, the end of those quiet hours (UTC)."""
        local = at.astimezone(zone(tz))
        if not self.quiet(local.time().replace(tzinfo=None)):
            return at
        end = datetime.combine(local.date(), self.quiet_end, tzinfo=local.tzinfo)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(UTC)

    def sending_day(self, tz: str, now: datetime) -> date | None:
        """The subscriber's local date if ``now`` is past their local time and not quiet."""
        local = now.astimezone(zone(tz))
        moment = local.time().replace(tzinfo=None)
        if moment < self.local_time or self.quiet(moment):
            return None
        return local.date()

    def wants(self, last: date | None, today: date, days_left: int) -> bool:
        """Cadence: one a day at most; every ``every_days``, daily in the final week."""
        if last is None:
            return True
        if last >= today:
            return False
        return days_left <= FINAL_DAYS or (today - last).days >= self.every_days
