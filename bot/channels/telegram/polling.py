"""Long polling that stores each update before Telegram is told it arrived.

PTB's ``Updater`` confirms a batch to Telegram (the next getUpdates offset)
only after it has put every update of the batch into its queue. The queue
here stores instead of queueing: a batch is in the inbox before it is
confirmed. If storing fails, PTB logs it and asks for the same batch again
(already stored updates are recognised and skipped).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

from telegram import Update

Store = Callable[[Update], Awaitable[None]]
BACKOFF = 1.0  # seconds before a failed store lets PTB ask again (no tight loop on an outage)


class StoringQueue(asyncio.Queue[object]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    async def put(self, item: object) -> None:
        if not isinstance(item, Update):
            return
        try:
            await self._store(item)
        except Exception:
            await asyncio.sleep(BACKOFF)
            raise


def raw_json(data: dict[str, object]) -> bytes:
    """A polled update (``Update.to_dict()``, which keeps fields PTB does not know) as JSON."""
    return json.dumps(data, ensure_ascii=False).encode()
