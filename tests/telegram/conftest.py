"""A real PTB Application talking to the fake Bot API on loopback, in either mode."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace

import httpx
import pytest

from bot.channels.telegram import telegram_component
from bot.channels.telegram.component import TelegramComponent
from bot.config import Settings
from bot.web import create_web_app
from bot.wiring import App, build_app
from tests.conftest import FakeClock
from tests.fakes.telegram_api import TOKEN, FakeTelegram

WEBHOOK_SECRET = "webhook-secret_0123456789"


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as tg:
        yield tg


def telegram_settings(settings: Settings, tg: FakeTelegram, mode: str = "polling") -> Settings:
    return replace(
        settings,
        telegram=replace(
            settings.telegram,
            mode=mode,
            api_base_url=tg.base_url,
            file_base_url=tg.file_base_url,
            webhook_url="https://bot.example.go.id/telegram/webhook",
            webhook_secret=WEBHOOK_SECRET if mode == "webhook" else "",
            retry_backoff_seconds=0.01,
            max_retries=1,  # a 429 costs its retry_after in real seconds
            max_photo_bytes=1_000_000,
        ),
        secrets=replace(settings.secrets, telegram_bot_token=TOKEN),
    )


@dataclass
class Running:
    """The bot as it runs in production, and the fake Telegram it talks to."""

    app: App
    component: TelegramComponent
    tg: FakeTelegram
    client: httpx.AsyncClient | None = None  # webhook mode: posts to our Starlette app
    update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(9000))

    async def post_update(self, update: dict[str, object], secret: str = WEBHOOK_SECRET) -> int:
        """Posts as Telegram does; each update gets the next update_id unless it has one."""
        assert self.client is not None
        response = await self.client.post(
            "/telegram/webhook",
            json={"update_id": next(self.update_ids), **update},
            headers={"X-Telegram-Bot-Api-Secret-Token": secret},
        )
        return response.status_code


async def start_bot(
    settings: Settings, clock: FakeClock, tg: FakeTelegram, mode: str
) -> AsyncIterator[Running]:
    app = build_app(telegram_settings(settings, tg, mode), clock=clock)
    component = telegram_component(app)
    assert component is not None
    await component.start()
    client = None
    if mode == "webhook":
        web = create_web_app(app, [lambda _app: component.routes()])
        client = httpx.AsyncClient(transport=httpx.ASGITransport(web), base_url="http://testserver")
    try:
        yield Running(app, component, tg, client)
    finally:
        if client is not None:
            await client.aclose()
        await component.stop()
        app.close()


@pytest.fixture
async def polling(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> AsyncIterator[Running]:
    async for running in start_bot(settings, clock, fake_telegram, "polling"):
        yield running


@pytest.fixture
async def webhook(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> AsyncIterator[Running]:
    async for running in start_bot(settings, clock, fake_telegram, "webhook"):
        yield running
