"""A broadcast set for 10:00 in WIB, WITA or WIT goes out at that instant, on every database.

The officer types local time; the tables hold UTC; the scheduler's clock is UTC.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.config import Settings, load_settings
from bot.scheduler import SchedulerComponent
from bot.wiring import App, build_app
from handlers.markup import to_plain
from storage import broadcasts, migrate
from storage.db import Database
from tests.conftest import REPO, TEST_SECRET, FakeClock, incoming, migrated_to
from tests.reminders.helpers import RecordingSender, officer_app, subscriber, ticker, utc

OFFICER = "console:hr-jabar"
OFFICE = "BKPSDM Provinsi Jawa Barat"


@pytest.fixture
def hrapp(settings: Settings, clock: FakeClock, db_url: str) -> Iterator[App]:
    application = officer_app(settings, clock, db_url, OFFICER, OFFICE)
    yield application
    application.close()


async def say(app: App, text: str) -> str:
    out = await app.dispatcher.handle(incoming(text, OFFICER))
    return "\n".join(to_plain(o.text) for o in out)


async def test_scheduled_in_wib_wita_and_wit_each_goes_out_at_its_own_instant(
    hrapp: App, clock: FakeClock
) -> None:
    await subscriber(hrapp, "console:pegawai", "WIB", OFFICE)
    for zone in ("WIB", "WITA", "WIT"):
        await say(hrapp, f"/siaran 2026-12-07T10:00 {zone} Apel pukul 10 {zone}")
        assert "dijadwalkan" in await say(hrapp, "/ya")
    listed = await say(hrapp, "/siaran")
    # Each shown in WIB, labelled: 10:00 WIB, 09:00 WIB (10:00 WITA), 08:00 WIB (10:00 WIT).
    for shown in ("2026-12-07 10:00 WIB", "2026-12-07 09:00 WIB", "2026-12-07 08:00 WIB"):
        assert shown in listed
    stored = {
        b.text.split()[-1]: b.not_before for b in await broadcasts.recent(hrapp.services.db, None)
    }
    assert stored == {
        "WIB": utc("2026-12-07T03:00:00+00:00"),
        "WITA": utc("2026-12-07T02:00:00+00:00"),
        "WIT": utc("2026-12-07T01:00:00+00:00"),
    }
    assert all(
        at.tzinfo is not None and at.utcoffset().total_seconds() == 0 for at in stored.values()
    )

    sender = RecordingSender()
    scheduler = SchedulerComponent(hrapp, ticker(hrapp, sender))
    arrived: list[str] = []
    # The scheduler's clock is UTC; a tick a minute before each instant sends nothing new.
    for minute_before, instant, zone in (
        ("2026-12-07T00:59:00+00:00", "2026-12-07T01:00:00+00:00", "WIT"),
        ("2026-12-07T01:59:00+00:00", "2026-12-07T02:00:00+00:00", "WITA"),
        ("2026-12-07T02:59:00+00:00", "2026-12-07T03:00:00+00:00", "WIB"),
    ):
        clock.now = utc(minute_before)
        await scheduler.tick()
        assert len(sender.to("console:pegawai", "broadcast")) == len(arrived)
        clock.now = utc(instant)
        await scheduler.tick()
        got = sender.to("console:pegawai", "broadcast")
        assert len(got) == len(arrived) + 1
        assert f"Apel pukul 10 {zone}" in got[-1]
        arrived.append(zone)


async def test_run_due_with_an_offset_means_that_instant(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's reproduction: /siaran 2026-12-07T10:00 (WIB), then run-due at 02:59 and at
    03:01 UTC. The chat runs here on the test's clock; run-due is the real command."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "bot.db"}"\nmedia_dir = "{tmp_path / "m"}"\n'
        f'[roles]\nhr_offices = {{"console:hr1" = "{OFFICE}"}}\n'
        '[logging]\nlevel = "WARNING"\n'
    )
    monkeypatch.setenv("ASNBOT_SECRET_KEY", TEST_SECRET)
    app = build_app(load_settings(config), clock=clock)
    try:
        await subscriber(app, "console:pegawai", "WIB", OFFICE)
        for line in ("/siaran 2026-12-07T10:00 tes", "1"):
            await app.dispatcher.handle(incoming(line, "console:hr1"), numbered=True)
    finally:
        app.close()
    env = {"ASNBOT_SECRET_KEY": TEST_SECRET, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    cli = [sys.executable, "-m", "bot", "--config", str(config), "reminders", "run-due"]

    def run_due(now: str) -> str:
        done = subprocess.run(
            [*cli, "--now", now],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=90,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "[broadcast" not in run_due("2026-12-07T02:59+00:00")
    due = run_due("2026-12-07T03:01+00:00")
    assert "[broadcast → console:pegawai]" in due and "tes" in due


def test_broadcasts_stored_in_local_digits_are_moved_to_utc_by_the_migration(
    sqlite_url: str,
) -> None:
    """SQLite kept /siaran's local digits; the migration reads the instant meant from the audit
    log (with its offset), takes WIB where that row is missing, and leaves immediate ones."""
    db = Database(sqlite_url)
    try:
        with migrated_to(db, "0105") as conn:
            created = "2026-11-25 01:00:00.000000"
            for number, not_before in (
                (1, "2026-12-07 10:00:00.000000"),  # 10:00 WITA, audited
                (2, "2026-12-07 10:00:00.000000"),  # no audit row: /siaran's WIB
                (3, created),  # sent at once
            ):
                conn.execute(
                    text(
                        "INSERT INTO broadcasts (id, nonce, created_by, officer_channel, "
                        "officer_chat, office, text, locale, status, not_before, cursor, total, "
                        "fanned_out, reported_step, created_at) VALUES (:id, :id, 'o', 'console', "
                        "'console:hr', NULL, 'Apel', 'id', 'scheduled', :nb, 0, 0, 0, 0, :c)"
                    ),
                    {"id": number, "nb": not_before, "c": created},
                )
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, actor, action, target, detail) VALUES "
                    "(:c, 'o', 'broadcast.create', '#1', "
                    "'office=* at=2026-12-07T10:00:00+08:00 chars=4')"
                ),
                {"c": created},
            )
        migrate.upgrade(db)
        got = {n: asyncio.run(broadcasts.get(db, n)) for n in (1, 2, 3)}
    finally:
        db.dispose()
    assert {n: b.not_before for n, b in got.items() if b} == {
        1: utc("2026-12-07T02:00:00+00:00"),
        2: utc("2026-12-07T03:00:00+00:00"),
        3: utc("2026-11-25T01:00:00+00:00"),
    }
