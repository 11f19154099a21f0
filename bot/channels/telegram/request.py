"""python-telegram-bot's HTTP layer on aiohttp instead of httpx.

PTB keeps everything above the wire (its ``Bot`` methods, the rate limiter,
the error mapping of ``BaseRequest``); only ``do_request`` changes. Measured
on the broadcast bench (cProfile): httpx/httpcore took most of each send,
its pool scanning every connection (idle? expired? socket readable?) each
time a request started or ended; against the same local server one aiohttp
session moved ~5,500 requests/s where httpx clients moved ~1,550
(``bench/README.md``). aiohttp comes with twilio already.

The session holds at most ``size`` connections, kept alive; a request beyond
them waits its turn (the dispatcher and the update workers bound how many
there are) instead of failing after a pool timeout.
"""

from __future__ import annotations

import ssl
from typing import Any

import aiohttp
import certifi
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_NONE: Any = BaseRequest.DEFAULT_NONE


class AiohttpRequest(BaseRequest):
    def __init__(
        self,
        size: int,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.size = size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is not None and not self._session.closed:
            return  # PTB may initialize twice (sends racing at start)
        connector = aiohttp.TCPConnector(
            limit=self.size, ssl=ssl.create_default_context(cafile=certifi.where())
        )
        # trust_env: HTTPS_PROXY and friends are honoured, as httpx did.
        self._session = aiohttp.ClientSession(connector=connector, trust_env=True)

    async def shutdown(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = DEFAULT_NONE,
        write_timeout: Any = DEFAULT_NONE,
        connect_timeout: Any = DEFAULT_NONE,
        pool_timeout: Any = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:  # like HTTPXRequest: usable at once
            await self.initialize()
        assert self._session is not None
        files = request_data is not None and request_data.contains_files
        read = self._read if read_timeout is DEFAULT_NONE else read_timeout
        connect = self._connect if connect_timeout is DEFAULT_NONE else connect_timeout
        write = write_timeout
        if write is DEFAULT_NONE:
            write = self._media_write if files else self._write
        # aiohttp has no write timeout: an upload gets it as part of a total.
        total = (write or 0) + (read or 0) + (connect or 0) if files and write and read else None
        timeout = aiohttp.ClientTimeout(total=total, sock_connect=connect, sock_read=read)
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # asyncio's and aiohttp's timeouts both
            raise TimedOut(f"Timed out: {type(exc).__name__}") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _body(request_data: RequestData | None) -> Any:
    """A form, as PTB's httpx request sends: url-encoded, or multipart with files."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, part in request_data.multipart_data.items():
        filename, content, *mime = part
        form.add_field(name, content, filename=filename, content_type=mime[0] if mime else None)
    return form
