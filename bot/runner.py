"""``asnbot run``: every configured channel; the console when none is configured."""

from __future__ import annotations

import asyncio
import logging

from bot.channels import console
from bot.consoleloop import chat_loop
from bot.wiring import App

log = logging.getLogger(__name__)


def run(app: App) -> int:
    settings = app.settings
    if not settings.telegram_enabled and not settings.whatsapp_enabled:
        return asyncio.run(chat_loop(app, "console:local", console.stdin_lines()))
    log.error("no channel runner is installed for the configured channels yet")
    return 1
