"""The media of one inbound message, downloaded in parallel once a handler wants one.

Nothing is downloaded until a handler asks (a photo outside a tip is never
fetched). The first image it asks for starts every image of the message at
once, so a handler reading them one after another waits for the slowest,
not for the sum. A semaphore shared by the whole process bounds how many
downloads run together, however many messages arrive.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence

from handlers.messages import Attachment, AttachmentTooLarge

Download = Callable[[str], Awaitable[bytes]]
TOO_LARGE = "too large"  # MediaFetchError.reason for a file over the limit


class MediaBatch:
    def __init__(
        self,
        download: Download,
        media: Sequence[tuple[str, str | None]],
        slots: asyncio.Semaphore,
        max_bytes: int,
    ) -> None:
        self._download = download
        self._max_bytes = max_bytes
        self._urls = [url for url, _mime in media]
        self._kinds = [
            "photo" if (m or "").lower().startswith("image/") else "other" for _u, m in media
        ]
        self._mimes = [mime for _url, mime in media]
        self._slots = slots
        self._tasks: dict[int, asyncio.Task[bytes]] = {}

    def attachments(self) -> tuple[Attachment, ...]:
        return tuple(
            Attachment(kind=kind, mime=mime, size=None, fetch=self._fetcher(i))
            for i, (kind, mime) in enumerate(zip(self._kinds, self._mimes, strict=True))
        )

    def _fetcher(self, i: int) -> Callable[[], Awaitable[bytes]]:
        async def fetch() -> bytes:
            return await self.get(i)

        return fetch

    async def get(self, i: int) -> bytes:
        wanted = (
            [j for j, k in enumerate(self._kinds) if k == "photo"]
            if self._kinds[i] == "photo"
            else [i]
        )
        for j in wanted:
            if j not in self._tasks:
                task = asyncio.create_task(self._one(self._urls[j]))
                task.add_done_callback(_observed)
                self._tasks[j] = task
        return await asyncio.shield(self._tasks[i])

    async def _one(self, url: str) -> bytes:
        async with self._slots:
            try:
                return await self._download(url)
            except OSError as exc:
                if getattr(exc, "reason", None) == TOO_LARGE:
                    raise AttachmentTooLarge(None, self._max_bytes) from None
                raise

    async def close(self) -> None:
        """Stops downloads nobody will read (the handler has answered)."""
        for task in self._tasks.values():
            task.cancel()
        for task in self._tasks.values():
            with contextlib.suppress(BaseException):
                await task


def _kind(mime: str | None) -> str:
    return "photo" if (mime or "").lower().startswith("image/") else "other"


def _observed(task: asyncio.Task[bytes]) -> None:
    # A download the handler never awaited must not warn "exception was never retrieved".
    if not task.cancelled():
        task.exception()
