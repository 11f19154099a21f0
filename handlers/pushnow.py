"""Outbox rows that must go out at once, before the replies (a tipster's receipt code).

A handler stores such a row with the data it belongs to, in one transaction,
and names it in ``Context.push_now``; the dispatcher then asks the pusher to
send it right away, through the same senders and bookkeeping as every other
outbox row. If that fails, the row is still there and the scheduler retries
it. ``bot`` provides the pusher (``Services.extra[PUSHER]``); a channel with
no outbox sender (the console) cannot be pushed to, and its handlers answer
inline instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from handlers.context import Services

PUSHER = "pusher"


class Pusher(Protocol):
    def can_push(self, channel: str) -> bool:
        """True if the outbox can send to ``channel`` from this process."""
        ...

    async def push(self, keys: Sequence[str]) -> None:
        """Sends the pending rows with these dedupe keys now; never raises."""
        ...


def pusher(services: Services) -> Pusher | None:
    found = services.extra.get(PUSHER)
    return found if found is not None and hasattr(found, "push") else None


def can_push(services: Services, channel: str) -> bool:
    found = pusher(services)
    return found is not None and found.can_push(channel)
