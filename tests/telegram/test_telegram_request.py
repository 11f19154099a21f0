"""The Bot API's HTTP layer (aiohttp under python-telegram-bot), through a real PTB ``Bot``:
what PTB gets back for slow, absent and busy servers, and uploads as Telegram reads them."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot, InputFile
from telegram.error import NetworkError, TimedOut

from bot.channels.telegram.request import AiohttpRequest
from tests.fakes.botapi import FakeBotApi
from tests.fakes.telegram_api import TOKEN, FakeTelegram


def _bot(base: str, request: AiohttpRequest) -> Bot:
    return Bot(TOKEN, base_url=base, request=request, get_updates_request=AiohttpRequest(1))


async def _close(bot: Bot) -> None:
    # The bot was never initialize()d (that would call getMe), so close its sessions here.
    for request in bot._request:
        await request.shutdown()


async def test_a_server_that_never_answers_is_a_timeout_not_a_hang() -> None:
    done = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        await done.wait()
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    bot = _bot(f"http://127.0.0.1:{port}/bot", AiohttpRequest(2, read_timeout=0.2))
    try:
        with pytest.raises(TimedOut):
            await bot.send_message(chat_id=42, text="halo")
    finally:
        done.set()
        await _close(bot)
        server.close()


async def test_a_server_that_is_down_is_a_network_error() -> None:
    server = await asyncio.start_server(lambda _r, _w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    bot = _bot(f"http://127.0.0.1:{port}/bot", AiohttpRequest(2))
    try:
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(chat_id=42, text="halo")
        assert not isinstance(caught.value, TimedOut)
    finally:
        await _close(bot)


async def test_more_sends_than_connections_wait_their_turn_on_kept_alive_connections() -> None:
    api = FakeBotApi()
    opened = closed = 0
    serve = api._client

    async def counting(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal opened, closed
        opened += 1
        try:
            await serve(reader, writer)
        finally:
            closed += 1

    api._client = counting  # type: ignore[method-assign]
    api.start()
    bot = _bot(api.url.removesuffix("TEST"), AiohttpRequest(3))
    try:
        sent = await asyncio.gather(
            *(bot.send_message(chat_id=str(1000 + i), text=f"pesan {i}") for i in range(60))
        )
    finally:
        await _close(bot)
        for _ in range(200):  # the server sees the connections close before it stops
            if closed == opened:
                break
            await asyncio.sleep(0.01)
        api.stop()
    assert [m.chat.id for m in sent] == [1000 + i for i in range(60)]
    assert len(api.delivered) == 60
    assert opened <= 3, f"{opened} connections for a pool of 3"


async def test_photos_and_documents_arrive_as_telegram_reads_multipart() -> None:
    async with FakeTelegram() as tg:
        bot = Bot(TOKEN, base_url=tg.base_url, request=AiohttpRequest(2))
        try:
            await bot.send_photo(
                42,
                InputFile(b"\xff\xd8jpeg", filename="foto-1.jpg"),
                caption="<b>Bukti</b>",
                parse_mode="HTML",
            )
            await bot.send_document(42, InputFile(b"a,b\n1,2\n", filename="laporan.csv"))
        finally:
            await _close(bot)
    (photo,) = tg.calls_to("sendPhoto")
    assert photo.params["photo"] == b"\xff\xd8jpeg" and photo.text == "<b>Bukti</b>"
    (doc,) = tg.calls_to("sendDocument")
    assert doc.params["document"] == b"a,b\n1,2\n" and doc.chat_id == "42"
