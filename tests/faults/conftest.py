"""The fault tests drive the bot as it runs in production, with the channels' fixtures."""

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from tests.conftest import make_settings
from tests.telegram.conftest import fake_telegram, webhook
from tests.whatsapp.twilio_fake import (
    FakeTwilioApi,
    component,
    phone,
    twilio_api,
    wa_app,
    web,
    whatsapp_settings,
)

__all__ = ["component", "fake_telegram", "phone", "twilio_api", "wa_app", "web", "webhook"]


def quick(settings: Settings) -> Settings:
    """SQLite gives up on a held write lock after 100 ms, not 5 s, so an outage is quick."""
    return replace(settings, storage=replace(settings.storage, busy_timeout_ms=100))


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return quick(settings)


@pytest.fixture
def wa_settings(sqlite_url: str, tmp_path: Path, twilio_api: FakeTwilioApi) -> Settings:
    return quick(whatsapp_settings(make_settings(sqlite_url, tmp_path), twilio_api.url))
