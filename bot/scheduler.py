"""The scheduler only ticks: what is due lives in the project's tables.

An APScheduler ``AsyncIOScheduler`` with an in-memory job store of its own
(never shared: APScheduler's FAQ), a tick every ``[delivery] tick_seconds``
that calls what ``asnbot reminders run-due`` calls, periodic jobs
(``PERIODIC_JOBS``), and daily jobs at a local (WIB) time that other
features register in ``DAILY_JOBS``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from starlette.routing import BaseRoute

from bot.senders import build_senders
from bot.ticker import Ticker
from bot.wiring import App
from handlers import gaplog
from handlers.context import Services
from handlers.tips.maintenance import enqueue_sla_nudges, expire_drafts, purge_media
from storage import outboxretention

log = logging.getLogger(__name__)

WIB = timezone(timedelta(hours=7))
MISFIRE_GRACE = 30  # seconds a tick may start late (the default 1 s silently skips it)
STOP_WAIT = 15.0  # seconds stop() waits for the batch in flight
WAKE = "wake_outbox"  # key in Services.extra: handlers call it to tick now
PRUNE_AT = time(3, 30)  # WIB: sent outbox rows past their retention are deleted


@dataclass(frozen=True)
class DailyJob:
    """Something to run once a day at ``at`` (WIB), e.g. purging old media."""

    name: str
    at: time
    run: Callable[[Services, datetime], Awaitable[object]]


@dataclass(frozen=True)
class PeriodicJob:
    """Something to run every ``every``, e.g. ending tip drafts left idle."""

    name: str
    every: timedelta
    run: Callable[[Services, datetime], Awaitable[object]]


PERIODIC_JOBS: list[PeriodicJob] = [
    # Drafts and held "report this" messages idle past [tips] draft_idle_minutes.
    PeriodicJob("expire-drafts", timedelta(minutes=5), expire_drafts),
]

DAILY_JOBS: list[DailyJob] = [
    # Tips untouched for the verification window, pointed out to admins each morning.
    DailyJob("sla-nudge", time(7, 0), enqueue_sla_nudges),
    # Photos of closed or rejected tips, gone after the retention period.
    DailyJob("purge-media", time(3, 0), purge_media),
    # Unanswered questions nobody asked again within the retention period.
    DailyJob("purge-gaps", time(3, 10), gaplog.purge),
]


class SchedulerComponent:
    name = "scheduler"

    def __init__(self, app: App, ticker: Ticker | None = None) -> None:
        self.app = app
        self.ticker = ticker or Ticker(app, build_senders(app))
        self._scheduler: AsyncIOScheduler | None = None
        self._lock = asyncio.Lock()
        self._again = False
        self.ticks = 0

    def routes(self) -> list[BaseRoute]:
        return []

    async def start(self) -> None:
        every = self.app.settings.delivery.tick_seconds
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            self.tick,
            IntervalTrigger(seconds=every),
            id="tick",
            next_run_time=datetime.now(UTC),  # at once, then every tick_seconds
            misfire_grace_time=MISFIRE_GRACE,
            coalesce=True,
            max_instances=1,
        )
        for periodic in PERIODIC_JOBS:
            scheduler.add_job(
                self._run,
                IntervalTrigger(seconds=periodic.every.total_seconds()),
                args=[periodic],
                id=f"every:{periodic.name}",
                misfire_grace_time=MISFIRE_GRACE,
                coalesce=True,
                max_instances=1,
            )
        for job in DAILY_JOBS:
            scheduler.add_job(
                self._run,
                CronTrigger(hour=job.at.hour, minute=job.at.minute, timezone=WIB),
                args=[job],
                id=f"daily:{job.name}",
                misfire_grace_time=3600,
                coalesce=True,
                max_instances=1,
            )
        scheduler.add_job(
            self._prune,
            CronTrigger(hour=PRUNE_AT.hour, minute=PRUNE_AT.minute, timezone=WIB),
            id="daily:prune-outbox",
            misfire_grace_time=3600,
            coalesce=True,
            max_instances=1,
        )
        scheduler.start()
        self._scheduler = scheduler
        self.app.services.extra[WAKE] = self.wake

    def wake(self) -> None:
        """Tick now (e.g. a broadcast was confirmed); folded into a running tick if any."""
        if self._lock.locked():
            self._again = True
        else:
            asyncio.get_running_loop().create_task(self.tick())

    async def tick(self, wait: bool = False) -> None:
        """Runs what is due; a tick already running is asked to go round once more,
        or, with ``wait``, is waited for and followed by this one."""
        if self._lock.locked() and not wait:
            self._again = True
            return
        async with self._lock:
            while True:
                self._again = False
                # Send for the whole tick, then plan again and go on if messages are still
                # due: the configured rate holds whatever tick_seconds is.
                budget = float(self.app.settings.delivery.tick_seconds)
                more = False
                try:
                    more = (await self.ticker.run_due(budget=budget)).cut_short
                except Exception:
                    log.exception("tick failed")  # the next tick tries again
                self.ticks += 1
                if not (self._again or more) or self.ticker.stopping:
                    break

    async def _run(self, job: DailyJob | PeriodicJob) -> None:
        services = self.app.services
        try:
            # Every worker has the job; one runs it (the jobs are idempotent besides).
            async with services.db.first_come(f"job:{job.name}") as mine:
                if mine:
                    await job.run(services, services.clock())
        except Exception:
            log.exception("scheduled job failed", extra={"job": job.name})

    async def _prune(self) -> None:
        try:
            await prune_sent(self.app, self.app.services.clock())
        except Exception:
            log.exception("daily job failed", extra={"job": "prune-outbox"})

    async def stop(self) -> None:
        self.app.services.extra.pop(WAKE, None)
        if self._scheduler is not None:
            self._scheduler.pause()  # no new tick; shutting down now would cancel a running one
        self.ticker.stop()
        try:  # let the batch in flight finish and be recorded
            await asyncio.wait_for(self._lock.acquire(), STOP_WAIT)
            self._lock.release()
        except TimeoutError:
            log.warning("tick still running at stop; its rows return after their lease")
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None


async def prune_sent(app: App, now: datetime) -> int:
    """Deletes outbox rows final for longer than ``[delivery] keep_sent_days``."""
    keep = timedelta(days=app.settings.delivery.keep_sent_days)
    removed = await outboxretention.prune(app.services.db, now - keep)
    if removed:
        log.info("outbox pruned", extra={"rows": removed})
    return removed


def scheduler_component(app: App) -> SchedulerComponent:
    return SchedulerComponent(app)
