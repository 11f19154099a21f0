"""Drives the console channel: read a line, dispatch, print the replies."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import TextIO

from bot.channels.console import format_outgoing, to_incoming
from bot.wiring import App
from handlers.markup import to_plain
from handlers.messages import Button


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
    buttons: tuple[Button, ...] = ()
    source = iter(lines)
    while True:
        # Read stdin on a thread so the scheduler keeps ticking while the user types.
        line = await asyncio.to_thread(next, source, None)
        if line is None:
            break
        msg = to_incoming(line, identity)
        # A number answers the last buttons shown, like a tap would.
        choice = msg.text.strip()
        if choice.isdigit() and 0 < int(choice) <= len(buttons):
            msg = replace(msg, text="", payload=buttons[int(choice) - 1].payload)
        replies = await app.dispatcher.handle(msg)
        for reply in replies:
            print(format_outgoing(reply), file=out, flush=True)
            print(file=out, flush=True)
            if reply.buttons:
                buttons = reply.buttons
    return 0
