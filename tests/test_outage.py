"""A database that fails: short logs, and a file nobody else can read in the first place."""

from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import stat
from pathlib import Path

from bot import logsetup
from bot.wiring import App
from storage import migrate
from storage.db import Database
from tests.conftest import incoming


async def test_an_outage_is_one_short_line_per_failure(quick_app: App, sqlite_url: str) -> None:
    stream = io.StringIO()
    handler = logsetup.make_handler(stream, "json")
    root = logging.getLogger()
    root.addHandler(handler)
    blocker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=10)
    blocker.execute("BEGIN IMMEDIATE")  # every write now fails after the busy timeout
    try:
        for n in range(20):
            # /lapor opens a draft, so it writes (a stranger's plain "halo" no longer does).
            (reply,) = await quick_app.dispatcher.handle(incoming("/lapor", who=f"console:{n}"))
            assert "Maaf" in reply.text  # each person still gets an apology
    finally:
        blocker.rollback()
        blocker.close()
        root.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    failures = [x for x in lines if x["msg"] == "dispatch failed"]
    assert len(failures) == 20
    assert all("exc" not in x and "database is locked" in x["db_error"] for x in failures)
    assert "Traceback" not in stream.getvalue()
    assert len(stream.getvalue()) < 20 * 400, "a few hundred bytes per failure, not a traceback"


def test_a_long_outage_is_counted_each_minute() -> None:
    now = [1000.0]
    lines = logsetup.OutageLines(every=60, clock=lambda: now[0])
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    keep = Keep()
    keep.addFilter(lines)
    logger = logging.getLogger("asnbot.test.outage")
    logger.addHandler(keep)
    summary = logging.getLogger("asnbot.database")
    summary.addHandler(keep)
    try:
        for second in (1, 20, 59, 61, 62):
            now[0] = 1000.0 + second
            try:
                raise sqlite3.OperationalError("disk I/O error")
            except sqlite3.OperationalError:
                logger.exception("request failed")
    finally:
        logger.removeHandler(keep)
        summary.removeHandler(keep)
    counts = [r.__dict__["failures"] for r in seen if r.getMessage() == "database failing"]
    assert counts == [4]  # after the first minute: four failures in it
    assert [r.__dict__["db_error"] for r in seen if r.getMessage() == "request failed"] == [
        "OperationalError: disk I/O error"
    ] * 5


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_wal_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "asnbot.db"
    db = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db)
        with db.write() as s:
            s.connection().exec_driver_sql("CREATE TABLE probe (x INTEGER)")
        files = [path, path.with_name("asnbot.db-wal"), path.with_name("asnbot.db-shm")]
        assert all(f.exists() for f in files)
        assert [_mode(f) for f in files] == [0o600] * 3
    finally:
        db.dispose()


def test_a_database_left_world_readable_is_closed_down(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    os.chmod(path, 0o644)
    Database(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600
