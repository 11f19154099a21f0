"""Request bodies read with a cap that holds while reading, chunked or not."""

from __future__ import annotations

from starlette.requests import Request


class BodyTooLarge(Exception):
    """More than the limit arrived (or was announced); the rest is never read."""


async def read_capped(request: Request, limit: int) -> bytes:
    """The body, or BodyTooLarge as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        raise BodyTooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge
    return bytes(body)
