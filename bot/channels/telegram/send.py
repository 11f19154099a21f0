"""``Outgoing`` → Bot API calls, for replies and for the outbox's pushed messages.

Light markup becomes Telegram HTML (user text escaped), long text is cut at
4,096 characters before converting, a caption is used only when the text
fits in 1,024. Rate limits (429) are AIORateLimiter's; network errors and 5xx
are retried here with a doubling backoff.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import (
    Bot,
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.channels.base import SendResult, SendStatus
from bot.channels.telegram.chunks import CAPTION_LIMIT, TEXT_LIMIT, split_markup, visible_len
from bot.channels.telegram.keyboard import Shortener, keyboard
from handlers.markup import to_plain, to_telegram_html
from handlers.messages import Outgoing

log = logging.getLogger(__name__)

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class _Step:
    """One Bot API call; ``text`` is light markup, sent as HTML (or plain on fallback)."""

    call: Callable[..., Awaitable[Message | int]]
    kwargs: dict[str, Any]
    text_key: str | None = None  # "text" or "caption"
    text: str = ""


class Delivery:
    """Sends rendered replies to one chat, retrying what is worth retrying."""

    def __init__(
        self,
        bot: Bot,
        shorten: Shortener,
        *,
        max_retries: int = 3,
        backoff: float = 1.0,
    ) -> None:
        self.bot = bot
        self.shorten = shorten
        self.max_retries = max_retries
        self.backoff = backoff

    async def deliver(self, chat: str | int, out: Outgoing, *, reply_to: int | None = None) -> int:
        """Sends ``out``; returns the id of the last message. Raises TelegramError."""
        markup = await keyboard(out.buttons, self.shorten)
        steps = self._plan(chat, out, reply_to)
        last = 0
        for i, step in enumerate(steps):
            kwargs = dict(step.kwargs)
            if markup is not None and i == len(steps) - 1:
                kwargs["reply_markup"] = markup
            sent = await self._send(step, kwargs)
            last = sent if isinstance(sent, int) else sent.message_id
        return last

    def _plan(self, chat: str | int, out: Outgoing, reply_to: int | None) -> list[_Step]:
        bot = self.bot
        common: dict[str, Any] = {"chat_id": chat}
        if reply_to is not None:
            # In a group, answer the message that asked, so it is clear who is meant.
            common["reply_parameters"] = ReplyParameters(reply_to, allow_sending_without_reply=True)
        text = out.text.strip()
        steps: list[_Step] = []
        caption = ""
        if out.photos and text and visible_len(text) <= CAPTION_LIMIT:
            caption, text = text, ""
        if text or not (out.photos or out.documents):
            for chunk in split_markup(text or " ", TEXT_LIMIT):
                steps.append(
                    _Step(
                        self._send_message,
                        {**common, "link_preview_options": _NO_PREVIEW},
                        "text",
                        chunk,
                    )
                )
        for i, photo in enumerate(out.photos):
            kwargs = {**common, "photo": InputFile(photo.data, filename=f"foto-{i + 1}.jpg")}
            if i == 0 and caption:
                steps.append(_Step(bot.send_photo, kwargs, "caption", caption))
            else:
                steps.append(_Step(bot.send_photo, kwargs))
        for doc in out.documents:
            kwargs = {**common, "document": InputFile(doc.data, filename=doc.filename)}
            steps.append(_Step(bot.send_document, kwargs))
        return steps

    async def _send_message(self, **kwargs: Any) -> int:
        """``sendMessage`` returning only the new message's id.

        ``Bot.send_message`` builds a whole ``Message`` from the answer (chat, sender,
        entities…) that nobody here reads: ~10% of a pushed message's CPU (cProfile,
        bench/broadcast.py). ``_post`` is what it calls underneath: same defaults,
        rate limiter and error mapping."""
        result = await self.bot._post("sendMessage", kwargs)
        return int(result["message_id"])

    async def _send(self, step: _Step, kwargs: dict[str, Any]) -> Message | int:
        if step.text_key is not None:
            kwargs[step.text_key] = to_telegram_html(step.text)
            kwargs["parse_mode"] = ParseMode.HTML
        try:
            return await self._retrying(step.call, kwargs)
        except BadRequest as exc:
            if step.text_key is None or "parse" not in exc.message.lower():
                raise
            # Our markup should always parse; if a template breaks it, the words still go out.
            log.warning(
                "telegram rejected our HTML; sent as plain text", extra={"why": exc.message}
            )
            kwargs[step.text_key] = to_plain(step.text)
            kwargs.pop("parse_mode")
            return await self._retrying(step.call, kwargs)

    async def _retrying(
        self, call: Callable[..., Awaitable[Message | int]], kwargs: dict[str, Any]
    ) -> Message | int:
        delay = self.backoff
        for attempt in range(self.max_retries + 1):
            try:
                return await call(**kwargs)
            except BadRequest:
                raise  # a subclass of NetworkError, but permanent
            except NetworkError as exc:  # 5xx, timeouts, connection errors
                if attempt == self.max_retries:
                    raise
                log.info(
                    "telegram send retried",
                    extra={"attempt": attempt + 1, "why": type(exc).__name__},
                )
                await asyncio.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")


def seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """The outbox's way out to Telegram (reminders, broadcasts, alerts). Never raises."""

    channel = "telegram"

    def __init__(self, delivery: Delivery, rate_per_second: float) -> None:
        self.delivery = delivery
        self.rate_per_second = rate_per_second

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        try:
            await self.delivery.bot.initialize()  # a no-op once started
            message_id = await self.delivery.deliver(chat, out)
        except Forbidden as exc:  # blocked by the user, kicked from the group, deactivated
            return SendResult(SendStatus.BLOCKED, error=_reason(exc))
        except RetryAfter as exc:
            return SendResult(SendStatus.RETRY, retry_after=seconds(exc.retry_after), error="429")
        except BadRequest as exc:
            return SendResult(SendStatus.FAILED, error=_reason(exc))
        except NetworkError as exc:
            return SendResult(SendStatus.RETRY, error=_reason(exc))
        except TelegramError as exc:
            return SendResult(SendStatus.FAILED, error=_reason(exc))
        log.debug("pushed", extra={"kind": kind})
        return SendResult(SendStatus.SENT, provider_id=str(message_id))

    async def aclose(self) -> None:
        """Closes the HTTP connections a standalone sender (run-due) opened."""
        await self.delivery.bot.shutdown()


def _reason(exc: TelegramError) -> str:
    # Bot API descriptions name the problem, never the person ("Forbidden: bot was blocked…").
    return f"{type(exc).__name__}: {exc.message}"[:200]


def telegram_sender(app: Any) -> TelegramSender | None:
    """The outbox's Telegram sender, sharing the running bot; None without a token."""
    from bot.channels.telegram.app import channel_for

    channel = channel_for(app)
    if channel is None:
        return None
    return TelegramSender(channel.delivery, app.settings.telegram.rate_per_second)
