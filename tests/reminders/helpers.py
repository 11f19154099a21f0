"""Shared pieces of the reminder and broadcast tests: a recording channel, time, people."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from bot.channels.base import SendResult, SendStatus
from bot.config import RolesSettings, Settings
from bot.ticker import Ticker
from bot.wiring import App, build_app
from handlers.markup import to_plain
from handlers.messages import Outgoing
from storage import subscribers
from tests.conftest import FakeClock


@dataclass
class RecordingSender:
    """The console channel as a list: what each chat received, in order."""

    channel: str = "console"
    rate_per_second: float = 0.0
    blocked: set[str] = field(default_factory=set)
    got: list[tuple[str, str, str]] = field(default_factory=list)  # chat, kind, plain text

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        if chat in self.blocked:
            return SendResult(SendStatus.BLOCKED, error="403")
        self.got.append((chat, kind, to_plain(out.text)))
        return SendResult(SendStatus.SENT, provider_id=str(len(self.got)))

    def to(self, chat: str, kind: str | None = None) -> list[str]:
        return [t for c, k, t in self.got if c == chat and (kind is None or k == kind)]

    def take(self) -> list[tuple[str, str, str]]:
        got, self.got = self.got, []
        return got


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


async def subscriber(
    app: App, chat: str, tz: str = "WIB", office: str | None = None, locale: str = "id"
) -> int:
    """A console subscriber (who = pseudonym of its chat id), as /langganan leaves it."""
    who = app.services.pseudonyms.of(chat)
    info = await subscribers.subscribe(
        app.services.db, "console", chat, who, tz, office, locale, app.services.clock()
    )
    return info.id


def ticker(app: App, sender: RecordingSender) -> Ticker:
    return Ticker(app, {sender.channel: sender}, report_every=0.0)


def officer_app(settings: Settings, clock: FakeClock, url: str, officer: str, office: str) -> App:
    """The bot on ``url`` with one HR officer whose broadcasts reach ``office``."""
    roles = RolesSettings(hr_offices={officer: office})
    storage = replace(settings.storage, url=url)
    return build_app(replace(settings, roles=roles, storage=storage), clock=clock)
