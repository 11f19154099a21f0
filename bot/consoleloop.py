"""Drives the console channel: read a line, dispatch, print the replies."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.channels.console import format_outgoing, to_incoming
from bot.wiring import App
from handlers.markup import to_plain


async def chat_loop(
    app: App, identity: str, lines: Iterable[str], out: TextIO = sys.stdout, intro: bool = True
) -> int:
    renderer = app.services.renderer
    if intro:
        text = renderer.text(
            "console_intro",
            {"telegram": app.settings.telegram_enabled, "whatsapp": app.settings.whatsapp_enabled},
            app.settings.chat.default_locale,
        )
        print(to_plain(text), file=out, flush=True)
    source = iter(lines)
    while True:
        # Read stdin on a thread so the scheduler keeps ticking while the user types.
        line = await asyncio.to_thread(next, source, None)
        if line is None:
            break
        # Buttons are numbered, as on WhatsApp: "2" picks the second one shown.
        replies = await app.dispatcher.handle(to_incoming(line, identity), numbered=True)
        for reply in replies:
            print(format_outgoing(reply), file=out, flush=True)
            print(file=out, flush=True)
    return 0
