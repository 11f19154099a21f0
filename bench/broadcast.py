"""Broadcast pipeline benchmark (run by hand): ``python -m bench.broadcast``.

100,000 subscribers, one confirmed broadcast, the same tick the scheduler
runs (fan-out into the outbox, then the dispatcher) against a local
Bot-API-shaped server in its own process:

1. a server that answers at once: messages per second of the pipeline and
   the process's peak memory;
2. a server enforcing 30 messages a second (sliding one-second window,
   429 beyond it): the sustained rate and how many 429s came back.

Prints the figures; nothing leaves 127.0.0.1. ``--url`` runs it on
PostgreSQL instead of a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import insert

from bot.config import load_settings
from bot.ticker import Ticker
from bot.wiring import build_app
from storage import broadcasts
from storage.db import Database
from storage.models import Subscriber
from tests.fakes.botapi import BotApiSender, FakeBotApi

SECRET = "bench-secret-key-0123456789-abcdefghijklmnop"


def _serve(port_out: multiprocessing.Queue, limit: int | None) -> None:
    async def main() -> None:
        api = FakeBotApi(limit_per_second=limit)
        await api.serve()
        port_out.put(api.port)
        await asyncio.Event().wait()

    asyncio.run(main())


def _people(db: Database, n: int, now: datetime) -> None:
    """Subscribers written 10,000 at a time, so the set-up's memory stays out of the peak."""
    with db.write() as s:
        for start in range(0, n, 10_000):
            rows = [
                {
                    "channel": "telegram",
                    "chat": str(100_000_000 + i),
                    "who": f"w{i}",
                    "tz": "WIB",
                    "office": None,
                    "locale": "id",
                    "active": True,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(start, min(start + 10_000, n))
            ]
            s.execute(insert(Subscriber), rows)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


async def _run(
    url: str, folder: Path, n: int, limit: int | None, rate: float, batch: int
) -> dict[str, float]:
    config = folder / "config.toml"
    config.write_text(
        f'[storage]\nurl = "{url}"\n[logging]\nlevel = "WARNING"\n'
        f"[delivery]\nbatch_size = {batch}\nconcurrency = 32\n"
    )
    os.environ["ASNBOT_SECRET_KEY"] = SECRET
    app = build_app(load_settings(config))
    now = datetime.now(UTC)
    _people(app.services.db, n, now)
    await broadcasts.create(
        app.services.db,
        "bench",
        "officer",
        "console",
        "console:hr",
        None,
        "Apel netralitas ASN Senin 08.00",
        "id",
        now,
        now,
    )

    ports: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()
    server = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(ports, limit), daemon=True
    )
    server.start()
    port = ports.get(timeout=20)
    sender = BotApiSender(f"http://127.0.0.1:{port}/botBENCH", rate_per_second=rate)
    before = _rss_mb()
    started = time.perf_counter()
    report = await Ticker(app, {"telegram": sender}).run_due()
    elapsed = time.perf_counter() - started
    async with httpx.AsyncClient() as client:
        stats = (await client.get(f"http://127.0.0.1:{port}/botBENCH/stats")).json()
    await sender.close()
    server.terminate()
    app.close()
    return {
        "recipients": n,
        "sent": report.delivery.sent,
        "seconds": elapsed,
        "per_second": report.delivery.sent / elapsed,
        "server_per_second": stats["delivered"] / stats["seconds"] if stats["seconds"] else 0.0,
        "received": stats["delivered"],
        "duplicates": stats["duplicates"],
        "too_many": stats["too_many"],
        "rss_before_mb": before,
        "rss_peak_mb": _rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--throttled-subscribers", type=int, default=1_800, help="60 s at 30/s")
    parser.add_argument("--limit", type=int, default=30, help="the throttled server's messages/s")
    parser.add_argument("--rate", type=float, default=29.0, help="the sender's pace against it")
    parser.add_argument("--batch-size", type=int, default=20)
    parser.add_argument("--url", help="postgresql+psycopg://… (default: a temporary SQLite file)")
    parser.add_argument("--only", choices=["fast", "throttled"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only != "throttled":
            url = args.url or f"sqlite:///{folder / 'fast.db'}"
            r = asyncio.run(_run(url, folder, args.subscribers, None, 0.0, args.batch_size))
            print(
                f"unthrottled: {r['sent']:,} of {r['recipients']:,} sent in {r['seconds']:.1f} s "
                f"= {r['per_second']:,.0f} msg/s (fan-out included); server received "
                f"{r['received']:,}, duplicates {r['duplicates']}; "
                f"peak RSS {r['rss_peak_mb']:.0f} MB (after start-up {r['rss_before_mb']:.0f} MB)"
            )
        if args.only != "fast":
            url = args.url or f"sqlite:///{folder / 'slow.db'}"
            if args.url:
                print("(throttled run reuses --url: empty it between runs)")
            r = asyncio.run(
                _run(
                    url, folder, args.throttled_subscribers, args.limit, args.rate, args.batch_size
                )
            )
            print(
                f"throttled at {args.limit}/s (sender paced at {args.rate}/s): "
                f"{r['sent']:,} sent in {r['seconds']:.1f} s "
                f"= {r['per_second']:.2f} msg/s overall, "
                f"{r['server_per_second']:.2f} msg/s first to last at the server "
                f"({100 * r['server_per_second'] / args.limit:.1f}% of the limit); "
                f"429s received: {r['too_many']}"
            )


if __name__ == "__main__":
    main()
