"""Webhook throughput and latency against named peers (run by hand): ``python -m bench.webhook``.

Telegram: the test suite's fake Bot API on loopback (no rate limit: the bot
is the bottleneck; asnbot's own ``rate_per_second`` lifted too), then in turn

- ``asnbot run`` in webhook mode, one worker (SQLite, as ``make run``);
- ``asnbot run``, two workers on one PostgreSQL (``ASNBOT_TEST_POSTGRES_URL``),
  the load spread over both as a load balancer would;
- a bare python-telegram-bot echo bot (``bench/webhook_peers.py``).

WhatsApp: the suite's fake Twilio API, Twilio-signed webhook requests
(``RequestValidator``) against ``asnbot run`` (replies through the Messages
API, as it answers) and a bare Starlette + TwiML responder (replies inline).

For each: ``--updates`` posted over ``--connections`` connections, counted
end to end (until the fake received every reply, or for the TwiML peer every
response), then ``--probe`` updates at ``--probe-rate``/s for the latency
when not saturated (post → reply), and resident memory idle (before any load)
and after. Every update comes from a chat of its own. Each case starts fresh
processes; ``--runs N`` repeats every case and prints medians.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import PG_ENV, REPO, _fresh_pg_database
from tests.fakes.bot_process import WEBHOOK_SECRET, BotProcess, free_port, webhook_config
from tests.fakes.telegram_api import TOKEN, FakeTelegram
from tests.fakes.telegram_updates import make_message, user
from tests.whatsapp.twilio_fake import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    BOT_NUMBER,
    PUBLIC_URL,
    FakeTwilioApi,
    Recorded,
    inbound_form,
    sign,
)

# What people send in a burst: a greeting and questions the matcher must answer.
TEXTS = (
    "halo",
    "boleh gak like status caleg?",
    "pns boleh ikut kampanye?",
    "apa sanksi kalau asn tidak netral",
)
NO_LIMIT = "rate_per_second = 100000\n"
WA_PATH = "/whatsapp/webhook"

Replies = Callable[[], dict[str, list[float]]]  # chat -> when each reply arrived


@dataclass
class Figures:
    rate: float  # updates/s end to end
    p50: float  # ms, post → reply, unsaturated
    p99: float
    rss_idle: float  # MB, all the case's processes together
    rss_after: float
    cpu: float  # ms of CPU (all the case's processes) per update in the burst
    messages: float  # replies (messages sent) per update in the burst


@dataclass
class Load:
    """What a case's processes are posted, and how each is answered."""

    urls: list[str]
    post: Callable[[httpx.AsyncClient, str, int], Awaitable[None]]
    replies: Replies
    pids: list[int]


# --- processes ----------------------------------------------------------------


def cpu_seconds(pids: Sequence[int]) -> float:
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pids: Sequence[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


class Peer:
    """A ``bench.webhook_peers`` process."""

    def __init__(self, args: list[str], port: int, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        with log.open("ab") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bench.webhook_peers", *args, "--port", str(port)],
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=fh,
            )
        self.log = log

    async def ready(self) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=1.0) as client:
            for _ in range(600):
                assert self.proc.poll() is None, self.log.read_text()[-2000:]
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError("peer never became ready")

    def stop_quietly(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


# --- load ---------------------------------------------------------------------


async def burst(load: Load, numbers: Sequence[int], connections: int) -> None:
    slots = asyncio.Semaphore(connections)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:

        async def one(n: int) -> None:
            async with slots:
                await load.post(client, load.urls[n % len(load.urls)], n)

        await asyncio.gather(*(one(n) for n in numbers))


async def paced(load: Load, numbers: Sequence[int], rate: float) -> dict[int, float]:
    """Posts one update every 1/rate s; returns when each was posted."""
    sent: dict[int, float] = {}
    async with httpx.AsyncClient(timeout=60.0) as client:
        start = time.monotonic()
        tasks = []
        for i, n in enumerate(numbers):
            await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
            sent[n] = time.monotonic()
            url = load.urls[n % len(load.urls)]
            tasks.append(asyncio.create_task(load.post(client, url, n)))
        await asyncio.gather(*tasks)
    return sent


async def all_answered(replies: Replies, chats: set[str], within: float = 300.0) -> float:
    """Waits until every chat had a reply and the replies stopped; returns the last one's time."""
    deadline = time.monotonic() + within
    while True:
        got = replies()
        if chats <= got.keys():
            break
        assert time.monotonic() < deadline, f"{len(chats - got.keys())} chats never answered"
        await asyncio.sleep(0.02)
    count = -1
    while count != (count := sum(len(got[c]) for c in chats)):  # follow-up messages too
        await asyncio.sleep(0.3)
        got = replies()
    return max(max(got[c]) for c in chats)


async def measure(load: Load, args: argparse.Namespace, first: int) -> Figures:
    await asyncio.sleep(1.0)  # start-up work (migrations, menus, scheduler) settles
    idle = rss_mb(load.pids)
    numbers = list(range(first, first + args.updates))
    started, cpu = time.monotonic(), cpu_seconds(load.pids)
    await burst(load, numbers, args.connections)
    last = await all_answered(load.replies, {chat(n) for n in numbers})
    rate = args.updates / (last - started)
    cpu = (cpu_seconds(load.pids) - cpu) * 1000 / args.updates
    got = load.replies()
    messages = sum(len(got[chat(n)]) for n in numbers) / args.updates
    probe = list(range(first + args.updates, first + args.updates + args.probe))
    sent = await paced(load, probe, args.probe_rate)
    await all_answered(load.replies, {chat(n) for n in probe})
    got = load.replies()
    latencies = sorted((min(got[chat(n)]) - sent[n]) * 1000 for n in probe)
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return Figures(rate, q[49], q[98], idle, rss_mb(load.pids), cpu, messages)


def chat(n: int) -> str:
    return str(n)


# --- Telegram -------------------------------------------------------------------


def telegram_replies(tg: FakeTelegram) -> Replies:
    def replies() -> dict[str, list[float]]:
        got: dict[str, list[float]] = defaultdict(list)
        for call in tg.sent():
            got[call.chat_id or ""].append(call.at)
        return got

    return replies


async def post_update(client: httpx.AsyncClient, url: str, n: int) -> None:
    update = {"update_id": n, **make_message(TEXTS[n % len(TEXTS)], from_user=user(n))}
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    resp = await client.post(f"{url}/telegram/webhook", json=update, headers=headers)
    assert resp.status_code == 200, resp.status_code


async def asnbot_telegram(
    stack: AsyncExitStack, folder: Path, tg: FakeTelegram, workers: int, db: str
) -> Load:
    procs = []
    for w in range(workers):
        port = free_port()
        config = webhook_config(
            folder / f"tg{w}.toml", tg, db, port, media=folder / "media", telegram=NO_LIMIT
        )
        proc = BotProcess(config, port, folder / f"tg{w}.log").start()
        stack.callback(proc.stop_quietly)
        procs.append(proc)
    await asyncio.gather(*(p.ready() for p in procs))
    pids = [p.proc.pid for p in procs if p.proc is not None]
    return Load([p.url for p in procs], post_update, telegram_replies(tg), pids)


async def echo_bot(stack: AsyncExitStack, folder: Path, tg: FakeTelegram) -> Load:
    args = ["telegram", "--api", tg.base_url, "--token", TOKEN, "--secret", WEBHOOK_SECRET]
    peer = Peer(args, free_port(), folder / "echo.log")
    stack.callback(peer.stop_quietly)
    await peer.ready()
    return Load([peer.url], post_update, telegram_replies(tg), [peer.proc.pid])


# --- WhatsApp -------------------------------------------------------------------


def sender(n: int) -> str:
    return f"whatsapp:+62811{n:08d}"


class TimedTwilio(FakeTwilioApi):
    """The suite's fake Twilio API, noting when each message to each number arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.times: dict[str, list[float]] = defaultdict(list)
        # Keep-alive, as api.twilio.com offers: the bench measures the bot, not reconnects.
        self.server.server.RequestHandlerClass.protocol_version = "HTTP/1.1"  # type: ignore[attr-defined]

    def _handle(self, rec: Recorded) -> Any:
        answer = super()._handle(rec)
        if rec.path.endswith("/Messages.json") and answer.status == 201:
            n = int(rec.form["To"][0].removeprefix("whatsapp:+62811"))
            self.times[chat(n)].append(time.monotonic())
        return answer


def wa_poster(inline: dict[str, list[float]] | None) -> Callable[..., Awaitable[None]]:
    async def post(client: httpx.AsyncClient, url: str, n: int) -> None:
        form = inbound_form(TEXTS[n % len(TEXTS)], sender(n))
        headers = {"X-Twilio-Signature": sign(WA_PATH, form)}
        resp = await client.post(f"{url}{WA_PATH}", data=form, headers=headers)
        assert resp.status_code == 200, resp.status_code
        if inline is not None and "<Message" in resp.text:
            inline[chat(n)].append(time.monotonic())

    return post


async def asnbot_whatsapp(stack: AsyncExitStack, folder: Path, api: TimedTwilio) -> Load:
    port = free_port()
    config = folder / "wa.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{folder / "wa.db"}"\nmedia_dir = "{folder / "media"}"\n'
        f'[server]\nhost = "127.0.0.1"\nport = {port}\n'
        f'[whatsapp]\nfrom_number = "{BOT_NUMBER}"\napi_base_url = "{api.url}"\n'
        f'public_url = "{PUBLIC_URL}"\n{NO_LIMIT}'
        '[logging]\nlevel = "WARNING"\nformat = "json"\n',
        encoding="utf-8",
    )
    env = {
        "TELEGRAM_BOT_TOKEN": "",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
    }
    proc = BotProcess(config, port, folder / "wa.log", env).start()
    stack.callback(proc.stop_quietly)
    await proc.ready()
    assert proc.proc is not None
    return Load([proc.url], wa_poster(None), lambda: api.times, [proc.proc.pid])


async def twiml_responder(stack: AsyncExitStack, folder: Path) -> Load:
    args = ["whatsapp", "--public-url", PUBLIC_URL, "--auth-token", AUTH_TOKEN]
    peer = Peer(args, free_port(), folder / "twiml.log")
    stack.callback(peer.stop_quietly)
    await peer.ready()
    inline: dict[str, list[float]] = defaultdict(list)
    return Load([peer.url], wa_poster(inline), lambda: inline, [peer.proc.pid])


# --- cases and the table --------------------------------------------------------


@dataclass
class Case:
    name: str
    group: str  # "telegram" or "whatsapp"
    peer: bool = False
    runs: list[Figures] = field(default_factory=list)


@contextmanager
def pg_database() -> Iterator[str | None]:
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    yield from _fresh_pg_database(base)


async def run_case(case: Case, args: argparse.Namespace) -> Figures | None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        async with AsyncExitStack() as stack:
            if case.group == "telegram":
                tg = await stack.enter_async_context(FakeTelegram())
                if case.name == "echo bot":
                    load = await echo_bot(stack, folder, tg)
                elif case.name == "asnbot 1w":
                    load = await asnbot_telegram(stack, folder, tg, 1, f"sqlite:///{folder}/a.db")
                else:
                    url = stack.enter_context(pg_database())
                    if url is None:
                        return None
                    workers = int(case.name.split()[1].rstrip("w"))
                    load = await asnbot_telegram(stack, folder, tg, workers, url)
            else:
                api = TimedTwilio()
                stack.enter_context(api.server)
                if case.peer:
                    load = await twiml_responder(stack, folder)
                else:
                    load = await asnbot_whatsapp(stack, folder, api)
            return await measure(load, args, 100_000)


CASES = {
    "tg1": Case("asnbot 1w", "telegram"),
    "tg2": Case("asnbot 2w", "telegram"),
    "tgpg": Case("asnbot 1w pg", "telegram"),
    "echo": Case("echo bot", "telegram", peer=True),
    "wa": Case("asnbot", "whatsapp"),
    "twiml": Case("TwiML", "whatsapp", peer=True),
}
ROWS = (
    ("updates/s end to end", "rate", "{:.0f}", True),
    ("latency p50 (ms)", "p50", "{:.1f}", False),
    ("latency p99 (ms)", "p99", "{:.1f}", False),
    ("RSS idle (MB)", "rss_idle", "{:.0f}", False),
    ("RSS after load (MB)", "rss_after", "{:.0f}", False),
    ("CPU per update (ms)", "cpu", "{:.1f}", False),
    ("messages per update", "messages", "{:.2f}", False),
)


def table(group: str, cases: list[Case]) -> None:
    done = [c for c in cases if c.group == group and c.runs]
    peer = next((c for c in done if c.peer), None)
    ours = [c for c in done if not c.peer]
    if not done:
        return
    heads = [c.name for c in done] + [f"{c.name} / {peer.name}" for c in ours if peer]
    print(f"{'':24}" + "".join(f"{h:>22}" for h in heads))
    for label, attr, fmt, _higher in ROWS:
        medians = {c.name: statistics.median(getattr(f, attr) for f in c.runs) for c in done}
        cells = [fmt.format(medians[c.name]) for c in done]
        if peer:
            cells += [f"{medians[c.name] / medians[peer.name]:.2f}×" for c in ours]
        print(f"{label:24}" + "".join(f"{x:>22}" for x in cells))


async def main(args: argparse.Namespace) -> None:
    cases = [CASES[k] for k in args.only.split(",")]
    for run in range(args.runs):
        for case in cases:
            figures = await run_case(case, args)
            if figures is None:
                print(f"{case.group} {case.name}: skipped ({PG_ENV} not set)")
                continue
            case.runs.append(figures)
            print(f"run {run + 1} {case.group} {case.name}: {figures}", flush=True)
    n = f"median of {args.runs}" if args.runs > 1 else "one run"
    print(
        f"\n{args.updates} updates over {args.connections} connections; latency from "
        f"{args.probe} at {args.probe_rate:g}/s; {n}"
    )
    for group in ("telegram", "whatsapp"):
        if any(c.group == group and c.runs for c in cases):
            print(f"\n{group}")
            table(group, cases)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--probe", type=int, default=100, help="updates for the latency")
    parser.add_argument("--probe-rate", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--only", default="tg1,tg2,echo,wa,twiml", help=f"comma-separated: {','.join(CASES)}"
    )
    asyncio.run(main(parser.parse_args()))
