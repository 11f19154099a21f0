"""Drives the console channel: read a line, dispatch, print the replies.

``console_session`` is ``asnbot chat`` (and ``asnbot run`` without channels):
the chat with the scheduler ticking beside it, as in ``asnbot run``, so a
broadcast, a reminder or a reply notification arrives in the session.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable, Sequence
from typing import Protocol, TextIO

from bot.channels.console import ConsoleFiles, format_outgoing, photo_path, to_incoming
from bot.scheduler import SchedulerComponent
from bot.wiring import App
from handlers.markup import to_plain


async def chat_loop(
    app: App, identity: str, lines: Iterable[str], out: TextIO = sys.stdout, intro: bool = True
) -> int:
    renderer = app.services.renderer
    locale = app.settings.chat.default_locale
    files = ConsoleFiles(app.settings.console.out_dir)
    if intro:
        text = renderer.text(
            "console_intro",
            {"telegram": app.settings.telegram_enabled, "whatsapp": app.settings.whatsapp_enabled},
            locale,
        )
        print(to_plain(text), file=out, flush=True)
    source = iter(lines)
    while True:
        # Read stdin on a thread so the scheduler keeps ticking while the user types.
        line = await asyncio.to_thread(next, source, None)
        if line is None:
            break
        message = to_incoming(line, identity)
        if message is None:  # "/photo PATH" with no readable file at PATH
            path = photo_path(line.strip()) or ""
            text = renderer.text("console_photo_missing", {"path": path}, locale)
            print(to_plain(text), file=out, flush=True)
            print(file=out, flush=True)
            continue
        # Buttons are numbered, as on WhatsApp: "2" picks the second one shown.
        replies = await app.dispatcher.handle(message, numbered=True)
        for reply in replies:
            print(format_outgoing(reply, files), file=out, flush=True)
            print(file=out, flush=True)
    return 0


class _Part(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


async def console_session(
    app: App, identity: str, lines: Iterable[str], parts: Sequence[_Part], intro: bool = True
) -> int:
    """The chat with ``parts`` (the scheduler) running beside it. At the end of the input
    one last tick sends what the session made due; then every part stops cleanly."""
    for part in parts:
        await part.start()
    try:
        code = await chat_loop(app, identity, lines, intro=intro)
        for part in parts:
            if isinstance(part, SchedulerComponent):
                await part.tick(wait=True)
        return code
    finally:
        for part in reversed(parts):
            await part.stop()
