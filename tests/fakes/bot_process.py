"""``asnbot run`` as a real process, for tests that kill it or run several at once.

The test keeps its own event loop turning (the fake Bot API lives in it), so
every wait here is an ``asyncio.sleep``, never a blocking call.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import REPO, TEST_SECRET
from tests.fakes.telegram_api import TOKEN, FakeTelegram

WEBHOOK_SECRET = "crash-test-secret_0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def webhook_config(
    path: Path,
    tg: FakeTelegram,
    url: str,
    port: int,
    *,
    media: Path,
    telegram: str = "",
    server: str = "",
    extra: str = "",
) -> Path:
    """A config for a webhook-mode worker talking to ``tg`` on ``port``; ``telegram`` and
    ``server`` add lines to those sections, ``extra`` whole sections."""
    path.write_text(
        f'[storage]\nurl = "{url}"\nmedia_dir = "{media}"\n'
        f'[server]\nhost = "127.0.0.1"\nport = {port}\n{server}'
        f'[telegram]\nmode = "webhook"\napi_base_url = "{tg.base_url}"\n'
        f'file_base_url = "{tg.file_base_url}"\n'
        f'webhook_url = "https://bot.example.go.id/telegram/webhook"\n{telegram}'
        f'[logging]\nlevel = "WARNING"\nformat = "json"\n{extra}',
        encoding="utf-8",
    )
    return path


class BotProcess:
    """One ``python -m bot run`` with its own log file; stopped however the test likes."""

    def __init__(self, config: Path, port: int, log: Path, env: dict[str, str] | None = None):
        self.config = config
        self.port = port
        self.log = log
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "ASNBOT_SECRET_KEY": TEST_SECRET,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "ASNBOT_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            **(env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> BotProcess:
        with self.log.open("ab") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(self.config)],
                cwd=REPO,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=fh,
            )
        return self

    def logged(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def ready(self, within: float = 60.0) -> None:
        """Waits until the web server answers /healthz (start-up loads the knowledge base)."""
        assert self.proc is not None
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(base_url=self.url, timeout=1.0) as client:
            while True:
                assert self.proc.poll() is None, self.logged()[-3000:]
                assert time.monotonic() < deadline, "never became ready\n" + self.logged()[-3000:]
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    async def terminate(self, within: float = 30.0) -> float:
        """SIGTERM; returns the seconds it took to exit (asserts a clean exit)."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        while self.proc.poll() is None:
            assert time.monotonic() - started < within, "did not stop\n" + self.logged()[-3000:]
            await asyncio.sleep(0.05)
        assert self.proc.returncode == 0, self.logged()[-3000:]
        return time.monotonic() - started

    def stop_quietly(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def restartable_bot(
    folder: Path, tg: FakeTelegram, telegram: str = ""
) -> tuple[BotProcess, BotProcess]:
    """A webhook-mode bot on SQLite in ``folder``: its first run, started, and the run
    that will restart it on the same port and database (not yet started)."""
    port = free_port()
    config = webhook_config(
        folder / "config.toml",
        tg,
        f"sqlite:///{folder / 'bot.db'}",
        port,
        media=folder / "media",
        telegram=telegram,
    )
    first = BotProcess(config, port, folder / "first.log").start()
    return first, BotProcess(config, port, folder / "second.log")
