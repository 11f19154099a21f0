"""Sends what the outbox holds, at each channel's rate, recording every result.

Handlers and the scheduler only write outbox rows; this is the one place that
pushes messages out. Rows are claimed in small batches and each batch's
results are written in one transaction: a crash (even ``kill -9``) leaves at
most one batch "in flight", sent again once its lease expires, and no more.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.channels.base import Sender, SendResult, SendStatus
from bot.config import DeliverySettings
from handlers.context import Services
from handlers.messages import Choice, Reply
from handlers.render import Renderer
from handlers.tips.kit import EXTRA_KEY as TIPS
from handlers.tips.kit import TipKit
from storage import outbox, subscribers
from storage.db import Database

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
MAX_BACKOFF = timedelta(minutes=15)
SENDERS = "senders"  # Services.extra[SENDERS]: {channel: Sender}, filled by channel components


@dataclass
class DrainReport:
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    retried: int = 0

    def add(self, status: SendStatus) -> None:
        if status is SendStatus.SENT:
            self.sent += 1
        elif status is SendStatus.BLOCKED:
            self.blocked += 1
        elif status is SendStatus.RETRY:
            self.retried += 1
        else:
            self.failed += 1

    def merge(self, other: DrainReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.blocked += other.blocked
        self.retried += other.retried

    @property
    def handled(self) -> int:
        return self.sent + self.failed + self.blocked + self.retried


class Pacer:
    """Spaces send starts at ``1/rate`` seconds: a steady rate, no bursts to trip 429s."""

    def __init__(self, rate_per_second: float) -> None:
        self.interval = 1.0 / rate_per_second if rate_per_second > 0 else 0.0
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self.interval:
            return
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = self._next
            self._next = max(now, self._next) + self.interval

    async def hold(self, seconds: float) -> None:
        """The platform said "slow down": no send of this channel starts for ``seconds``."""
        async with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)


class OutboxDispatcher:
    def __init__(
        self,
        db: Database,
        renderer: Renderer,
        senders: Mapping[str, Sender],
        clock: Callable[[], datetime],
        *,
        batch_size: int = 20,
        concurrency: int = 16,
        lease: timedelta = timedelta(minutes=2),
        max_attempts: int = MAX_ATTEMPTS,
        rates: Mapping[str, float] | None = None,
        worker: str | None = None,
        resolve_chat: Callable[[str], str | None] | None = None,
        open_context: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None,
    ) -> None:
        self.db = db
        self.renderer = renderer
        self.senders = dict(senders)
        self.clock = clock
        self.batch_size = batch_size
        self.lease = lease
        self.max_attempts = max_attempts
        self.worker = worker or uuid.uuid4().hex[:12]
        # Open sealed ("enc:…") chats and sealed context values (a receipt code) just
        # before sending; without them such rows fail.
        self.resolve_chat = resolve_chat
        self.open_context = open_context
        rates = rates or {}
        self.pacers = {
            name: Pacer(rates.get(name, s.rate_per_second)) for name, s in self.senders.items()
        }
        self._slots = asyncio.Semaphore(concurrency)
        self.stopping = False  # set to stop after the batch in flight

    async def drain(
        self, max_batches: int | None = None, until: float | None = None
    ) -> DrainReport:
        """Send everything due now; returns when nothing due is left, after ``max_batches``,
        past the monotonic deadline ``until``, or once ``stopping`` is set."""
        report = DrainReport()
        batches = 0
        while not self.stopping and (max_batches is None or batches < max_batches):
            if batches and until is not None and time.monotonic() >= until:
                break
            rows = await outbox.claim(
                self.db, self.worker, self.clock(), self.batch_size, self.lease, list(self.senders)
            )
            if not rows:
                break
            batches += 1
            await self._send(rows, report)
        return report

    async def send_now(self, keys: Sequence[str]) -> DrainReport:
        """Sends the pending rows with these dedupe keys at once, due or not."""
        report = DrainReport()
        rows = await outbox.claim_keys(self.db, self.worker, keys, self.clock())
        if rows:
            await self._send(rows, report)
        return report

    async def _send(self, rows: list[outbox.Claimed], report: DrainReport) -> None:
        results = await asyncio.gather(*(self._deliver(row) for row in rows))
        await self._record(list(zip(rows, results, strict=True)), report)

    async def _deliver(self, row: outbox.Claimed) -> SendResult:
        chat: str | None = row.chat
        if row.chat.startswith(outbox.SEALED_CHAT):
            chat = self.resolve_chat(row.chat) if self.resolve_chat else None
        context: dict[str, Any] | None = row.context
        if outbox.SEALED_CONTEXT in row.context:
            context = self.open_context(row.context) if self.open_context else None
        if chat is None or context is None:
            return SendResult(SendStatus.FAILED, error="sealed chat or context")
        try:
            out = self.renderer.render(_reply(row.template, context), row.locale)
        except Exception:
            log.exception("outbox render failed", extra={"outbox_id": row.id})
            return SendResult(SendStatus.FAILED, error="render")
        pacer = self.pacers[row.channel]
        await pacer.wait()
        async with self._slots:
            try:
                result = await self.senders[row.channel].send(chat, out, kind=row.kind)
            except Exception as exc:  # a sender bug must not stop the queue
                log.exception("sender raised", extra={"outbox_id": row.id, "channel": row.channel})
                result = SendResult(SendStatus.RETRY, error=exc.__class__.__name__)
        if result.status is SendStatus.RETRY and result.retry_after:
            await pacer.hold(result.retry_after)
        return result

    async def _record(
        self, done: list[tuple[outbox.Claimed, SendResult]], report: DrainReport
    ) -> None:
        now = self.clock()
        outcomes: list[outbox.Outcome] = []
        for row, result in done:
            status = result.status
            if status is SendStatus.RETRY and row.attempts >= self.max_attempts:
                status = SendStatus.FAILED
            report.add(status)
            if status is SendStatus.RETRY:
                backoff = min(timedelta(seconds=2**row.attempts), MAX_BACKOFF)
                wait = max(backoff, timedelta(seconds=result.retry_after or 0))
                outcomes.append(
                    outbox.Outcome(row.id, outbox.PENDING, error=result.error, retry_at=now + wait)
                )
            else:
                final = {
                    SendStatus.SENT: outbox.SENT,
                    SendStatus.BLOCKED: outbox.BLOCKED,
                }.get(status, outbox.FAILED)
                outcomes.append(outbox.Outcome(row.id, final, result.provider_id, result.error))
            if status is not SendStatus.SENT:
                log.info(
                    "outbox result",
                    extra={"outbox_id": row.id, "status": str(status), "error": result.error},
                )
        await outbox.record(self.db, outcomes, now)
        for row, result in done:
            if result.status is SendStatus.BLOCKED:
                await subscribers.deactivate(self.db, row.channel, row.chat, "blocked", now)


def _reply(template: str, context: dict[str, Any]) -> Reply:
    """A row as a reply; ``_choices`` in the context are buttons ([payload, label key])."""
    context = dict(context)
    choices = tuple(Choice(str(p), str(label)) for p, label in context.pop("_choices", None) or ())
    return Reply(template, context, choices=choices)


def sealed_hooks(services: Services) -> dict[str, Any]:
    """What opens the sealed parts of rows (tipsters' chats, receipt codes), if tips are wired."""
    tips = services.extra.get(TIPS)
    if not isinstance(tips, TipKit):
        return {}
    return {"resolve_chat": tips.resolve_chat, "open_context": tips.open_context}


def dispatcher_for(
    services: Services,
    senders: Mapping[str, Sender],
    settings: DeliverySettings,
    *,
    clock: Callable[[], datetime] | None = None,
    worker: str | None = None,
) -> OutboxDispatcher:
    """An outbox dispatcher with the configured batches, lease and attempts."""
    return OutboxDispatcher(
        services.db,
        services.renderer,
        senders,
        clock or services.clock,
        batch_size=settings.batch_size,
        concurrency=settings.concurrency,
        lease=timedelta(seconds=settings.lease_seconds),
        max_attempts=settings.max_attempts,
        worker=worker,
        **sealed_hooks(services),
    )


class OutboxPusher:
    """``handlers.pushnow.Pusher``: sends named rows (a receipt code) before the replies.

    Uses the senders the channel components registered, so it reaches exactly the
    channels this process serves; the rows' fate is recorded as the scheduler's would
    be (a failure is retried by the next ticks)."""

    def __init__(self, services: Services, settings: DeliverySettings) -> None:
        self.services = services
        self.settings = settings

    def senders(self) -> dict[str, Sender]:
        return dict(self.services.extra.get(SENDERS, {}))

    def can_push(self, channel: str) -> bool:
        return channel in self.senders()

    async def push(self, keys: Sequence[str]) -> None:
        report = await dispatcher_for(self.services, self.senders(), self.settings).send_now(keys)
        # Nothing claimed is no failure: a tick took the rows first.
        if report.retried or report.failed or report.blocked:
            log.info(
                "pushed message not delivered",
                extra={"to_retry": report.retried, "given_up": report.failed + report.blocked},
            )
