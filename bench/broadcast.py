"""Broadcast pipeline benchmark (run by hand): ``python -m bench.broadcast``.

100,000 subscribers, one confirmed broadcast, the tick ``asnbot reminders
run-due`` runs (fan-out into the outbox, then the dispatcher) with the
senders it builds: python-telegram-bot's ``Bot`` for Telegram and twilio's
REST client for WhatsApp, pointed at local fake servers in their own
process (``tests/fakes/botapi.py``, ``tests/fakes/twilio_rest.py``). The
test suite's minimal sender (``BotApiSender``) runs too, as the peer.

1. a server that answers at once, senders' limits lifted: messages per
   second and the process's peak memory;
2. a server enforcing 30 messages a second (sliding one-second window,
   429 beyond it), senders at their configured pace of 29/s: the sustained
   rate at the server and how many 429s came back.

Every run is its own process (its own peak RSS) on a fresh database:
a temporary SQLite file, or a throwaway database on ``--url``'s PostgreSQL
server. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, insert, text

SECRET = "bench-secret-key-0123456789-abcdefghijklmnop"
TOKEN = "123:BENCH"
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "c" * 32
TEMPLATE = "HX" + "d" * 32
UNLIMITED = 1_000_000.0  # "no limit": the senders' pacing lifted (the setting must be positive)
# Which sender a run uses, and the channel its subscribers are on.
SENDERS = {"telegram": "telegram", "whatsapp": "whatsapp", "peer": "telegram"}
SPAWN = multiprocessing.get_context("spawn")


def _serve(port_out: Any, limit: int | None, twilio: bool) -> None:
    from tests.fakes.botapi import FakeBotApi
    from tests.fakes.twilio_rest import FakeTwilioRest

    async def main() -> None:
        api = (FakeTwilioRest if twilio else FakeBotApi)(limit_per_second=limit)
        await api.serve()
        port_out.put(api.port)
        await asyncio.Event().wait()

    asyncio.run(main())


def _chat(channel: str, i: int) -> str:
    return f"whatsapp:+62811{i:07d}" if channel == "whatsapp" else str(100_000_000 + i)


def _people(db: Any, channel: str, n: int, now: datetime) -> None:
    """Subscribers written 10,000 at a time, so the set-up's memory stays out of the peak."""
    from storage.models import Subscriber

    with db.write() as s:
        for start in range(0, n, 10_000):
            rows = [
                {
                    "channel": channel,
                    "chat": _chat(channel, i),
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
    """The process's peak resident memory since start, or since ``_reset_peak``."""
    try:
        status = Path("/proc/self/status").read_text()
        return (
            int(next(ln for ln in status.splitlines() if ln.startswith("VmHWM")).split()[1]) / 1024
        )
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _reset_peak() -> None:
    """Start-up (training the knowledge base's scorer) peaks higher than anything after it;
    Linux can forget that peak (clear_refs 5), so the broadcast's own is what is measured."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _config(folder: Path, url: str, port: int, rate: float, batch: int, concurrency: int) -> Path:
    config = folder / "config.toml"
    config.write_text(
        f'[storage]\nurl = "{url}"\nmedia_dir = "{folder / "media"}"\n'
        '[logging]\nlevel = "WARNING"\n'
        f"[delivery]\nbatch_size = {batch}\nconcurrency = {concurrency}\n"
        f'[telegram]\napi_base_url = "http://127.0.0.1:{port}/bot"\nrate_per_second = {rate}\n'
        f'[whatsapp]\nfrom_number = "+14155238886"\napi_base_url = "http://127.0.0.1:{port}"\n'
        f'public_url = "https://bot.example.go.id"\nrate_per_second = {rate}\n'
        f'[whatsapp.templates]\nbroadcast = "{TEMPLATE}"\n'
    )
    return config


async def _tick(sender: str, config: Path, port: int, n: int, rate: float) -> dict[str, Any]:
    from bot.config import load_settings
    from bot.senders import build_senders, close_senders
    from bot.ticker import Ticker
    from bot.wiring import build_app
    from storage import broadcasts
    from tests.fakes.botapi import BotApiSender

    os.environ.update(
        ASNBOT_SECRET_KEY=SECRET,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        TWILIO_AUTH_TOKEN=AUTH_TOKEN,
    )
    app = build_app(load_settings(config))
    now = datetime.now(UTC)
    _people(app.services.db, SENDERS[sender], n, now)
    # Urgent: sent at once even in the subscribers' quiet hours, so the bench runs at any hour.
    await broadcasts.create(
        app.services.db, "bench", "officer", "console", "console:hr", None,
        "Apel netralitas ASN Senin 08.00", "id", now, now, urgent=True,
    )  # fmt: skip
    if sender == "peer":
        senders: dict[str, Any] = {
            "telegram": BotApiSender(f"http://127.0.0.1:{port}/bot{TOKEN}", rate_per_second=rate)
        }
    else:  # exactly what `asnbot reminders run-due` builds
        senders = {k: v for k, v in build_senders(app).items() if k == sender}
    startup = _rss_mb()
    gc.collect()
    _reset_peak()
    before = _rss_mb()
    started = time.perf_counter()
    try:
        report = await Ticker(app, senders).run_due()
    finally:
        elapsed = time.perf_counter() - started
        if sender == "peer":
            await senders["telegram"].close()
        else:
            await close_senders(senders)
        app.close()
    async with httpx.AsyncClient() as client:
        stats = (await client.get(f"http://127.0.0.1:{port}/bot{TOKEN}/stats")).json()
    return {
        "sent": report.delivery.sent,
        "seconds": elapsed,
        "per_second": report.delivery.sent / elapsed,
        "server_per_second": stats["delivered"] / stats["seconds"] if stats["seconds"] else 0.0,
        "received": stats["delivered"],
        "duplicates": stats["duplicates"],
        "too_many": stats["too_many"],
        "rss_startup_mb": startup,
        "rss_before_mb": before,
        "rss_peak_mb": _rss_mb(),
    }


def _child(out: Any, sender: str, args: tuple[Any, ...], profile: str | None) -> None:
    if not profile:
        out.put(asyncio.run(_tick(sender, *args)))
        return
    import cProfile

    with cProfile.Profile() as prof:
        out.put(asyncio.run(_tick(sender, *args)))
    prof.dump_stats(profile)


@contextmanager
def _database(base: str | None, folder: Path) -> Iterator[str]:
    if not base:
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.db'}"
        return
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_once(
    sender: str, n: int, limit: int | None, rate: float, args: argparse.Namespace
) -> dict[str, Any]:
    """One broadcast in a fresh process against a fresh fake server and database."""
    ports = SPAWN.Queue()
    server = SPAWN.Process(target=_serve, args=(ports, limit, sender == "whatsapp"), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        with tempfile.TemporaryDirectory() as tmp, _database(args.url, Path(tmp)) as url:
            config = _config(Path(tmp), url, port, rate, args.batch_size, args.concurrency)
            results = SPAWN.Queue()
            child = SPAWN.Process(
                target=_child, args=(results, sender, (config, port, n, rate), args.profile)
            )
            child.start()
            result: dict[str, Any] = results.get()
            child.join()
            return result
    finally:
        server.terminate()
        server.join()


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--throttled-subscribers", type=int, default=1_800, help="60 s at 30/s")
    parser.add_argument("--limit", type=int, default=30, help="the throttled server's messages/s")
    parser.add_argument("--rate", type=float, default=29.0, help="the senders' pace against it")
    parser.add_argument("--batch-size", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=1, help="runs of each; medians are printed")
    parser.add_argument("--senders", default="telegram,whatsapp,peer")
    parser.add_argument("--url", help="postgresql+psycopg://… server (default: SQLite)")
    parser.add_argument("--only", choices=["fast", "throttled"])
    parser.add_argument("--profile", metavar="FILE", help="cProfile stats of the (last) run")
    args = parser.parse_args()
    names = [s.strip() for s in args.senders.split(",") if s.strip()]
    storage = "PostgreSQL" if args.url else "SQLite"
    label = {"telegram": "Telegram (PTB)", "whatsapp": "WhatsApp (twilio)", "peer": "peer"}
    if args.only != "throttled":
        print(f"unthrottled, {args.subscribers:,} subscribers, {storage}, medians of {args.runs}:")
        for name in names:
            runs = [
                run_once(name, args.subscribers, None, UNLIMITED, args) for _ in range(args.runs)
            ]
            each = ", ".join(f"{r['per_second']:,.0f}" for r in runs)
            print(
                f"  {label[name]:18} {_median(runs, 'per_second'):7,.0f} msg/s ({each}; target "
                f"≥ 1,000), {min(r['received'] for r in runs):,} received, duplicates "
                f"{max(r['duplicates'] for r in runs)}, peak RSS while sending "
                f"{_median(runs, 'rss_peak_mb'):.0f} MB (target ≤ 200; "
                f"{_median(runs, 'rss_before_mb'):.0f} MB before it, "
                f"{_median(runs, 'rss_startup_mb'):.0f} MB peak at start-up)"
            )
    if args.only != "fast":
        print(
            f"server limit {args.limit}/s, senders at {args.rate}/s, "
            f"{args.throttled_subscribers:,} subscribers, {storage}, medians of {args.runs}:"
        )
        for name in names:
            runs = [
                run_once(name, args.throttled_subscribers, args.limit, args.rate, args)
                for _ in range(args.runs)
            ]
            share = _median(runs, "server_per_second") / args.limit
            print(
                f"  {label[name]:18} {_median(runs, 'server_per_second'):5.2f} msg/s at the server "
                f"({100 * share:.1f}% of the limit; target ≥ 95%), "
                f"429s {max(r['too_many'] for r in runs)} (target 0), "
                f"{min(r['received'] for r in runs):,} received"
            )


if __name__ == "__main__":
    main()
