"""kill -9 in the middle of a burst: every acknowledged update is answered after a restart.

A real ``asnbot run`` in webhook mode, a real fake Bot API on loopback. Updates
come from distinct chats, so each reply says which update it answers.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from tests.fakes.bot_process import restartable_bot
from tests.fakes.burst import answered, post_burst, until_answered
from tests.fakes.telegram_api import FakeTelegram

BURST = 400
IN_FLIGHT = 8  # [telegram] concurrent_updates: what a kill can leave half-done
# Replies per second: slower than a loaded machine acknowledges, so a backlog builds up.
RATE = 40


async def test_kill_9_mid_burst_loses_no_acknowledged_update(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        first, second = restartable_bot(
            tmp_path, tg, f"rate_per_second = {RATE}\nconcurrent_updates = {IN_FLIGHT}\n"
        )
        try:
            await first.ready()
            acked: set[int] = set()
            burst = asyncio.create_task(post_burst(first.url, list(range(BURST)), acked))
            deadline = time.monotonic() + 60
            while len(acked) < BURST * 3 // 5:
                assert time.monotonic() < deadline, first.logged()[-2000:]
                await asyncio.sleep(0.005)
            first.kill()  # mid-burst: some posts were never answered, some never processed
            await burst
            at_kill = answered(tg)
            assert len(acked) > len(at_kill), f"nothing waiting: {len(acked)} acked, all answered"

            second.start()
            await second.ready()
            # Telegram sends again what it never got a 200 for.
            retried = [n for n in range(BURST) if n not in acked]
            await post_burst(second.url, retried, acked)
            await until_answered(tg, set(range(BURST)), quiet=15.0)
        finally:
            first.stop_quietly()
            second.stop_quietly()

    replies = answered(tg)
    lost = [n for n in acked if replies[n] == 0]
    duplicates = sum(count - 1 for count in replies.values() if count > 1)
    assert lost == [], f"{len(lost)} acknowledged updates lost\n" + second.logged()[-2000:]
    assert duplicates <= IN_FLIGHT, f"{duplicates} answered twice (at most {IN_FLIGHT} in flight)"
