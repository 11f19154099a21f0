"""GET /healthz: can the database be written to, answered within a bound.

One probe at a time: while a probe is running (say, waiting for a lock),
further requests wait for that one rather than starting their own, so a
load balancer polling a sick database cannot pile up threads.
"""

from __future__ import annotations

import asyncio

from storage.db import Database
from storage.health import probe_write

TIMEOUT = 2.0  # seconds; a probe slower than this is a failed one


class Health:
    def __init__(self, db: Database, timeout: float = TIMEOUT) -> None:
        self.db = db
        self.timeout = timeout
        self._probe: asyncio.Future[bool] | None = None

    async def writable(self) -> bool:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.ensure_future(asyncio.to_thread(probe_write, self.db))
        try:
            return await asyncio.wait_for(asyncio.shield(self._probe), self.timeout)
        except TimeoutError:
            return False
