"""Sends what the outbox holds, at each channel's rate, recording every result.

Handlers and the scheduler only write outbox rows; this is the one place that
pushes messages out. Rows are claimed in small batches so that a crash can
leave at most one batch "in flight" to be sent again after the lease expires.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.channels.base import Sender, SendResult, SendStatus
from handlers.messages import Reply
from handlers.render import Renderer
from storage import outbox, subscribers
from storage.db import Database

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = timedelta(minutes=15)


@dataclass
class DrainReport:
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    retried: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    def add(self, status: SendStatus) -> None:
        if status is SendStatus.SENT:
            self.sent += 1
        elif status is SendStatus.BLOCKED:
            self.blocked += 1
        elif status is SendStatus.RETRY:
            self.retried += 1
        else:
            self.failed += 1


class Pacer:
    """Spaces send starts at ``1/rate`` seconds: a steady rate, no bursts to trip 429s."""

    def __init__(self, rate_per_second: float) -> None:
        self.interval = 1.0 / rate_per_second if rate_per_second > 0 else 0.0
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = self._next
            self._next = max(now, self._next) + self.interval


class OutboxDispatcher:
    def __init__(
        self,
        db: Database,
        renderer: Renderer,
        senders: Mapping[str, Sender],
        clock: Callable[[], datetime],
        *,
        batch_size: int = 50,
        concurrency: int = 16,
        lease: timedelta = timedelta(minutes=2),
        worker: str | None = None,
    ) -> None:
        self.db = db
        self.renderer = renderer
        self.senders = dict(senders)
        self.clock = clock
        self.batch_size = batch_size
        self.lease = lease
        self.worker = worker or uuid.uuid4().hex[:12]
        self.pacers = {name: Pacer(s.rate_per_second) for name, s in self.senders.items()}
        self._slots = asyncio.Semaphore(concurrency)

    async def drain(self, max_batches: int | None = None) -> DrainReport:
        """Send everything due now; returns when nothing due is left (or after max_batches)."""
        report = DrainReport()
        batches = 0
        while max_batches is None or batches < max_batches:
            rows = await outbox.claim(
                self.db, self.worker, self.clock(), self.batch_size, self.lease, list(self.senders)
            )
            if not rows:
                break
            batches += 1
            await asyncio.gather(*(self._deliver(row, report) for row in rows))
        return report

    async def _deliver(self, row: outbox.Claimed, report: DrainReport) -> None:
        sender = self.senders[row.channel]
        try:
            out = self.renderer.render(Reply(row.template, row.context), row.locale)
        except Exception:
            log.exception("outbox render failed", extra={"outbox_id": row.id})
            await outbox.finish(self.db, row.id, outbox.FAILED, self.clock(), error="render")
            report.add(SendStatus.FAILED)
            return
        await self.pacers[row.channel].wait()
        async with self._slots:
            try:
                result = await sender.send(row.chat, out, kind=row.kind)
            except Exception as exc:  # a sender bug must not stop the queue
                log.exception("sender raised", extra={"outbox_id": row.id, "channel": row.channel})
                result = SendResult(SendStatus.RETRY, error=exc.__class__.__name__)
        await self._record(row, result)
        report.add(result.status)

    async def _record(self, row: outbox.Claimed, result: SendResult) -> None:
        now = self.clock()
        if result.status is SendStatus.SENT:
            await outbox.finish(self.db, row.id, outbox.SENT, now, result.provider_id)
        elif result.status is SendStatus.BLOCKED:
            await outbox.finish(self.db, row.id, outbox.BLOCKED, now, error=result.error)
            await subscribers.deactivate(self.db, row.channel, row.chat, "blocked", now)
        elif result.status is SendStatus.RETRY and row.attempts < MAX_ATTEMPTS:
            backoff = min(timedelta(seconds=2**row.attempts), MAX_BACKOFF)
            wait = max(backoff, timedelta(seconds=result.retry_after or 0))
            await outbox.retry(self.db, row.id, now + wait, result.error)
        else:
            await outbox.finish(self.db, row.id, outbox.FAILED, now, error=result.error)
        if result.status is not SendStatus.SENT:
            log.info(
                "outbox result",
                extra={"outbox_id": row.id, "status": str(result.status), "error": result.error},
            )
