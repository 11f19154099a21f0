"""Two ``asnbot run`` workers in webhook mode on one PostgreSQL, as behind a load balancer.

Updates are spread over both (some sent to both, as a retry might be): each is
answered exactly once, each chat's in the order it wrote. A broadcast queued
meanwhile reaches every subscriber once, though both workers send.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import httpx

from storage import broadcasts, migrate, subscribers
from storage.db import Database
from tests.fakes.bot_process import WEBHOOK_SECRET, BotProcess, free_port, webhook_config
from tests.fakes.telegram_api import Call, FakeTelegram
from tests.fakes.telegram_updates import make_message, user

CHATS, SUBSCRIBERS = 60, 150
PAST = datetime(2020, 1, 1, tzinfo=UTC)  # the broadcast is due whatever the real clock says
SCRIPT = ["/bahasa en", "/menu", "/bahasa id"]  # the menu is English only if read in order


def metric(text: str, name: str) -> float:
    return sum(float(x.rsplit(" ", 1)[1]) for x in text.splitlines() if x.startswith(name))


def report(sent: list[Call]) -> list[Call]:
    return [c for c in sent if c.chat_id == "79999" and "Laporan siaran" in c.text]


async def converse(urls: list[str], chat: int, ids: list[int]) -> None:
    """One person's messages, one after another, each to the next worker in turn."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    async with httpx.AsyncClient(timeout=10.0) as client:
        for n, text in enumerate(SCRIPT):
            update = {"update_id": ids[n], **make_message(text, from_user=user(chat))}
            targets = urls if chat % 5 == 0 else [urls[(chat + n) % 2]]  # some go to both
            for url in targets:
                resp = await client.post(f"{url}/telegram/webhook", json=update, headers=headers)
                assert resp.status_code == 200


async def test_two_workers_answer_each_update_once_and_send_a_broadcast_once(
    pg_url: str, tmp_path: Path
) -> None:
    db = Database(pg_url)
    migrate.upgrade(db)
    for i in range(SUBSCRIBERS):
        await subscribers.subscribe(
            db, "telegram", str(80_000 + i), f"w{i}", "WIB", None, "id", PAST
        )
    # Urgent: a broadcast goes out at once in any zone's quiet hours, so the test holds
    # at any hour of the real day (the workers are processes on the real clock).
    await broadcasts.create(
        db, "n1", "hr", "telegram", "79999", None, "Apel", "id", PAST, PAST, urgent=True
    )
    db.dispose()

    async with FakeTelegram() as tg:
        workers = []
        for name in ("one", "two"):
            port, private = free_port(), free_port()
            config = webhook_config(
                tmp_path / f"{name}.toml",
                tg,
                pg_url,
                port,
                media=tmp_path / "media",
                telegram="rate_per_second = 200\nconcurrent_updates = 8\n",
                server=f"metrics_port = {private}\n",
                extra="[delivery]\ntick_seconds = 1\n",
            )
            workers.append((BotProcess(config, port, tmp_path / f"{name}.log").start(), private))
        try:
            await asyncio.gather(*(w.ready() for w, _ in workers))
            urls = [w.url for w, _ in workers]
            chats = [60_000 + c for c in range(CHATS)]
            await asyncio.gather(
                *(converse(urls, chat, [chat * 10 + n for n in range(3)]) for chat in chats)
            )
            expected = CHATS * len(SCRIPT) + SUBSCRIBERS  # replies and the broadcast
            deadline = time.monotonic() + 60
            while len(tg.sent()) < expected or not report(tg.sent()):
                assert time.monotonic() < deadline, (
                    f"{len(tg.sent())}/{expected} sent\n" + workers[0][0].logged()[-2000:]
                )
                await asyncio.sleep(0.1)
            await tg.settle(1.0)
            handled = []
            async with httpx.AsyncClient(timeout=5.0) as client:
                for worker, private in workers:
                    public = await client.get(f"{worker.url}/metrics")
                    assert public.status_code == 404  # never on the public listener
                    text = (await client.get(f"http://127.0.0.1:{private}/metrics")).text
                    handled.append(metric(text, "asnbot_inbox_handled_total"))
        finally:
            for worker, _ in workers:
                worker.stop_quietly()

    by_chat: dict[str, list[str]] = defaultdict(list)
    for call in tg.sent():
        by_chat[str(call.chat_id)].append(call.text)
    for chat in chats:
        replies = by_chat[str(chat)]
        assert len(replies) == len(SCRIPT), f"chat {chat}: {len(replies)} replies"
        assert "How can I help" in replies[1], f"chat {chat} answered out of order"
    for i in range(SUBSCRIBERS):
        assert len(by_chat[str(80_000 + i)]) == 1, f"subscriber {i}"
    officer = by_chat["79999"]  # progress at each quarter, then the final report: each once
    assert len(set(officer)) == len(officer) and len(report(tg.sent())) == 1
    assert sum(handled) == CHATS * len(SCRIPT) and all(h > 0 for h in handled), handled
