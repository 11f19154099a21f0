"""A dispatcher process for the crash test: ``python -m tests.fakes.drain_worker CONFIG API NOW``.

Runs what the scheduler's tick runs (fan-out, then sending) with a
``BotApiSender`` for the telegram channel pointed at a local fake server.
When the Telegram channel's sender lands, ``asnbot reminders run-due``
with ``[telegram] api_base_url`` set does the same. ``NOW`` (ISO-8601 with an
offset) is the instant the tick runs at: the test's clock, not the wall clock.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from bot.config import load_settings
from bot.ticker import Ticker
from bot.wiring import build_app
from tests.fakes.botapi import BotApiSender

RATE = 400.0  # messages per second: a crash lands mid-broadcast, the test stays short


async def main(config: str, api: str, now: str) -> None:
    at = datetime.fromisoformat(now)
    app = build_app(load_settings(config), clock=lambda: at)
    sender = BotApiSender(api, rate_per_second=RATE)
    try:
        await Ticker(app, {"telegram": sender}).run_due(at)
    finally:
        await sender.close()
        app.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
