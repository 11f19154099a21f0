"""The PTB ``Application`` and the one place an update becomes replies.

PTB parses, sends and downloads; it keeps no conversation state (no
ConversationHandler, persistence or JobQueue) and no queue of its own:
updates are stored in the inbox first (``bot.inbox``), and each one comes
back here as its raw JSON, through ``TelegramChannel.process``: parse →
translate → dispatch → deliver.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, CallbackQuery, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot import metrics
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.send import Delivery
from bot.channels.telegram.translate import (
    CHANNEL,
    BotInfo,
    Ignore,
    TooLarge,
    translate,
)
from bot.channels.telegram.updates import TolerantUpdatesRequest
from bot.config import Settings
from bot.wiring import App
from handlers.messages import Incoming, Outgoing
from storage import callbacks

log = logging.getLogger(__name__)

# Only what the bot reads: Telegram then never sends edits, reactions, polls …
ALLOWED_UPDATES = ["message", "callback_query"]
EXTRA_KEY = "telegram"  # where the one channel lives in Services.extra
MB = 1024 * 1024
# Where an update names its chat, for keeping one chat's updates in order.
_CHAT_HOLDERS = ("message", "edited_message", "channel_post", "edited_channel_post")


def build_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    tg = settings.telegram
    builder = (
        ApplicationBuilder()
        .token(settings.secrets.telegram_bot_token)
        .base_url(tg.api_base_url)
        .base_file_url(tg.file_base_url)
        # One connection per send that may be in flight: replies to updates and pushes.
        # A Bot API that hangs costs a reply request_timeout_seconds, then the send is
        # retried (send.py).
        .request(
            AiohttpRequest(
                tg.concurrent_updates + settings.delivery.concurrency,
                read_timeout=tg.request_timeout_seconds,
                write_timeout=tg.request_timeout_seconds,
                connect_timeout=tg.request_timeout_seconds,
            )
        )
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=tg.rate_per_second,
                overall_time_period=1,
                max_retries=tg.max_retries,
            )
        )
        # Updates reach the inbox through our webhook route or our polling queue.
        .updater(None)
    )
    if tg.mode == "polling":
        builder = builder.get_updates_request(TolerantUpdatesRequest())
    return builder.build()


def chat_of(data: dict[str, Any]) -> str | None:
    """The chat a raw update belongs to (its sender for a button without a message)."""
    for holder in _CHAT_HOLDERS:
        chat = _get(data, holder, "chat", "id")
        if chat is not None:
            return str(chat)
    chat = _get(data, "callback_query", "message", "chat", "id")
    if chat is None:
        chat = _get(data, "callback_query", "from", "id")
    return None if chat is None else str(chat)


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data if isinstance(data, int | str) and not isinstance(data, bool) else None


class TelegramChannel:
    """Translates updates for the dispatcher and delivers its replies."""

    def __init__(self, app: App, application: Application) -> None:  # type: ignore[type-arg]
        self.app = app
        self.application = application
        tg = app.settings.telegram
        self.max_bytes = tg.max_photo_bytes
        self.delivery = Delivery(
            application.bot,
            self._shorten,
            max_retries=tg.max_retries,
            backoff=tg.retry_backoff_seconds,
        )

    # --- inbound ----------------------------------------------------------

    async def process(self, payload: bytes) -> None:
        """One stored update (raw JSON), answered; failures get an apology, never a raise."""
        try:
            update = Update.de_json(json.loads(payload), self.application.bot)
        except Exception as exc:  # stored because Telegram must not resend it; skipped here
            log.warning("update not understood; skipped", extra={"error": type(exc).__name__})
            return
        try:
            await self.on_update(update)
        except Exception as exc:
            await self.on_error(update, exc)

    async def on_update(self, update: Update) -> None:
        """One update: translate, answer the button press, dispatch, deliver the replies."""
        metrics.inc("asnbot_messages_total", "Messages handled", channel=CHANNEL)
        bot = self.application.bot
        if update.callback_query is not None:
            await self._answer(update.callback_query)  # stops the client's spinner at once
        result = translate(update, BotInfo(bot.id, bot.username), bot, self.max_bytes)
        if isinstance(result, Ignore):
            metrics.inc(
                "asnbot_telegram_ignored_total", "Updates ignored by design", reason=result.reason
            )
            log.info("ignored", extra={"channel": CHANNEL, "reason": result.reason})
            return
        dispatcher = self.app.dispatcher
        if isinstance(result, TooLarge):
            msg = result.msg
            outs = await dispatcher.notice(
                msg,
                "photo_too_large",
                size_mb=_mb(result.size),
                max_mb=_mb(self.max_bytes),
            )
        else:
            msg = await self._expand(result)
            outs = await dispatcher.handle(msg, bare_words=False)
        reply_to = update.message.message_id if msg.is_group and update.message else None
        await self._deliver_all(msg, outs, reply_to)

    async def _deliver_all(self, msg: Incoming, outs: list[Outgoing], reply_to: int | None) -> None:
        try:
            for out in outs:
                await self.delivery.deliver(msg.chat, out, reply_to=reply_to)
        except Forbidden:
            # Blocked the bot (or removed it from the group) while we answered.
            log.info("reply refused: blocked", extra={"who": self._who(msg.identity)})

    async def _answer(self, query: CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:  # too old, or answered already: the reply still goes out
            log.info("callback answer failed", extra={"why": type(exc).__name__})

    async def _expand(self, msg: Incoming) -> Incoming:
        if msg.payload is None or not callbacks.is_key(msg.payload):
            return msg
        payload = await callbacks.expand(self.app.services.db, msg.payload)
        return replace(msg, payload=payload or msg.payload)

    async def _shorten(self, payload: str) -> str:
        services = self.app.services
        return await callbacks.shorten(services.db, payload, services.clock())

    # --- errors -----------------------------------------------------------

    async def on_error(self, update: Update, err: Exception) -> None:
        """Logs the failure (pseudonym and class only) and apologises, politely, if it can."""
        user = update.effective_user
        chat = update.effective_chat
        identity = f"{CHANNEL}:{user.id}" if user is not None else ""
        extra = {"who": self._who(identity) if identity else None, "error": type(err).__name__}
        if isinstance(err, Forbidden):
            log.info("reply refused: blocked", extra=extra)
            return
        log.error("telegram update failed", exc_info=err, extra=extra)
        if user is None or chat is None:
            return
        stub = Incoming(CHANNEL, identity, str(chat.id), locale=user.language_code)
        try:
            for out in await self.app.dispatcher.notice(stub, "error"):
                await self.delivery.deliver(chat.id, out)
        except Exception as exc:  # the apology is best effort; the failure is logged above
            log.debug("apology not sent", extra={"error": type(exc).__name__})

    def _who(self, identity: str) -> str:
        return self.app.services.pseudonyms.of(identity)[:12]

    # --- start ------------------------------------------------------------

    async def set_commands(self) -> None:
        """The client's command menu: Indonesian by default, English for English clients."""
        renderer = self.app.services.renderer
        bot = self.application.bot
        for locale, language in (("id", None), ("en", "en")):
            commands = [
                BotCommand(key.removeprefix("commands."), text)
                for key, text in renderer.labels(locale).items()
                if key.startswith("commands.")
            ]
            await bot.set_my_commands(
                commands, scope=BotCommandScopeDefault(), language_code=language
            )


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def channel_for(app: App) -> TelegramChannel | None:
    """The process's one Telegram channel (built on first use), or None without a token."""
    if not app.settings.telegram_enabled:
        return None
    channel = app.services.extra.get(EXTRA_KEY)
    if channel is None:
        channel = TelegramChannel(app, build_application(app.settings))
        app.services.extra[EXTRA_KEY] = channel
    return channel  # type: ignore[no-any-return]
