"""A local HTTP server that answers ``sendMessage`` like Telegram's Bot API, and counts.

Until the Telegram channel's own fake server and sender land, the outbox
tests, the crash test and the benchmark use this pair: ``FakeBotApi`` (on
127.0.0.1 only, in a thread or its own process) and ``BotApiSender`` (a
minimal HTTP sender with Telegram's status mapping). To switch, point the
real Telegram sender at any server that records what it received.

Behaviours: chats in ``blocked`` get 403 ("bot was blocked by the user"),
``flaky`` chats get that many 500s first, ``throttled`` chats that many
429s (retry_after 1); ``limit_per_second`` enforces a sliding one-second
window over all chats, answering 429 beyond it.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable

import httpx

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
        if not path.endswith("/sendMessage"):
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        self.requests += 1
        data = json.loads(body or b"{}")
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
        message_id = sum(self.delivered.values())
        return 200, {"ok": True, "result": {"message_id": message_id, "chat": {"id": chat}}}

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


def _too_many() -> dict[str, object]:
    return {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


class BotApiSender:
    """Sends text to a Bot-API-shaped server; maps statuses the way Telegram's do."""

    channel = "telegram"

    def __init__(self, base_url: str, rate_per_second: float = 25.0) -> None:
        self.base_url = base_url
        self.rate_per_second = rate_per_second
        self.client = httpx.AsyncClient(
            timeout=10, limits=httpx.Limits(max_connections=32, max_keepalive_connections=32)
        )

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        try:
            r = await self.client.post(
                f"{self.base_url}/sendMessage",
                json={"chat_id": chat, "text": to_telegram_html(out.text), "parse_mode": "HTML"},
            )
        except httpx.HTTPError as exc:
            return SendResult(SendStatus.RETRY, error=exc.__class__.__name__)
        data = r.json()
        if r.status_code == 200:
            return SendResult(SendStatus.SENT, provider_id=str(data["result"]["message_id"]))
        if r.status_code == 429:
            after = float(data.get("parameters", {}).get("retry_after", 1))
            return SendResult(SendStatus.RETRY, retry_after=after, error="429")
        if r.status_code == 403:
            return SendResult(SendStatus.BLOCKED, error="403")
        if r.status_code >= 500:
            return SendResult(SendStatus.RETRY, error=str(r.status_code))
        return SendResult(SendStatus.FAILED, error=str(r.status_code))

    async def close(self) -> None:
        await self.client.aclose()
