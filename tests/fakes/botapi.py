"""A local HTTP server that answers ``sendMessage`` like Telegram's Bot API, and counts.

``FakeBotApi`` (on 127.0.0.1 only, in a thread or its own process) answers
python-telegram-bot (form posts, ``getMe``, a complete Message back) and
``BotApiSender``, a minimal HTTP sender with Telegram's status mapping that
the outbox tests and the broadcast bench keep as the peer of the real one.

Behaviours: chats in ``blocked`` get 403 ("bot was blocked by the user"),
``flaky`` chats get that many 500s first, ``throttled`` chats that many
429s (retry_after 1); ``limit_per_second`` enforces a sliding one-second
window over all chats, answering 429 beyond it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from urllib.parse import parse_qsl

from bot.channels.base import SendResult, SendStatus
from handlers.markup import to_telegram_html
from handlers.messages import Outgoing


class FakeBotApi:
    def __init__(
        self,
        *,
        blocked: Iterable[str] = (),
        flaky: dict[str, int] | None = None,
        throttled: dict[str, int] | None = None,
        limit_per_second: int | None = None,
    ) -> None:
        self.blocked = set(blocked)
        self.flaky = dict(flaky or {})
        self.throttled = dict(throttled or {})
        self.limit = limit_per_second
        self.delivered: Counter[str] = Counter()  # chat -> messages accepted
        self.texts: dict[str, list[str]] = {}
        self.too_many = 0  # 429s answered
        self.requests = 0
        self._message_ids = itertools.count(1)
        self.first_at: float | None = None
        self.last_at: float | None = None
        self._window: deque[float] = deque()
        self._server: asyncio.AbstractServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/botTEST"

    # --- the Bot API part -------------------------------------------------

    def _answer(self, path: str, body: bytes) -> tuple[int, dict[str, object]]:
        if path.endswith("/stats"):
            return 200, self.stats()
        if path.endswith("/getMe"):  # python-telegram-bot's initialize()
            return 200, {"ok": True, "result": _BOT}
        if not path.endswith("/sendMessage"):
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        self.requests += 1
        # JSON from BotApiSender, a form from python-telegram-bot.
        data = json.loads(body) if body.startswith(b"{") else dict(parse_qsl(body.decode()))
        chat = str(data.get("chat_id"))
        now = time.monotonic()
        if self.limit is not None:
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) >= self.limit:
                self.too_many += 1
                return 429, _too_many()
            self._window.append(now)
        if self.throttled.get(chat, 0) > 0:
            self.throttled[chat] -= 1
            self.too_many += 1
            return 429, _too_many()
        if self.flaky.get(chat, 0) > 0:
            self.flaky[chat] -= 1
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        if chat in self.blocked:
            return 403, {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
        self.delivered[chat] += 1
        self.texts.setdefault(chat, []).append(str(data.get("text", "")))
        self.first_at = self.first_at or now
        self.last_at = now
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": _int(chat), "type": "group" if chat.startswith("-") else "private"},
            "from": _BOT,
            "text": data.get("text", ""),
        }
        return 200, {"ok": True, "result": message}

    def stats(self) -> dict[str, object]:
        return {
            "delivered": sum(self.delivered.values()),
            "chats": len(self.delivered),
            "duplicates": sum(n - 1 for n in self.delivered.values() if n > 1),
            "too_many": self.too_many,
            "requests": self.requests,
            "seconds": (self.last_at or 0) - (self.first_at or 0),
        }

    # --- plumbing: HTTP/1.1 with keep-alive, enough for httpx -------------

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length) if length else b""
                status, payload = self._answer(path, body)
                out = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(out)}\r\n\r\n".encode()
                    + out
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def serve(self, port: int = 0) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", port)
        self.port = self._server.sockets[0].getsockname()[1]

    def start(self) -> FakeBotApi:
        """Serve on a thread of its own (tests); returns once the port is known."""
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self.serve())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        if self._loop is None or self._server is None:
            return
        server, loop = self._server, self._loop

        async def close() -> None:
            server.close()
            await server.wait_closed()
            loop.stop()

        asyncio.run_coroutine_threadsafe(close(), loop)
        if self._thread is not None:
            self._thread.join(5)
        loop.close()


_BOT = {"id": 777000, "is_bot": True, "first_name": "ASN Bench Bot", "username": "asn_bench_bot"}


def _int(chat: str) -> int | str:
    return int(chat) if chat.lstrip("-").isdigit() else chat


def _too_many() -> dict[str, object]:
    return {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


class BotApiSender:
    """Sends text to a Bot-API-shaped server; maps statuses the way Telegram's do.

    Speaks HTTP/1.1 over a few kept-alive connections itself: a general
    client (httpx) costs more CPU per request than the whole outbox
    pipeline, and the benchmark measures the pipeline.
    """

    channel = "telegram"

    def __init__(self, base_url: str, rate_per_second: float = 25.0, connections: int = 16) -> None:
        rest = base_url.removeprefix("http://")
        hostport, _, path = rest.partition("/")
        host, _, port = hostport.partition(":")
        self.host, self.port, self.path = host, int(port or 80), f"/{path}/sendMessage"
        self.rate_per_second = rate_per_second
        self._idle: asyncio.LifoQueue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = (
            asyncio.LifoQueue()
        )
        self._slots = asyncio.Semaphore(connections)
        self._open: list[asyncio.StreamWriter] = []

    async def _post(self, body: bytes) -> tuple[int, dict[str, object]]:
        async with self._slots:
            if self._idle.empty():
                reader, writer = await asyncio.open_connection(self.host, self.port)
                self._open.append(writer)
            else:
                reader, writer = self._idle.get_nowait()
            writer.write(
                f"POST {self.path} HTTP/1.1\r\nHost: {self.host}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ")[1])
            length = next(
                int(v)
                for k, _, v in (h.partition(":") for h in lines[1:])
                if k.lower() == "content-length"
            )
            data = json.loads(await reader.readexactly(length))
            self._idle.put_nowait((reader, writer))
            return status, data

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        body = json.dumps(
            {"chat_id": chat, "text": to_telegram_html(out.text), "parse_mode": "HTML"}
        ).encode()
        try:
            status, data = await self._post(body)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            return SendResult(SendStatus.RETRY, error=exc.__class__.__name__)
        if status == 200:
            result = data["result"]
            assert isinstance(result, dict)
            return SendResult(SendStatus.SENT, provider_id=str(result["message_id"]))
        if status == 429:
            parameters = data.get("parameters")
            after = float(parameters.get("retry_after", 1)) if isinstance(parameters, dict) else 1.0
            return SendResult(SendStatus.RETRY, retry_after=after, error="429")
        if status == 403:
            return SendResult(SendStatus.BLOCKED, error="403")
        if status >= 500:
            return SendResult(SendStatus.RETRY, error=str(status))
        return SendResult(SendStatus.FAILED, error=str(status))

    async def close(self) -> None:
        for writer in self._open:
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
