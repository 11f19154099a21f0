"""A burst of Telegram updates posted to a running bot, and what became of each.

Update ``n`` comes from chat ``FIRST_CHAT + n`` and says "halo", so every reply
names the update it answers. Used by the crash test and ``bench.intake``.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import httpx

from tests.fakes.bot_process import WEBHOOK_SECRET
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import make_message, user

FIRST_CHAT = 50_000


def update(n: int) -> dict[str, object]:
    return {"update_id": 10_000 + n, **make_message("halo", from_user=user(FIRST_CHAT + n))}


async def post_burst(
    url: str,
    numbers: list[int],
    acked: set[int],
    connections: int = 16,
    latencies: list[float] | None = None,
) -> None:
    """Posts the updates as Telegram would (several connections); notes each 200 (and how
    long it took). A connection the server drops is not acknowledged: Telegram resends."""
    slots = asyncio.Semaphore(connections)
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(base_url=url, timeout=30.0, limits=limits) as client:

        async def one(n: int) -> None:
            async with slots:
                started = time.perf_counter()
                try:
                    resp = await client.post("/telegram/webhook", json=update(n), headers=headers)
                except httpx.TransportError:
                    return
                if resp.status_code == 200:
                    acked.add(n)
                    if latencies is not None:
                        latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(one(n) for n in numbers))


def answered(tg: FakeTelegram) -> Counter[int]:
    """How many replies each update got."""
    return Counter(int(c.chat_id or 0) - FIRST_CHAT for c in tg.sent())


async def until_answered(tg: FakeTelegram, wanted: set[int], quiet: float = 5.0) -> None:
    """Until every wanted update was answered and the bot fell silent, or nothing moves."""
    last, since = -1, time.monotonic()
    while time.monotonic() - since < (0.5 if set(answered(tg)) >= wanted else quiet):
        if len(tg.sent()) != last:
            last, since = len(tg.sent()), time.monotonic()
        await asyncio.sleep(0.02)
