"""The scheduler only ticks: at start, every tick_seconds, and when a broadcast is confirmed."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

from sqlalchemy import func, select

from bot.channels.base import SendResult
from bot.runner import COMPONENTS
from bot.scheduler import SchedulerComponent, scheduler_component
from bot.wiring import App
from handlers.messages import Outgoing
from handlers.roles import Role
from storage import outbox
from storage.models import OutboxMessage
from tests.conftest import FakeClock, incoming
from tests.reminders.helpers import RecordingSender, subscriber, ticker, utc


async def _until(check: object, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if check():  # type: ignore[operator]
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def test_asnbot_run_starts_the_scheduler() -> None:
    assert scheduler_component in COMPONENTS


async def test_ticks_at_start_and_when_woken_then_stops_cleanly(app: App, clock: FakeClock) -> None:
    clock.now = utc("2024-11-20T01:00:00+00:00")  # Pilkada 2024 (config.toml), 08:00 WIB
    await subscriber(app, "console:ani", "WIB", office="BKPSDM")
    sender = RecordingSender()
    component = SchedulerComponent(app, ticker(app, sender))
    await component.start()
    try:
        await _until(lambda: component.ticks >= 1)
        assert len(sender.to("console:ani", "reminder")) == 1
        # An officer's confirmed broadcast wakes the scheduler: no wait for the next tick.
        app.services.roles.offices["console:hr"] = "BKPSDM"  # type: ignore[index]
        app.services.roles.granted["console:hr"] = frozenset({Role.HR})  # type: ignore[index]
        await app.dispatcher.handle(incoming("/siaran Apel", "console:hr"))
        await app.dispatcher.handle(incoming("/ya", "console:hr"))
        await _until(lambda: bool(sender.to("console:hr", "notice")))
    finally:
        await component.stop()
    assert "wake_outbox" not in app.services.extra
    ticks = component.ticks
    await asyncio.sleep(0.05)
    assert component.ticks == ticks


async def test_stop_waits_for_the_batch_in_flight(app: App, clock: FakeClock) -> None:
    clock.now = utc("2024-11-20T01:00:00+00:00")
    for i in range(60):
        await subscriber(app, f"console:p{i}", "WIB")
    slow = _SlowSender()
    component = SchedulerComponent(app, ticker(app, slow))
    await component.start()
    await _until(lambda: slow.started > 0)
    await component.stop()
    # What was claimed was sent and recorded; the rest waits, pending, for the next start.
    assert 0 < slow.finished == slow.started < 60
    with app.services.db.read() as s:
        rows = s.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
        counts = dict(rows.all())
    assert counts == {outbox.SENT: slow.finished, outbox.PENDING: 60 - slow.finished}


class _SlowSender(RecordingSender):
    started = 0
    finished = 0

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        self.started += 1
        await asyncio.sleep(0.02)
        self.finished += 1
        return await super().send(chat, out, kind=kind)


async def test_a_short_tick_still_sends_at_the_configured_rate(app: App, clock: FakeClock) -> None:
    """tick_seconds=2 once left a budget of 1 s per tick: half the rate. The budget is the
    tick's, and a tick with messages still due goes on, planning again as it goes."""
    short = replace(
        app, settings=replace(app.settings, delivery=replace(app.settings.delivery, tick_seconds=2))
    )
    rate, count = 100.0, 250
    sender = RecordingSender(rate_per_second=rate)
    rows = [
        outbox.NewMessage(
            f"rate:{n}",
            "broadcast",
            "console",
            f"console:r{n}",
            "broadcast",
            {"office": None, "text": "Apel pagi"},
        )
        for n in range(count)
    ]
    await outbox.enqueue(app.services.db, rows, clock())
    component = SchedulerComponent(short, ticker(short, sender))
    started = time.monotonic()
    await component.tick()
    elapsed = time.monotonic() - started
    assert len(sender.got) == count
    assert count / elapsed >= 0.8 * rate, f"{count / elapsed:.1f} msg/s, configured {rate:g}"
