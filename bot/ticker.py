"""What is due at an instant: reminders planned, broadcasts fanned out, the outbox sent.

``asnbot reminders run-due`` runs it once; the scheduler runs it every tick.
All state is in the tables, so a second worker, a restart or a missed tick
changes nothing: outbox keys make every message exist once. With several
workers on one PostgreSQL, one plans at a time (an advisory lock; the others
skip planning) and every one sends, each claiming rows no other holds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.channels.base import Sender
from bot.delivery import DrainReport, OutboxDispatcher, dispatcher_for
from bot.wiring import App
from handlers import campaigns, fanout
from handlers.reminders import planner
from handlers.tips.kit import EXTRA_KEY as TIPS
from handlers.tips.kit import TipKit
from storage import conversations

log = logging.getLogger(__name__)

REPORT_EVERY = 5.0  # seconds of sending between progress checks of running broadcasts
PLANNING = "scheduler:planning"  # the advisory lock one worker holds while it plans a tick


@dataclass
class TickReport:
    reminders: int = 0
    broadcast_rows: int = 0
    notices: int = 0
    delivery: DrainReport = field(default_factory=DrainReport)
    cut_short: bool = False  # the budget ran out with messages still due
    planned: bool = True  # False: another worker was planning this tick

    def line(self) -> str:
        d = self.delivery
        return (
            f"reminders queued {self.reminders}, broadcast messages queued {self.broadcast_rows}; "
            f"sent {d.sent}, failed {d.failed}, blocked {d.blocked}, to retry {d.retried}"
        )


class Ticker:
    def __init__(
        self,
        app: App,
        senders: Mapping[str, Sender],
        worker: str | None = None,
        report_every: float = REPORT_EVERY,
    ) -> None:
        self.app = app
        self.senders = dict(senders)
        self.worker = worker
        self.report_every = report_every
        self.stopping = False
        self._dispatcher: OutboxDispatcher | None = None

    def stop(self) -> None:
        """Finish the batch in flight, then return (the rest stays queued)."""
        self.stopping = True
        if self._dispatcher is not None:
            self._dispatcher.stopping = True

    async def run_due(self, now: datetime | None = None, budget: float | None = None) -> TickReport:
        """Everything due at ``now`` (default: the clock). ``budget`` caps the seconds spent
        sending, so a long broadcast never holds up the next tick's reminders."""
        s = self.app.services
        at = now or s.clock()
        clock = (lambda: at) if now is not None else s.clock
        report = TickReport()
        # Several workers on one PostgreSQL: one plans, all send (claims never overlap).
        async with s.db.first_come(PLANNING) as mine:
            report.planned = mine
            if mine:
                found = await campaigns.load(s.db)
                policy = planner.policy_of(s)
                report.reminders = await planner.plan(s.db, policy, found, s.kb.entries, at)
                report.broadcast_rows = await fanout.fan_out(s.db, at, policy)
                # A tip just sent (or looked at) leaves a sealed pointer and receipt code in
                # the person's state: gone once idle, whether or not they write again.
                # (Drafts wait for the nightly purge: their owner is told when they expire.)
                if isinstance(tips := s.extra.get(TIPS), TipKit):
                    await conversations.clear_stale(s.db, "tip.view", at - tips.limits.draft_idle)
        self._dispatcher = dispatcher_for(
            s, self.senders, self.app.settings.delivery, clock=clock, worker=self.worker
        )
        self._dispatcher.stopping = self.stopping
        deadline = time.monotonic() + budget if budget is not None else None
        try:
            while not self.stopping:
                until = time.monotonic() + self.report_every
                part = await self._dispatcher.drain(
                    until=min(until, deadline) if deadline is not None else until
                )
                report.delivery.merge(part)
                notices = await fanout.report(s.db, clock())
                report.notices += notices
                if not part.handled and not notices:
                    break
                if deadline is not None and time.monotonic() >= deadline:
                    report.cut_short = True
                    break
        finally:
            self._dispatcher = None
        if report.reminders or report.broadcast_rows or report.delivery.handled:
            log.info("tick", extra={"summary": report.line()})
        return report
