from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.wiring import App, build_app
from tests.conftest import FakeClock
from tests.tips.helpers import ADMINS, Chat, tip_settings


@pytest.fixture
def tip_app(db_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    app = build_app(tip_settings(db_url, tmp_path), clock=clock)
    yield app
    app.close()


@pytest.fixture
def lite_app(sqlite_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    """SQLite only: for behaviour that does not depend on the database."""
    app = build_app(tip_settings(sqlite_url, tmp_path), clock=clock)
    yield app
    app.close()


@pytest.fixture
def ani(tip_app: App) -> Chat:
    return Chat(tip_app, ADMINS[0])


@pytest.fixture
def budi(tip_app: App) -> Chat:
    return Chat(tip_app, ADMINS[1])


@pytest.fixture
def tipster(tip_app: App) -> Chat:
    # Shaped like a Telegram private chat: the chat id is the user id.
    return Chat(tip_app, "telegram:55501234", chat="55501234", channel="telegram")
