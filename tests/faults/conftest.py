"""The fault tests drive the bot as it runs in production, with the Telegram fixtures."""

from dataclasses import replace

import pytest

from bot.config import Settings
from tests.telegram.conftest import fake_telegram, webhook

__all__ = ["fake_telegram", "webhook"]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """SQLite gives up on a held write lock after 100 ms, not 5 s, so an outage is quick."""
    return replace(settings, storage=replace(settings.storage, busy_timeout_ms=100))
