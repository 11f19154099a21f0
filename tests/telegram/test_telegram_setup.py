"""Configuring the channel: tokens, modes, secrets, and what happens when they are wrong."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot import runner
from bot.channels.telegram import telegram_component
from bot.channels.telegram.component import TelegramStartError
from bot.config import ConfigError, Settings
from bot.wiring import build_app
from storage import callbacks
from storage.db import Database
from storage.migrate import upgrade
from tests.conftest import FakeClock
from tests.fakes.telegram_api import FakeTelegram
from tests.telegram.conftest import telegram_settings


def test_runner_knows_the_telegram_component(settings: Settings, clock: FakeClock) -> None:
    assert telegram_component in runner.COMPONENTS
    app = build_app(settings, clock=clock)  # no TELEGRAM_BOT_TOKEN
    try:
        assert telegram_component(app) is None
    finally:
        app.close()


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"webhook_secret": ""}, "ASNBOT_TELEGRAM_WEBHOOK_SECRET"),
        ({"webhook_secret": "has spaces and ünïcode"}, "letters, digits"),
        ({"webhook_url": ""}, "telegram.webhook_url"),
    ],
)
async def test_webhook_mode_needs_a_url_and_a_valid_secret(
    settings: Settings,
    clock: FakeClock,
    fake_telegram: FakeTelegram,
    change: dict[str, str],
    complaint: str,
) -> None:
    configured = telegram_settings(settings, fake_telegram, "webhook")
    configured = replace(configured, telegram=replace(configured.telegram, **change))
    app = build_app(configured, clock=clock)
    try:
        with pytest.raises(ConfigError, match=complaint):
            telegram_component(app)
    finally:
        app.close()


async def test_rejected_token_is_one_line_without_the_token(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> None:
    configured = telegram_settings(settings, fake_telegram)
    wrong = "999999:WRONG-token-that-must-never-be-printed"
    configured = replace(configured, secrets=replace(configured.secrets, telegram_bot_token=wrong))
    app = build_app(configured, clock=clock)
    component = telegram_component(app)
    assert component is not None
    try:
        with pytest.raises(TelegramStartError) as raised:
            await component.start()
        assert "rejected" in str(raised.value) and wrong not in str(raised.value)
        assert raised.value.__cause__ is None and raised.value.__suppress_context__
    finally:
        await component.stop()
        app.close()


async def test_unreachable_bot_api_is_one_line(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> None:
    configured = telegram_settings(settings, fake_telegram)
    await fake_telegram.stop()  # nothing listens there any more
    app = build_app(configured, clock=clock)
    component = telegram_component(app)
    assert component is not None
    try:
        with pytest.raises(TelegramStartError, match="cannot reach the Bot API"):
            await component.start()
    finally:
        await component.stop()
        app.close()


async def test_long_payloads_are_stored_once_and_found_again(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    try:
        payload = "fb:" + "entri-yang-sangat-panjang-" * 4 + ":down"
        key = await callbacks.shorten(db, payload, now)
        assert len(key.encode()) <= 64 and callbacks.is_key(key)
        assert await callbacks.shorten(db, payload, now) == key  # same payload, same key
        assert await callbacks.expand(db, key) == payload
        assert await callbacks.expand(db, callbacks.key_of("never stored")) is None
        assert not callbacks.is_key("faq:boleh-memilih")
    finally:
        db.dispose()
