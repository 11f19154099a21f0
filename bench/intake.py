"""Webhook intake benchmark (run by hand): ``python -m bench.intake``.

A real ``asnbot run`` in webhook mode (SQLite in a temporary folder) and the
test suite's fake Bot API on loopback. Telegram-shaped updates, each from its
own chat, are posted over ``--connections`` connections:

1. acknowledgements: updates/s answered 200, and p50/p99 of that answer;
2. answers: how long until every update got its reply (paced at the bot's
   own ``--rate``, as in production);
3. with ``--kill-after N``: ``kill -9`` once N updates were acknowledged (or
   SIGTERM with ``--term``, timed), a restart, and what became of the
   acknowledged ones (lost, answered twice).

Prints the figures; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.fakes.bot_process import restartable_bot
from tests.fakes.burst import answered, post_burst, until_answered
from tests.fakes.telegram_api import FakeTelegram


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        async with FakeTelegram() as tg:
            first, second = restartable_bot(folder, tg, f"rate_per_second = {args.rate}\n")
            try:
                await first.ready()
                acked: set[int] = set()
                latencies: list[float] = []
                numbers = list(range(args.updates))
                started = time.perf_counter()
                burst = asyncio.create_task(
                    post_burst(first.url, numbers, acked, args.connections, latencies)
                )
                if args.kill_after:
                    while len(acked) < args.kill_after and not burst.done():  # noqa: ASYNC110
                        await asyncio.sleep(0.001)
                    if args.term:
                        print(f"SIGTERM: stopped in {await first.terminate(120):.1f} s")
                    else:
                        first.kill()
                await burst
                acking = time.perf_counter() - started
                print(
                    f"acknowledged {len(acked)}/{args.updates} in {acking:.2f} s: "
                    f"{len(acked) / acking:.0f} updates/s"
                )
                if latencies:
                    q = statistics.quantiles(latencies, n=100)
                    print(f"answer to the POST: p50 {ms(q[49])}, p99 {ms(q[98])}")
                if not args.kill_after:
                    await until_answered(tg, acked, quiet=10.0)
                    done = time.perf_counter() - started
                    print(
                        f"every update answered after {done:.2f} s "
                        f"({len(set(answered(tg)))} chats, bot paced at {args.rate:g}/s)"
                    )
                    return
                at_kill = answered(tg)
                how = "SIGTERM" if args.term else "kill -9"
                print(f"{how} after {len(acked)} acknowledged; {len(at_kill)} answered by then")
                second.start()
                await second.ready()
                await until_answered(tg, acked, quiet=10.0)
                replies = answered(tg)
                lost = [n for n in acked if not replies[n]]
                twice = sum(c - 1 for c in replies.values() if c > 1)
                print(
                    f"after restart: {len(lost)} of {len(acked)} acknowledged updates lost, "
                    f"{twice} answered twice"
                )
            finally:
                first.stop_quietly()
                second.stop_quietly()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--rate", type=float, default=25.0, help="the bot's replies per second")
    parser.add_argument("--kill-after", type=int, default=0)
    parser.add_argument("--term", action="store_true", help="SIGTERM instead of kill -9")
    asyncio.run(main(parser.parse_args()))
