"""How finely instants are kept where a time could link a person to a tip.

A tip is stamped to the hour. Anything tied to a tip (its events, alerts,
audit rows, outbox rows) and anything keyed by a person's identity or
pseudonym (conversations, subscribers, WhatsApp windows, rate limits) is kept
no finer, so no stored time singles out the moment someone sent a tip. Code
that needs more precision than the hour rounds the stored value the safe way
(see the callers: windows and leases end early, claims and limits last longer).
"""

from __future__ import annotations

from datetime import datetime, timedelta

GRAIN = timedelta(hours=1)


def floor_hour(at: datetime) -> datetime:
    """The start of ``at``'s hour: what is stored."""
    return at.replace(minute=0, second=0, microsecond=0)


def next_hour(at: datetime) -> datetime:
    """The first whole hour strictly after ``at``: a stored "not before" that is never early."""
    return floor_hour(at) + GRAIN


def is_whole_hour(at: datetime) -> bool:
    return at == floor_hour(at)
