"""The Bot API connection pool: several one-connection httpx clients instead of one big pool.

httpcore's pool scans every connection it holds (is it idle, has it expired,
is its socket readable) each time a request starts or ends, so one client
with N connections costs O(N) per request: with 16 sends in flight that was
the largest single cost of a broadcast (cProfile, bench/broadcast.py). Here
each client holds one kept-alive connection and a request takes whichever
client is free, so the scan is O(1), at most ``size`` requests are in flight,
and the rest wait their turn instead of failing with a pool timeout.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from telegram.request import BaseRequest, HTTPXRequest, RequestData


class PooledRequest(BaseRequest):
    def __init__(self, size: int, **httpx_request: Any) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        # One TLS context for all: each costs ~20 ms and its own copy of the CA certificates.
        shared = {"httpx_kwargs": {"verify": httpx.create_ssl_context()}}
        self._clients = [
            HTTPXRequest(connection_pool_size=1, **shared, **httpx_request) for _ in range(size)
        ]
        self._idle: asyncio.LifoQueue[HTTPXRequest] | None = None

    @property
    def size(self) -> int:
        return len(self._clients)

    @property
    def read_timeout(self) -> float | None:
        return self._clients[0].read_timeout

    async def initialize(self) -> None:
        if self._idle is not None:  # PTB may initialize twice (sends racing at start)
            return
        for client in self._clients:
            await client.initialize()
        # Made here, on the loop that sends (PTB initializes the bot on it).
        self._idle = asyncio.LifoQueue()
        for client in reversed(self._clients):  # LIFO: a warm connection is reused first
            self._idle.put_nowait(client)

    async def shutdown(self) -> None:
        for client in self._clients:
            await client.shutdown()
        self._idle = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._idle is None:  # like HTTPXRequest, usable before initialize()
            await self.initialize()
        assert self._idle is not None
        client = await self._idle.get()
        try:
            return await client.do_request(
                url,
                method,
                request_data,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
            )
        finally:
            self._idle.put_nowait(client)
