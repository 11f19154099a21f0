"""A dispatcher process for the crash test: ``python -m tests.fakes.drain_worker CONFIG API NOW
[SENDER]``.

Runs what the scheduler's tick runs (fan-out, then sending) with a
``BotApiSender`` for the telegram channel pointed at a local fake server, or
with SENDER ``production``, the senders ``asnbot reminders run-due`` builds
(python-telegram-bot, configured by CONFIG's ``[telegram]`` and
``TELEGRAM_BOT_TOKEN``). ``NOW`` (ISO-8601 with an offset) is the instant the
tick runs at: the test's clock, not the wall clock.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from bot.config import load_settings
from bot.senders import build_senders, close_senders
from bot.ticker import Ticker
from bot.wiring import build_app
from tests.fakes.botapi import BotApiSender

RATE = 400.0  # messages per second: a crash lands mid-broadcast, the test stays short


async def main(config: str, api: str, now: str, sender: str = "peer") -> None:
    at = datetime.fromisoformat(now)
    app = build_app(load_settings(config), clock=lambda: at)
    senders = (
        build_senders(app)
        if sender == "production"
        else {"telegram": BotApiSender(api, rate_per_second=RATE)}
    )
    try:
        await Ticker(app, senders).run_due(at)
    finally:
        if isinstance(peer := senders.get("telegram"), BotApiSender):
            await peer.close()
        await close_senders(senders)
        app.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
