"""What a handler may use: shared services plus this conversation's state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from handlers.render import Renderer
from handlers.roles import Role, RoleBook
from knowledge import KnowledgeBase
from storage.conversations import State
from storage.db import Database
from storage.keys import Pseudonyms

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Limits:
    max_text_chars: int = 4000  # longer questions are cut before matching
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

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def kb(self) -> KnowledgeBase:
        return self.services.kb

    def now(self) -> datetime:
        return self.services.clock()
