"""Pushed messages for the console: printed, so reminders can be tried locally."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.channels.base import SendResult, SendStatus
from bot.channels.console import ConsoleFiles, format_outgoing
from handlers.messages import Outgoing


class ConsoleSender:
    channel = "console"

    def __init__(
        self, files: ConsoleFiles, out: TextIO | None = None, rate_per_second: float = 0.0
    ) -> None:
        self.files = files
        self.out = out or sys.stdout
        self.rate_per_second = rate_per_second

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        text = format_outgoing(out, self.files)
        print(f"[{kind} → {chat}]\n{text}\n", file=self.out, flush=True)
        return SendResult(SendStatus.SENT)
