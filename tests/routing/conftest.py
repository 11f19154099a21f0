from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.wiring import App, build_app
from tests.conftest import FakeClock, make_settings


@pytest.fixture
def any_app(db_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    """The app on SQLite and, where available, PostgreSQL: for what storage must prove."""
    app = build_app(make_settings(db_url, tmp_path), clock=clock)
    yield app
    app.close()
