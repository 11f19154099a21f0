"""A Bot API server on 127.0.0.1 for tests: records every call, serves scripted answers.

Start it with the ``fake_telegram`` fixture (``tests/telegram/conftest.py``) or::

    async with FakeTelegram() as tg:
        settings.telegram.api_base_url = tg.base_url   # and tg.file_base_url

Feed updates to polling with ``tg.push_update(make_message(...))``; wait for the
bot's answers with ``await tg.wait_for("sendMessage")``; make the next call of
a method fail with ``tg.fail_next("sendMessage", 403)`` (or 429 with
``retry_after``, or 500); make it hang with ``tg.hang_next("sendMessage", seconds)``
(a call whose client gave up meanwhile is not delivered: it lands in
``tg.abandoned``, not ``tg.calls``); serve a file with ``tg.add_file(file_id, data)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

TOKEN = "123456:TEST-token-for-the-fake-bot-api"
BOT_ID = 123456
BOT_USERNAME = "asn_test_bot"
# Parameters PTB sends as JSON text; the rest stay strings, as Telegram sees them.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "allowed_updates",
        "entities",
        "caption_entities",
        "reply_parameters",
        "link_preview_options",
    }
)
_MESSAGE_METHODS = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "editMessageText", "editMessageReplyMarkup"}
)
_TRUE_METHODS = frozenset(
    {"setWebhook", "deleteWebhook", "setMyCommands", "answerCallbackQuery", "close", "logOut"}
)


@dataclass(frozen=True)
class Call:
    """One request the bot made: method, parsed parameters, when."""

    method: str
    params: dict[str, Any]
    at: float

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        markup = self.params.get("reply_markup") or {}
        return list(markup.get("inline_keyboard", []))

    @property
    def payloads(self) -> list[str]:
        return [b.get("callback_data", "") for row in self.buttons for b in row]


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class _File:
    data: bytes
    path: str
    size: int


@dataclass
class FakeTelegram:
    token: str = TOKEN
    host: str = "127.0.0.1"
    calls: list[Call] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)
    abandoned: list[Call] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.port = 0
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = itertools.count(1000)
        self._next_message_id = itertools.count(1)
        self._failures: dict[tuple[str, str | None], deque[Failure]] = defaultdict(deque)
        self._hangs: dict[tuple[str, str | None], deque[float]] = defaultdict(deque)
        self._files: dict[str, _File] = {}
        self._changed = asyncio.Condition()
        self._closing = False
        self._server: uvicorn.Server | None = None

    # --- lifecycle ----------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    @property
    def file_base_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    async def start(self) -> FakeTelegram:
        app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._download, methods=["GET"]),
            ]
        )
        config = uvicorn.Config(
            app, host=self.host, port=0, log_level="warning", lifespan="off", ws="none"
        )
        # startup()/shutdown() without serve()'s main loop, which polls for exit
        # every 0.1 s: stopping then takes milliseconds, not a tick or two.
        config.load()
        self._server = uvicorn.Server(config)
        self._server.lifespan = config.lifespan_class(config)
        await self._server.startup()
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        self._closing = True
        async with self._changed:
            self._changed.notify_all()  # long polls return at once
        server, self._server = self._server, None
        if server is None:
            return
        # uvicorn's own shutdown() sleeps a fixed 0.1 s; a test server has no
        # slow clients to wait for: close, ask connections to finish, poll briefly.
        for listener in server.servers:
            listener.close()
        for connection in list(server.server_state.connections):
            connection.shutdown()
        for _ in range(200):
            if not server.server_state.connections and not server.server_state.tasks:
                break
            await asyncio.sleep(0.005)
        for listener in server.servers:
            await listener.wait_closed()

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(self, *_exc: object) -> None:
        await self.stop()

    # --- what tests arrange -------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update = dict(update)
        update.setdefault("update_id", next(self._next_update_id))
        self._updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return int(update["update_id"])

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: str | int | None = None,
    ) -> None:
        """The next ``times`` calls of ``method`` (to ``chat_id``) fail with this HTTP
        status. Name the chat where sends run concurrently: which comes first is luck."""
        text = description or {
            400: "Bad Request: chat not found",
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
        }.get(status, "Error")
        key = (method, None if chat_id is None else str(chat_id))
        self._failures[key].extend([Failure(status, text, retry_after)] * times)

    def hang_next(
        self, method: str, seconds: float, *, chat_id: str | int | None = None, times: int = 1
    ) -> None:
        """The next ``times`` calls of ``method`` (to ``chat_id``) wait ``seconds`` first."""
        key = (method, None if chat_id is None else str(chat_id))
        self._hangs[key].extend([seconds] * times)

    def _hang_for(self, method: str, params: dict[str, Any]) -> float:
        for key in ((method, str(params.get("chat_id"))), (method, None)):
            if self._hangs.get(key):
                return self._hangs[key].popleft()
        return 0.0

    def add_file(self, file_id: str, data: bytes, *, size: int | None = None) -> None:
        """Serve ``data`` for ``file_id``; ``size`` is what getFile declares (default: real)."""
        path = f"photos/{file_id}.jpg"
        self._files[file_id] = _File(data, path, len(data) if size is None else size)

    # --- what tests check ---------------------------------------------------

    def calls_to(self, method: str, chat_id: str | int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or c.chat_id == str(chat_id))
        ]

    def sent(self, chat_id: str | int | None = None) -> list[Call]:
        """Everything the bot sent (messages, photos, documents), in order."""
        return [
            c
            for c in self.calls
            if c.method in _MESSAGE_METHODS and (chat_id is None or c.chat_id == str(chat_id))
        ]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        *,
        chat_id: str | int | None = None,
        within: float = 5.0,
    ) -> list[Call]:
        """Wait until ``method`` was called ``count`` times (for ``chat_id``); returns them."""
        deadline = time.monotonic() + within
        async with self._changed:
            while len(found := self.calls_to(method, chat_id)) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.chat_id) for c in self.calls]
                    raise AssertionError(f"{method} x{count} not called within {within}s: {seen}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), left)
        return found

    async def settle(self, quiet: float = 0.1) -> None:
        """Wait until the bot made no call for ``quiet`` seconds."""
        while True:
            before = len(self.calls)
            await asyncio.sleep(quiet)
            if len(self.calls) == before:
                return

    # --- the server ---------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _params(self, request: Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query_params)
        if request.method == "POST":
            kind = request.headers.get("content-type", "")
            if kind.startswith("application/json"):
                params.update(await request.json())
            else:
                async with request.form() as form:
                    for key, value in form.multi_items():
                        if isinstance(value, UploadFile):
                            params[key] = await value.read()
                        else:
                            params[key] = value
        for key in _JSON_PARAMS & params.keys():
            if isinstance(params[key], str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        params = await self._params(request)
        hang = self._hang_for(method, params)
        if hang:
            await asyncio.sleep(hang)
            if await request.is_disconnected():  # the bot gave up waiting: nothing happened
                self.abandoned.append(Call(method, params, time.monotonic()))
                await self._notify()
                return _error(504, "Gateway Timeout")
        if method != "getUpdates":
            self.calls.append(Call(method, params, time.monotonic()))
            await self._notify()
            for key in ((method, str(params.get("chat_id"))), (method, None)):
                if self._failures.get(key):
                    f = self._failures[key].popleft()
                    return _error(f.status, f.description, f.retry_after)
        handler = getattr(self, f"_m_{method}", None)
        if handler is not None:
            result = await handler(params)
            return result if isinstance(result, Response) else _ok(result)
        if method in _MESSAGE_METHODS:
            return _ok(self._message(params))
        if method in _TRUE_METHODS:
            return _ok(True)
        return _error(404, "Not Found: method not found")

    async def _m_getMe(self, _p: dict[str, Any]) -> Any:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "ASN Test Bot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, p: dict[str, Any]) -> Any:
        offset = int(p.get("offset") or 0)
        timeout = float(p.get("timeout") or 0)
        # Telegram forgets what the bot confirmed by asking for a higher offset.
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + min(timeout, 10.0)
        async with self._changed:
            while not self._updates and not self._closing:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), left)
        return list(self._updates[:100])

    async def _m_setWebhook(self, p: dict[str, Any]) -> Any:
        self.webhook = dict(p)
        return True

    async def _m_deleteWebhook(self, _p: dict[str, Any]) -> Any:
        self.webhook = {}
        return True

    async def _m_getFile(self, p: dict[str, Any]) -> Any:
        f = self._files.get(str(p.get("file_id")))
        if f is None:
            return _error(400, "Bad Request: invalid file_id")
        return {
            "file_id": p["file_id"],
            "file_unique_id": p["file_id"][:8],
            "file_size": f.size,
            "file_path": f.path,
        }

    def _message(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(str(p.get("chat_id", "0")))
        message: dict[str, Any] = {
            "message_id": int(p.get("message_id") or next(self._next_message_id)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "ASN Test Bot"},
        }
        if "text" in p:
            message["text"] = p["text"]
        if "photo" in p:
            message["photo"] = [
                {"file_id": "sent", "file_unique_id": "sent", "width": 1, "height": 1}
            ]
        if "caption" in p:
            message["caption"] = p["caption"]
        return message

    async def _download(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return Response(status_code=401)
        path = request.path_params["path"]
        self.downloads.append(path)
        await self._notify()
        for f in self._files.values():
            if f.path == path:
                return Response(f.data, media_type="application/octet-stream")
        return Response(status_code=404)


def _ok(result: Any) -> Response:
    return JSONResponse({"ok": True, "result": result})


def _error(status: int, description: str, retry_after: int | None = None) -> Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return JSONResponse(body, status_code=status)
