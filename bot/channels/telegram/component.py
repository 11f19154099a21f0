"""The runner's Telegram component: long polling, or webhook through our Starlette app.

Either way an update is stored in the inbox before Telegram is told it
arrived (a 200, or the next getUpdates offset), and handled from there.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Updater

from bot.channels.body import BodyTooLarge, read_capped
from bot.channels.telegram.app import ALLOWED_UPDATES, TelegramChannel, channel_for, chat_of
from bot.channels.telegram.polling import StoringQueue, raw_json
from bot.channels.telegram.send import TelegramSender
from bot.config import ConfigError
from bot.inbox import Inbox
from bot.wiring import App

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "x-telegram-bot-api-secret-token"  # noqa: S105 - a header name
MAX_UPDATE_BYTES = 1024 * 1024  # an update is a few KB; files never come inline
# What Telegram accepts as a secret token.
_SECRET_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class TelegramStartError(ConfigError):
    """The Bot API refused or could not be reached at start; one line, no token."""


class TelegramComponent:
    name = "telegram"

    def __init__(self, channel: TelegramChannel, app: App) -> None:
        self.channel = channel
        self.settings = app.settings.telegram
        self.webhook = self.settings.mode == "webhook"
        self.inbox = Inbox(
            app, "telegram", channel.process, concurrency=self.settings.concurrent_updates
        )
        self.updater: Updater | None = None

    def routes(self) -> Sequence[BaseRoute]:
        if not self.webhook:
            return []
        return [Route(WEBHOOK_PATH, self.receive, methods=["POST"])]

    async def start(self) -> None:
        application = self.channel.application
        try:
            await application.initialize()  # getMe: checks the token
        except TelegramError as exc:
            await application.bot.shutdown()  # close its HTTP clients: the runner will not
            raise _start_error(exc) from None
        try:
            await self.channel.set_commands()
        except TelegramError as exc:  # the menu is a convenience; the bot works without it
            log.warning("set_my_commands failed", extra={"error": type(exc).__name__})
        await self.inbox.start()  # what an earlier run stored and did not finish, first
        if self.webhook:
            await application.bot.set_webhook(
                self.settings.webhook_url,
                secret_token=self.settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            self.updater = Updater(application.bot, StoringQueue(self._store_polled))
            await self.updater.initialize()
            await self.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, error_callback=_polling_error
            )
        log.info("telegram started", extra={"mode": self.settings.mode})

    async def stop(self) -> None:
        if self.updater is not None and self.updater.running:
            await self.updater.stop()  # confirms to Telegram what was stored, and no more
        await self.inbox.stop()  # the updates in hand still need the bot to answer
        await self.channel.application.shutdown()

    async def _store_polled(self, update: Update) -> None:
        data = update.to_dict()
        await self.inbox.put(str(update.update_id), chat_of(data), raw_json(data))

    async def receive(self, request: Request) -> Response:
        """POST /telegram/webhook: the secret first, then the body, stored before the 200."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.settings.webhook_secret.encode()):
            log.warning("webhook: wrong secret token")
            return Response(status_code=403)
        try:
            body = await read_capped(request, MAX_UPDATE_BYTES)
        except BodyTooLarge:
            log.warning("webhook: body too large")
            return Response(status_code=413)
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past any update
            log.warning("webhook: body is not JSON")
            return Response(status_code=400)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            log.warning("webhook: not an update")
            return Response(status_code=400)
        try:
            await self.inbox.put(str(data["update_id"]), chat_of(data), body)
        except Exception:
            # Not stored, so not acknowledged: Telegram sends it again later.
            log.exception("webhook: update not stored")
            return Response(status_code=503)
        return Response(status_code=200)


def _start_error(exc: TelegramError) -> TelegramStartError:
    # PTB's own InvalidToken message repeats the token: never let it reach a log or a terminal.
    if isinstance(exc, InvalidToken):
        return TelegramStartError("TELEGRAM_BOT_TOKEN was rejected by the Bot API")
    if isinstance(exc, NetworkError):
        return TelegramStartError(
            f"cannot reach the Bot API at telegram.api_base_url ({type(exc).__name__})"
        )
    return TelegramStartError(f"the Bot API refused to start the bot ({type(exc).__name__})")


def _polling_error(exc: TelegramError) -> None:
    # Called for each failed getUpdates; PTB retries by itself.
    log.warning("telegram polling failed", extra={"error": type(exc).__name__})


def telegram_component(app: App) -> TelegramComponent | None:
    """The runner's factory: None when TELEGRAM_BOT_TOKEN is not set."""
    tg = app.settings.telegram
    if app.settings.telegram_enabled and tg.mode == "webhook":
        if not tg.webhook_url:
            raise ConfigError("telegram.webhook_url: must be set in webhook mode")
        if not _SECRET_FORMAT.match(tg.webhook_secret):
            raise ConfigError(
                "telegram.webhook_secret: set ASNBOT_TELEGRAM_WEBHOOK_SECRET in webhook mode "
                "(1-256 characters: letters, digits, _ and -)"
            )
    channel = channel_for(app)
    if channel is None:
        return None
    # Whoever builds the outbox dispatcher finds every channel's sender here.
    sender = TelegramSender(channel.delivery, tg.rate_per_second)
    app.services.extra.setdefault("senders", {})[sender.channel] = sender
    return TelegramComponent(channel, app)
