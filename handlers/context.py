"""What a handler may use: shared services plus this conversation's state."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from handlers.messages import Incoming, Reply
from handlers.render import Renderer
from handlers.roles import Role, RoleBook
from knowledge import KnowledgeBase
from storage.conversations import State
from storage.db import Database
from storage.keys import Pseudonyms

Clock = Callable[[], datetime]
Reroute = Callable[[Incoming], Awaitable[list[Reply]]]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Limits:
    # A longer message is searched only in its last this-many characters for the
    # question it asks (see handlers.wants).
    max_text_chars: int = 4000
    gap_retention_days: int = 90  # unanswered questions not asked again are dropped after


@dataclass(frozen=True)
class Services:
    """Built once by ``bot`` at start; the same for every message."""

    db: Database
    kb: KnowledgeBase
    renderer: Renderer
    roles: RoleBook
    pseudonyms: Pseudonyms
    clock: Clock = utc_now
    limits: Limits = field(default_factory=Limits)
    default_locale: str = "id"
    # Feature services added by later modules (media store, outbox, …), by name.
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """Per message: who (pseudonym), their roles, state and language."""

    services: Services
    who: str
    roles: frozenset[Role]
    state: State
    locale: str
    channel: str = ""
    # Dedupe keys of outbox rows to send before the replies (see ``handlers.pushnow``).
    push_now: list[str] = field(default_factory=list)
    # Routes a message again from the top with the current state (set by dispatch).
    # A step that lets go of a message ("that was a question, not an office") hands
    # it back here instead of importing whoever would answer it.
    reroute: Reroute | None = None

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def kb(self) -> KnowledgeBase:
        return self.services.kb

    def now(self) -> datetime:
        return self.services.clock()

    async def route_again(self, msg: Incoming) -> list[Reply]:
        """``msg`` as if it had just arrived, in the state the handler left."""
        if self.reroute is None:
            raise RuntimeError("no router attached to this context")
        return await self.reroute(msg)
