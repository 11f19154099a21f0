"""Memory and start-up benchmark (run by hand): ``python -m bench.memory``.

Side by side (medians printed, then every run):

1. ``asnbot ask --json halo``, ``--ask-runs`` times: peak RSS (the child's
   ``ru_maxrss`` from ``wait4``), wall and CPU time, with the knowledge cache
   warm; and once, the time to build the cache cold (``asnbot knowledge
   build-cache --force``).
2. ``asnbot run`` in webhook mode, ``--runs`` times, (SQLite in a temporary folder, migrated
   beforehand with ``asnbot db upgrade`` and the code compiled with ``python -m
   compileall`` as a deploy does) against the test
   suite's fake Bot API: seconds from process start to the reply to its
   first message, then RSS (``/proc/<pid>/status`` VmRSS) after 3 s idle,
   and VmHWM.
3. The named peer, a bare python-telegram-bot echo bot (``Application`` +
   Starlette/uvicorn feeding ``update_queue``; ``bench/webhook_peers.py
   telegram``, the same one bench/webhook.py runs), measured the same way.

Nothing leaves 127.0.0.1.
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
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.conftest import REPO, TEST_SECRET
from tests.fakes.bot_process import WEBHOOK_SECRET, BotProcess, free_port, webhook_config
from tests.fakes.telegram_api import TOKEN, FakeTelegram
from tests.fakes.telegram_updates import make_message, user

IDLE_SECONDS = 3.0
PACKAGES = ("bot", "handlers", "knowledge", "storage")


def _env(folder: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ASNBOT_", "TELEGRAM"))}
    return {
        **clean,
        "PYTHONPATH": str(REPO),
        "ASNBOT_STORAGE_URL": f"sqlite:///{folder / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "ASNBOT_KNOWLEDGE_CACHE_DIR": str(folder / "cache"),
    }


def _timed_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of one command run to its end.
    On a shared machine the CPU time (user + system) is what the wall time would
    be on an idle one: the command runs on one thread."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _status(pid: int) -> dict[str, float]:
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


async def _first_answer(
    tg: FakeTelegram, url: str, started: float, chat: int, proc: subprocess.Popen[bytes]
) -> float:
    """Posts "halo" until the server takes it; seconds from `started` to the reply."""
    update = {"update_id": 9000 + chat, **make_message("halo", from_user=user(chat))}
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with httpx.AsyncClient(base_url=url, timeout=10.0) as client:
        while True:
            try:
                if (
                    await client.post("/telegram/webhook", json=update, headers=headers)
                ).is_success:
                    break
            except httpx.TransportError:
                if proc.poll() is not None:
                    raise SystemExit(f"server exited ({proc.returncode})") from None
            await asyncio.sleep(0.005)
    await tg.wait_for("sendMessage", chat_id=chat, within=60.0)
    return time.monotonic() - started


async def _serve_and_measure(
    tg: FakeTelegram, start: Callable[[], subprocess.Popen[bytes]], url: str, chat: int
) -> tuple[float, dict[str, float]]:
    started = time.monotonic()
    proc = start()
    try:
        first = await _first_answer(tg, url, started, chat, proc)
        await asyncio.sleep(IDLE_SECONDS)
        return first, _status(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)


async def _asnbot_run(folder: Path, tg: FakeTelegram, chat: int) -> tuple[float, dict[str, float]]:
    port = free_port()
    config = webhook_config(
        folder / f"run-{chat}.toml",
        tg,
        f"sqlite:///{folder / 'bot.db'}",
        port,
        media=folder / "media",
        extra=f'[knowledge]\ncache_dir = "{folder / "cache"}"\n',
    )
    bot = BotProcess(config, port, folder / f"run-{chat}.log")

    def start() -> subprocess.Popen[bytes]:
        bot.start()
        assert bot.proc is not None
        return bot.proc

    return await _serve_and_measure(tg, start, bot.url, chat)


async def _echo_bot(folder: Path, tg: FakeTelegram, chat: int) -> tuple[float, dict[str, float]]:
    port = free_port()
    env = _env(folder)
    argv = [sys.executable, "-m", "bench.webhook_peers", "telegram", "--api", tg.base_url]
    argv += ["--token", TOKEN, "--secret", WEBHOOK_SECRET, "--port", str(port)]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL)

    return await _serve_and_measure(tg, start, f"http://127.0.0.1:{port}", chat)


def _median(values: list[float]) -> str:
    runs = ", ".join(f"{v:.2f}" for v in values)
    return f"{statistics.median(values):.2f} ({runs})"


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = _env(folder)
        bot = [sys.executable, "-m", "bot"]
        _timed_child([*bot, "db", "upgrade"], env)
        # The project's bytecode, as a deploy compiles it (docs/deploy.md): a
        # PYTHONDONTWRITEBYTECODE environment or a service user who cannot write
        # the code folder would otherwise compile every module at each start.
        _timed_child([sys.executable, "-m", "compileall", "-q", *PACKAGES], env)
        build, build_peak, build_cpu = _timed_child(
            [*bot, "knowledge", "build-cache", "--force"], env
        )
        print(
            f"knowledge cache built cold: {build:.2f} s wall, {build_cpu:.2f} s CPU, "
            f"peak RSS {build_peak:.0f} MB"
        )
        asks = [_timed_child([*bot, "ask", "--json", "halo"], env) for _ in range(args.ask_runs)]
        print(f"asnbot ask --json halo, warm cache: wall s {_median([a[0] for a in asks])}")
        print(f"asnbot ask --json halo, CPU s {_median([a[2] for a in asks])}")
        print(f"asnbot ask --json halo, peak RSS MB {_median([a[1] for a in asks])}")
        async with FakeTelegram() as tg:
            rows = []
            for name, measure in (("asnbot run", _asnbot_run), ("PTB echo bot", _echo_bot)):
                results = [
                    await measure(folder, tg, 70_000 + len(rows) * 100 + i)
                    for i in range(args.runs)
                ]
                rows.append((name, results))
        print(f"{'webhook server':14} | first reply after start, s | idle RSS MB | VmHWM MB")
        for name, results in rows:
            first = _median([r[0] for r in results])
            idle = _median([r[1]["VmRSS"] for r in results])
            peak = _median([r[1]["VmHWM"] for r in results])
            print(f"{name:14} | {first} | {idle} | {peak}")
        ours = statistics.median(r[1]["VmRSS"] for r in rows[0][1])
        peer = statistics.median(r[1]["VmRSS"] for r in rows[1][1])
        print(f"idle RSS ratio asnbot run / echo bot: {ours / peer:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each server")
    parser.add_argument("--ask-runs", type=int, default=5, help="runs of asnbot ask")
    asyncio.run(main(parser.parse_args()))
