"""The outbox dispatcher against a local Bot-API-shaped server: retries, blocked users,
two dispatchers at once on PostgreSQL, and a dispatcher killed mid-broadcast."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.channels.telegram import telegram_sender
from bot.delivery import OutboxDispatcher
from bot.wiring import build_app
from handlers.render import default_renderer
from storage import broadcasts, migrate, outbox, subscribers
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import REPO, TEST_SECRET, FakeClock, make_settings
from tests.fakes.botapi import BotApiSender, FakeBotApi

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi().start()
    yield server
    server.stop()


def _db(url: str) -> Database:
    db = Database(url)
    migrate.upgrade(db)
    return db


async def _people(db: Database, n: int, prefix: str = "") -> None:
    for i in range(n):
        await subscribers.subscribe(
            db, "telegram", f"{prefix}{i}", f"w{prefix}{i}", "WIB", None, "id", NOW
        )


def _messages(chats: list[str]) -> list[outbox.NewMessage]:
    return [
        outbox.NewMessage(
            f"t:{c}", "broadcast", "telegram", c, "broadcast", {"office": None, "text": "Halo"}
        )
        for c in chats
    ]


def _statuses(db: Database, channel: str | None = None) -> dict[str, int]:
    query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    if channel is not None:
        query = query.where(OutboxMessage.channel == channel)
    with db.read() as s:
        rows = s.execute(query)
        return {status: int(n) for status, n in rows}


async def test_blocked_users_become_inactive_and_retries_land_once(
    api: FakeBotApi, sqlite_url: str
) -> None:
    api.blocked = {"2"}
    api.flaky = {"3": 2}  # two 500s, then fine
    api.throttled = {"4": 1}  # one 429 with retry_after 1
    db = _db(sqlite_url)
    await _people(db, 6)
    clock = FakeClock(NOW)
    await outbox.enqueue(db, _messages([str(i) for i in range(6)]), NOW)
    sender = BotApiSender(api.url, rate_per_second=0)
    dispatcher = OutboxDispatcher(db, default_renderer(), {"telegram": sender}, clock)
    try:
        first = await dispatcher.drain()
        assert (first.sent, first.blocked, first.retried) == (3, 1, 2)
        for _ in range(4):  # backoff grows 2 s, 4 s, …: travel past it
            clock.now += timedelta(seconds=20)
            await dispatcher.drain()
    finally:
        await sender.close()
    assert dict(api.delivered) == {"0": 1, "1": 1, "3": 1, "4": 1, "5": 1}
    assert api.too_many == 1
    assert _statuses(db) == {"sent": 5, "blocked": 1}
    active = {s.chat for s in await subscribers.active_page(db)}
    assert "2" not in active and len(active) == 5
    db.dispose()


async def test_the_production_sender_honours_429_and_marks_blocked_people_inactive(
    api: FakeBotApi, sqlite_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    """python-telegram-bot's sender through the dispatcher: its rate limiter waits out a 429's
    retry_after and sends again, 5xx are retried, a 403 makes the subscriber inactive."""
    api.blocked = {"2"}
    api.flaky = {"3": 2}  # two 500s, then fine
    api.throttled = {"4": 1}  # one 429 with retry_after 1
    base = make_settings(sqlite_url, tmp_path)
    settings = replace(
        base,
        telegram=replace(
            base.telegram, api_base_url=api.url.removesuffix("TEST"), retry_backoff_seconds=0.01
        ),
        secrets=replace(base.secrets, telegram_bot_token="123:TEST"),
    )
    app = build_app(settings, clock=clock)
    db = app.services.db
    await _people(db, 6)
    await outbox.enqueue(db, _messages([str(i) for i in range(6)]), NOW)
    sender = telegram_sender(app)
    assert sender is not None
    dispatcher = OutboxDispatcher(db, default_renderer(), {"telegram": sender}, FakeClock(NOW))
    started = time.monotonic()
    try:
        report = await dispatcher.drain()
    finally:
        await sender.aclose()
        app.close()
    assert (report.sent, report.blocked, report.retried) == (5, 1, 0)
    assert time.monotonic() - started >= 1.0, "the 429's retry_after was waited out"
    assert dict(api.delivered) == {"0": 1, "1": 1, "3": 1, "4": 1, "5": 1}
    assert api.too_many == 1
    assert _statuses(db) == {"sent": 5, "blocked": 1}
    active = {s.chat for s in await subscribers.active_page(db)}
    assert "2" not in active and len(active) == 5


async def test_a_message_that_keeps_failing_stops_after_max_attempts(
    api: FakeBotApi, sqlite_url: str
) -> None:
    api.flaky = {"9": 100}
    db = _db(sqlite_url)
    clock = FakeClock(NOW)
    await outbox.enqueue(db, _messages(["9"]), NOW)
    sender = BotApiSender(api.url, rate_per_second=0)
    dispatcher = OutboxDispatcher(
        db, default_renderer(), {"telegram": sender}, clock, max_attempts=3
    )
    try:
        for _ in range(5):
            await dispatcher.drain()
            clock.now += timedelta(minutes=20)
    finally:
        await sender.close()
    assert _statuses(db) == {"failed": 1}
    assert api.requests == 3
    db.dispose()


@pytest.mark.postgres
async def test_two_dispatchers_at_once_on_postgresql_send_each_message_once(
    api: FakeBotApi, pg_url: str
) -> None:
    chats = [str(i) for i in range(400)]
    one, two = _db(pg_url), Database(pg_url)
    await outbox.enqueue(one, _messages(chats), NOW)
    senders = [BotApiSender(api.url, rate_per_second=0) for _ in range(2)]
    dispatchers = [
        OutboxDispatcher(
            db, default_renderer(), {"telegram": s}, FakeClock(NOW), batch_size=10, worker=w
        )
        for db, s, w in ((one, senders[0], "one"), (two, senders[1], "two"))
    ]
    try:
        reports = await asyncio.gather(*(d.drain() for d in dispatchers))
    finally:
        for s in senders:
            await s.close()
    assert all(r.sent > 0 for r in reports), "both dispatchers took part"
    assert sum(r.sent for r in reports) == 400
    assert len(api.delivered) == 400 and set(api.delivered.values()) == {1}
    assert _statuses(one) == {"sent": 400}
    one.dispose()
    two.dispose()


def _worker(
    config: Path, api: FakeBotApi, now: datetime, sender: str = "peer"
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "PYTHONPATH": str(REPO),
        "TELEGRAM_BOT_TOKEN": "123:CRASH",
    }
    with (config.parent / "worker.log").open("ab") as log:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.fakes.drain_worker",
                str(config),
                api.url,
                now.isoformat(),
                sender,
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )


def _log(config: Path) -> str:
    return (config.parent / "worker.log").read_text()


@pytest.mark.parametrize("sender", ["peer", "production"])
async def test_a_dispatcher_killed_mid_broadcast_loses_nothing_and_repeats_little(
    api: FakeBotApi, tmp_path: Path, clock: FakeClock, sender: str
) -> None:
    """``production``: python-telegram-bot's sender, as ``asnbot reminders run-due`` builds it."""
    recipients, batch = 600, 20
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\nurl = "{url}"\n[logging]\nlevel = "WARNING"\n'
        f"[delivery]\nbatch_size = {batch}\nlease_seconds = 1\n"
        f'[telegram]\napi_base_url = "{api.url.removesuffix("TEST")}"\nrate_per_second = 400\n'
    )
    db = _db(url)
    await _people(db, recipients)
    # A broadcast an officer confirmed; the worker fans it out and sends it.
    now = clock()
    await broadcasts.create(
        db, "n1", "officer", "console", "console:hr", None, "Apel", "id", now, now
    )

    first = _worker(config, api, now, sender)
    deadline = time.monotonic() + 30
    while sum(api.delivered.values()) < recipients // 3:
        assert first.poll() is None, _log(config)
        assert time.monotonic() < deadline, "the worker never got going"
        await asyncio.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    at_crash = sum(api.delivered.values())
    assert at_crash < recipients, "killed mid-broadcast, not after it"

    # Two seconds later by the workers' clock: the lease of the rows in flight ran out.
    second = _worker(config, api, now + timedelta(seconds=2), sender)
    assert second.wait(60) == 0, _log(config)

    assert len(api.delivered) == recipients, "every recipient reached"
    duplicates = sum(n - 1 for n in api.delivered.values())
    assert duplicates <= batch, f"{duplicates} sent twice; at most one claim batch may be"
    # (run-due's senders include the console: the officer's "done" notice goes out too)
    assert _statuses(db, "telegram").get("sent") == recipients
    db.dispose()
