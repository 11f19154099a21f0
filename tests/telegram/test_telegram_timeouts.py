"""A Bot API that hangs: the bot gives up after ``request_timeout_seconds``, tries again,
delivers once, and keeps serving everyone else meanwhile."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.channels.base import SendStatus
from bot.config import Settings
from bot.delivery import OutboxDispatcher
from handlers.messages import Reply
from storage import outbox
from tests.conftest import FakeClock
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import make_message, user
from tests.telegram.conftest import Running, start_bot

TIMEOUT = 1.0  # generous: the suite shares a loaded machine
HANG = 2.5  # well past the timeout: the first try is abandoned


@pytest.fixture
async def impatient(
    settings: Settings, clock: FakeClock, fake_telegram: FakeTelegram
) -> AsyncIterator[Running]:
    quick = replace(settings.telegram, request_timeout_seconds=TIMEOUT)
    async for running in start_bot(
        replace(settings, telegram=quick), clock, fake_telegram, "webhook"
    ):
        yield running


async def abandoned(tg: FakeTelegram, count: int) -> None:
    for _ in range(200):
        if len(tg.abandoned) >= count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{len(tg.abandoned)} calls abandoned, expected {count}")


async def test_a_hanging_reply_is_retried_delivered_once_and_others_are_served_meanwhile(
    impatient: Running,
) -> None:
    tg = impatient.tg
    tg.hang_next("sendMessage", HANG, chat_id=42)
    assert await impatient.post_update(make_message("/menu", from_user=user(42))) == 200
    assert await impatient.post_update(make_message("/menu", from_user=user(43))) == 200
    (other,) = await tg.wait_for("sendMessage", chat_id=43, within=5)
    (reply,) = await tg.wait_for("sendMessage", chat_id=42, within=5)
    assert "Apa yang bisa saya bantu" in reply.text
    assert other.at < reply.at  # 43 was not held up behind 42's hanging reply
    await abandoned(tg, 1)
    await impatient.component.inbox.idle()
    await tg.settle()
    assert len(tg.calls_to("sendMessage", chat_id=42)) == 1  # delivered once
    assert [c.chat_id for c in tg.abandoned] == ["42"]


async def test_a_push_that_hangs_every_try_stays_in_the_outbox_and_goes_out_once_later(
    impatient: Running, clock: FakeClock
) -> None:
    app, tg = impatient.app, impatient.tg
    s = app.services
    dispatcher = OutboxDispatcher(s.db, s.renderer, s.extra["senders"], s.clock)
    await outbox.enqueue(
        s.db, [outbox.NewMessage("r-42", "reminder", "telegram", "42", "menu")], clock()
    )
    tg.hang_next("sendMessage", HANG, chat_id=42, times=2)  # both tries (max_retries = 1)
    first = await dispatcher.drain()
    assert first.sent == 0 and tg.calls_to("sendMessage") == []
    await abandoned(tg, 2)

    clock.now += timedelta(minutes=5)  # past the outbox's backoff
    second = await dispatcher.drain()
    assert second.sent == 1
    (delivered,) = tg.calls_to("sendMessage", chat_id=42)
    assert "Apa yang bisa saya bantu" in delivered.text
    assert (await dispatcher.drain()).sent == 0  # nothing left to send twice


async def test_the_outbox_sender_reports_a_hang_as_retry_not_failure(impatient: Running) -> None:
    tg = impatient.tg
    sender = impatient.app.services.extra["senders"]["telegram"]
    tg.hang_next("sendMessage", HANG, chat_id=7, times=2)
    menu = impatient.app.services.renderer.render(Reply("menu"))
    result = await sender.send("7", menu, kind="reminder")
    assert result.status is SendStatus.RETRY and "TimedOut" in (result.error or "")
