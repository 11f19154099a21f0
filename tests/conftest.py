"""Shared fixtures: real SQLite files (and real PostgreSQL when CI provides it)."""

from __future__ import annotations

import io
import logging
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, text

from bot.config import Secrets, Settings, StorageSettings, load_settings
from bot.wiring import App, build_app
from handlers.messages import Incoming
from storage import migrate
from storage.db import Database

PG_ENV = "ASNBOT_TEST_POSTGRES_URL"
TEST_SECRET = "test-secret-key-0123456789-abcdefghijklmnop"
REPO = Path(__file__).resolve().parent.parent


def cli_env(tmp_path: Path) -> dict[str, str]:
    """The environment of an ``asnbot`` subprocess: this machine's ASNBOT_* and
    platform secrets left out, a throwaway SQLite file and the test key."""
    return {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("ASNBOT_", "TELEGRAM", "TWILIO"))
        },
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
    }


class FakeClock:
    """Time that tests move by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 25, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'asnbot.db'}"


def _fresh_pg_database(base_url: str) -> Iterator[str]:
    """A throwaway database on the CI server, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (CI always sets it)")
    yield from _fresh_pg_database(base)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each storage test runs on SQLite and, where available, on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'asnbot.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (CI always sets it)")
    yield from _fresh_pg_database(base)


def make_settings(url: str, tmp_path: Path, **sections: object) -> Settings:
    base = load_settings(REPO / "config.toml", env={})
    settings = replace(
        base,
        storage=StorageSettings(url=url, media_dir=str(tmp_path / "media")),
        secrets=Secrets(secret_key=TEST_SECRET),
    )
    return replace(settings, **sections)  # type: ignore[arg-type]


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return make_settings(sqlite_url, tmp_path)


@pytest.fixture
def app(settings: Settings, clock: FakeClock) -> Iterator[App]:
    application = build_app(settings, clock=clock)
    yield application
    application.close()


@pytest.fixture
def quick_app(sqlite_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    """An app whose SQLite gives up on a held write lock after 50 ms, not 5 s."""
    settings = make_settings(sqlite_url, tmp_path)
    settings = replace(settings, storage=replace(settings.storage, busy_timeout_ms=50))
    application = build_app(settings, clock=clock)
    yield application
    application.close()


def incoming(text: str = "", who: str = "console:tester", **kwargs: object) -> Incoming:
    """A message as the console channel would build it."""
    return Incoming("console", who, who, text=text, **kwargs)  # type: ignore[arg-type]


@contextmanager
def migrated_to(db: Database, revision: str) -> Iterator[Connection]:
    """``db`` migrated only up to ``revision``, in one transaction: to write rows the way an
    older version did, before ``migrate.upgrade`` takes them the rest of the way."""
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        yield conn


@pytest.fixture
def logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """What `asnbot` writes to stderr (JSON lines, DEBUG and up) with the log handler it
    installs, person filter included, for this test only."""
    from bot import logsetup

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    logsetup.setup("DEBUG", "json")
    try:
        yield stream
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
