"""kill -9 in the middle of a burst: every acknowledged update is answered after a restart.

A real ``asnbot run`` in webhook mode, a real fake Bot API on loopback. Updates
come from distinct chats, so each reply says which update it answers.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

import httpx

from tests.fakes.bot_process import WEBHOOK_SECRET, BotProcess, free_port, webhook_config
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import make_message, user

BURST = 400
IN_FLIGHT = 8  # [telegram] concurrent_updates: what a kill can leave half-done


def update(n: int) -> dict[str, object]:
    return {"update_id": 10_000 + n, **make_message("halo", from_user=user(50_000 + n))}


async def post_all(url: str, numbers: list[int], acked: set[int], connections: int = 16) -> None:
    """Posts the updates as Telegram would (several connections); notes each 200."""
    slots = asyncio.Semaphore(connections)
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with httpx.AsyncClient(base_url=url, timeout=5.0) as client:

        async def one(n: int) -> None:
            async with slots:
                try:
                    resp = await client.post("/telegram/webhook", json=update(n), headers=headers)
                except httpx.TransportError:
                    return  # the server died: not acknowledged, Telegram would send it again
                if resp.status_code == 200:
                    acked.add(n)

        await asyncio.gather(*(one(n) for n in numbers))


async def until_quiet(tg: FakeTelegram, expected: set[int], quiet: float = 5.0) -> None:
    """Until every expected chat was answered and nothing more is sent, or nothing moves."""
    last, since = -1, time.monotonic()
    while time.monotonic() - since < (0.5 if set(answered(tg)) >= expected else quiet):
        if len(tg.sent()) != last:
            last, since = len(tg.sent()), time.monotonic()
        await asyncio.sleep(0.05)


def answered(tg: FakeTelegram) -> Counter[int]:
    return Counter(int(c.chat_id or 0) - 50_000 for c in tg.sent())


async def test_kill_9_mid_burst_loses_no_acknowledged_update(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        port = free_port()
        config = webhook_config(
            tmp_path / "config.toml",
            tg,
            f"sqlite:///{tmp_path / 'bot.db'}",
            port,
            media=tmp_path / "media",
            telegram=f"rate_per_second = 100\nconcurrent_updates = {IN_FLIGHT}\n",
        )
        first = BotProcess(config, port, tmp_path / "first.log").start()
        second = BotProcess(config, port, tmp_path / "second.log")
        try:
            await first.ready()
            acked: set[int] = set()
            burst = asyncio.create_task(post_all(first.url, list(range(BURST)), acked))
            deadline = time.monotonic() + 60
            while len(acked) < BURST * 3 // 5:
                assert time.monotonic() < deadline, first.logged()[-2000:]
                await asyncio.sleep(0.005)
            first.kill()  # mid-burst: some posts were never answered, some never processed
            await burst
            at_kill = answered(tg)
            assert len(acked) > len(at_kill), "killed while acknowledged updates were waiting"

            second.start()
            await second.ready()
            # Telegram sends again what it never got a 200 for.
            retried = [n for n in range(BURST) if n not in acked]
            await post_all(second.url, retried, acked)
            await until_quiet(tg, set(range(BURST)))
        finally:
            first.stop_quietly()
            second.stop_quietly()

    replies = answered(tg)
    lost = [n for n in acked if replies[n] == 0]
    duplicates = sum(count - 1 for count in replies.values() if count > 1)
    assert lost == [], f"{len(lost)} acknowledged updates lost"
    assert duplicates <= IN_FLIGHT, f"{duplicates} answered twice (at most {IN_FLIGHT} in flight)"
