"""What every channel's sender offers the outbox dispatcher."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from handlers.messages import Outgoing


class SendStatus(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot or cannot be reached: stop sending
    RETRY = "retry"  # rate limit, 5xx or network: try again after retry_after
    FAILED = "failed"  # permanent for this message (bad request); do not retry


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    retry_after: float | None = None
    provider_id: str | None = None  # e.g. Telegram message id, Twilio MessageSid
    error: str | None = None  # short reason for the log and the outbox row, no personal data


class Sender(Protocol):
    """Sends one rendered message to one chat. Never raises for platform errors."""

    channel: str
    rate_per_second: float

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult: ...
