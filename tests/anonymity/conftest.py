"""The bot as deployed with both channels: real PTB against the fake Bot API (polling),
Twilio's signed webhooks into the Starlette app, Twilio's REST API on loopback."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from bot.channels.telegram import telegram_component
from bot.channels.telegram.component import TelegramComponent
from bot.channels.whatsapp.component import WhatsAppComponent
from bot.config import RolesSettings, Settings
from bot.senders import build_senders
from bot.ticker import Ticker, TickReport
from bot.web import create_web_app
from bot.wiring import App, build_app
from tests.conftest import FakeClock, make_settings
from tests.fakes.telegram_api import Call, FakeTelegram
from tests.fakes.telegram_updates import make_callback, make_message, make_photo_message, user
from tests.telegram.conftest import fake_telegram, telegram_settings
from tests.whatsapp.twilio_fake import (
    CITIZEN,
    FakeTwilioApi,
    Phone,
    inbound_form,
    twilio_api,
    whatsapp_settings,
)

__all__ = ["fake_telegram", "twilio_api"]

ADMIN_ID = 1001
TIPSTER_ID = 55501234  # a Telegram user id
WA_TIPSTER = CITIZEN  # whatsapp:+6281234567890


def jpeg(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Bot:
    """One running bot, and the two platforms' fakes it talks to."""

    app: App
    tg: FakeTelegram
    twilio: FakeTwilioApi
    telegram: TelegramComponent
    whatsapp: WhatsAppComponent
    web: httpx.AsyncClient

    async def wa(self, body: str = "", sender: str = WA_TIPSTER, **extra: str) -> list[str]:
        """A signed WhatsApp message in; the replies the bot sent back over the REST API."""
        return await self.post(inbound_form(body, sender, **extra))

    async def post(self, form: dict[str, str]) -> list[str]:
        return await Phone(self.web, self.whatsapp, self.twilio).post(form)

    async def tg_update(self, update: dict[str, Any], chat: int, replies: int = 1) -> list[Call]:
        """Pushes an update to polling; waits for ``replies`` more messages to ``chat``."""
        before = len(self.tg.sent(chat))
        self.tg.push_update(update)
        await self.tg.wait_for("sendMessage", before + replies, chat_id=chat, within=10)
        await self.tg.settle(0.05)
        return self.tg.sent(chat)[before:]

    async def tg_say(self, text: str, who: int = TIPSTER_ID, replies: int = 1) -> list[Call]:
        return await self.tg_update(make_message(text, from_user=user(who)), who, replies)

    async def tg_press(self, payload: str, who: int = TIPSTER_ID, replies: int = 1) -> list[Call]:
        return await self.tg_update(make_callback(payload, from_user=user(who)), who, replies)

    async def tg_photo(self, file_id: str, who: int = TIPSTER_ID, **kw: Any) -> list[Call]:
        return await self.tg_update(make_photo_message(file_id, from_user=user(who), **kw), who)

    async def tick(self) -> TickReport:
        """What the scheduler does each tick: plan, fan out, send the outbox."""
        return await Ticker(self.app, build_senders(self.app)).run_due()


def both_settings(url: str, tmp_path: Path, tg: FakeTelegram, twilio: FakeTwilioApi) -> Settings:
    base = make_settings(url, tmp_path, roles=RolesSettings(admins=(f"telegram:{ADMIN_ID}",)))
    settings = whatsapp_settings(telegram_settings(base, tg, "polling"), twilio.url)
    return replace(settings, secrets=replace(settings.secrets, telegram_bot_token=tg.token))


async def running(
    settings: Settings, clock: FakeClock, tg: FakeTelegram, twilio: FakeTwilioApi
) -> AsyncIterator[Bot]:
    app = build_app(settings, clock=clock)
    component = telegram_component(app)
    assert component is not None
    whatsapp = WhatsAppComponent(app)
    await component.start()
    await whatsapp.start()
    web = create_web_app(app, [lambda _app: whatsapp.routes()])
    transport = httpx.ASGITransport(app=web)
    client = httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8080")
    try:
        yield Bot(app, tg, twilio, component, whatsapp, client)
    finally:
        await client.aclose()
        await whatsapp.stop()
        await component.stop()
        app.close()


@pytest.fixture
async def bot(
    db_url: str,
    tmp_path: Path,
    clock: FakeClock,
    fake_telegram: FakeTelegram,
    twilio_api: FakeTwilioApi,
) -> AsyncIterator[Bot]:
    """On SQLite and PostgreSQL."""
    settings = both_settings(db_url, tmp_path, fake_telegram, twilio_api)
    async for b in running(settings, clock, fake_telegram, twilio_api):
        yield b
