"""A channel's intake: updates are stored (sealed) before they are acknowledged, then
handled from the inbox by a few workers, each conversation in arrival order.

``put`` is what a webhook or the polling loop calls before answering; it
returns False for an update already seen (Telegram or Twilio sending it
again). The worker loop claims rows, hands each raw payload to the
channel's ``process``, and marks it done. A process that dies (even ``kill
-9``) leaves its rows leased; they are handled again once the lease runs
out, or at once when the next process on SQLite starts (SQLite is served by
one process). Stopping waits only for the updates in hand: the rest stays
stored for the next start, whatever the backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot import metrics
from bot.wiring import App
from handlers.tips.kit import EXTRA_KEY as TIPS
from handlers.tips.kit import TipKit
from storage import inbox
from storage.vault import VaultError

log = logging.getLogger(__name__)

POLL = 1.0  # seconds between looks at the inbox when nothing wakes the worker
STOP_WAIT = 8.0  # seconds a stopping worker waits for the updates in hand
HOUSEKEEPING_EVERY = 3600.0
MAX_ATTEMPTS = 5  # an update that failed this often (a crash each time) is dropped, logged

Process = Callable[[bytes], Awaitable[None]]


class Inbox:
    """Stores one channel's updates and works through them."""

    def __init__(self, app: App, channel: str, process: Process, *, concurrency: int) -> None:
        s = app.services
        kit = s.extra[TIPS]
        assert isinstance(kit, TipKit)
        self.db = s.db
        self.clock = s.clock
        self.vault = kit.vault
        self.pseudonyms = s.pseudonyms
        self.channel = channel
        self.process = process
        self.concurrency = concurrency
        self.lease = timedelta(seconds=app.settings.inbox.lease_seconds)
        self.keep = timedelta(days=app.settings.inbox.dedupe_days)
        self._tasks: dict[asyncio.Task[None], int] = {}
        # Handled, to be marked done with the next claim (one transaction for both).
        self._done: list[int] = []
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._loops: list[asyncio.Task[None]] = []

    # --- storing ------------------------------------------------------------

    def _item(self, platform_id: str, chat: str | None, payload: bytes) -> inbox.NewItem:
        # Keyed: the stored key cannot be matched against Telegram's or Twilio's own records.
        key = self.pseudonyms.of(f"inbox:{self.channel}:{platform_id}")
        conversation = self.pseudonyms.of(f"inbox:{self.channel}:chat:{chat}") if chat else None
        return inbox.NewItem(key, conversation, self.vault.seal(payload, inbox.PAYLOAD))

    async def put(self, platform_id: str, chat: str | None, payload: bytes) -> bool:
        """Stores one update; False if it was seen before. Raises if the database fails."""
        new = await inbox.store(
            self.db, self.channel, [self._item(platform_id, chat, payload)], self.clock()
        )
        labels = {"channel": self.channel}
        if not new:
            metrics.inc("asnbot_inbox_duplicates_total", "Updates received again", **labels)
            return False
        metrics.inc("asnbot_inbox_stored_total", "Updates stored before acknowledging", **labels)
        self.wake()
        return True

    def wake(self) -> None:
        self._wakeup.set()

    # --- working ------------------------------------------------------------

    async def start(self) -> None:
        if self.db.is_sqlite:
            # One process serves a SQLite database: what is leased was this one's before a crash.
            resumed = await inbox.release(self.db, self.channel)
            if resumed:
                log.info("inbox: resuming", extra={"channel": self.channel, "updates": resumed})
        await self._forget_old()
        self._stopping = False
        self._loops = [
            asyncio.create_task(self._run()),
            asyncio.create_task(self._heartbeat()),
            asyncio.create_task(self._tidy()),
        ]

    async def stop(self) -> None:
        """Stops claiming, lets the updates in hand finish (briefly), leaves the rest stored."""
        self._stopping = True
        self.wake()
        if self._loops:
            await self._loops[0]
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=STOP_WAIT)
        left = [row for task, row in self._tasks.items() if not task.done()]
        for task in list(self._tasks):
            task.cancel()
        for task in self._loops[1:]:
            task.cancel()
        await asyncio.gather(*self._tasks, *self._loops, return_exceptions=True)
        self._loops = []
        done, self._done = self._done, []
        if done:
            try:
                await inbox.finish(self.db, done)
            except Exception:
                log.exception("inbox: could not mark updates done", extra={"channel": self.channel})
        if left:
            # Cut short: back in the queue at once, for whichever worker comes next.
            with contextlib.suppress(Exception):
                await inbox.release(self.db, self.channel, left)
            log.warning(
                "inbox: stopped mid-update", extra={"channel": self.channel, "left": len(left)}
            )

    async def idle(self) -> None:
        """Returns once nothing is stored or in hand (for tests and benchmarks)."""
        while self._tasks or self._done or await inbox.unfinished(self.db, self.channel):  # noqa: ASYNC110
            await asyncio.sleep(0.01)

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            free = self.concurrency - len(self._tasks)
            claimed = 0
            if free > 0:
                done, self._done = self._done, []
                try:
                    rows = await inbox.claim(
                        self.db, self.channel, self.clock(), free, self.lease, done
                    )
                except Exception:
                    log.exception("inbox: claim failed", extra={"channel": self.channel})
                    self._done[:0] = done  # marked with the next claim that works
                    rows = []
                claimed = len(rows)
                for row in rows:
                    task = asyncio.create_task(self._handle(row))
                    self._tasks[task] = row.id
                    task.add_done_callback(self._finished)
            if claimed and claimed == free:
                continue  # there may be more waiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), POLL)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.pop(task, None)
        self.wake()  # a slot is free, and the conversation's next update may go

    async def _handle(self, row: inbox.Claimed) -> None:
        extra = {"channel": self.channel, "attempt": row.attempts}
        try:
            if row.attempts > MAX_ATTEMPTS or row.payload is None:
                log.error("inbox: update dropped after repeated failures", extra=extra)
            else:
                try:
                    payload = self.vault.open(row.payload, inbox.PAYLOAD)
                except VaultError:
                    log.error("inbox: update cannot be opened (another key?); dropped", extra=extra)
                else:
                    await self.process(payload)
                    metrics.inc(
                        "asnbot_inbox_handled_total", "Updates handled", channel=self.channel
                    )
        except Exception:
            # The channel answers its own failures; this is one it could not. The lease
            # brings the update back for another try.
            log.exception("inbox: update failed", extra=extra)
            return
        self._done.append(row.id)

    async def _heartbeat(self) -> None:
        every = max(self.lease.total_seconds() / 3, 0.1)
        while True:
            await asyncio.sleep(every)
            ids = list(self._tasks.values())
            if ids:
                try:
                    await inbox.extend(self.db, ids, self.clock() + self.lease)
                except Exception:
                    log.exception("inbox: lease renewal failed", extra={"channel": self.channel})

    async def _tidy(self) -> None:
        while True:
            await asyncio.sleep(HOUSEKEEPING_EVERY)
            await self._forget_old()

    async def _forget_old(self) -> None:
        try:
            removed = await inbox.purge(self.db, self.clock() - self.keep)
            if removed:
                log.info("inbox: old keys forgotten", extra={"removed": removed})
        except Exception:
            log.exception("inbox: purge failed", extra={"channel": self.channel})
