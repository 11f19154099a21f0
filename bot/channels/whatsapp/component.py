"""The WhatsApp component: its three routes, its senders, its inbox and its housekeeping.

POST /whatsapp/webhook  inbound messages → the inbox → an empty TwiML answer at once
POST /whatsapp/status   delivery reports → outbox rows, subscribers
GET  /media/{token}     photos we send, for a few minutes, to whoever holds the token

Every POST is checked against X-Twilio-Signature before anything else. A
message is answered (media downloaded, handled, replies sent through the
Messages API) by the inbox's workers, never inside the request: Twilio
gives a webhook 15 seconds, and a few slow media downloads take longer.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import httpx
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator

from bot import metrics
from bot.channels.base import SendStatus
from bot.channels.whatsapp.build import media_links, public_url, whatsapp_sender
from bot.channels.whatsapp.media import MediaFetcher
from bot.channels.whatsapp.send import BLOCKING_CODES
from bot.channels.whatsapp.webhook import (
    MAX_MEDIA,
    MESSAGE_SID,
    BadRequest,
    Inbound,
    empty_twiml,
    inbound_fields,
    parse_inbound,
    read_form,
    reply_messages,
    signature_ok,
    signed_url,
)
from bot.config import ConfigError
from bot.inbox import Inbox
from bot.wiring import App
from handlers.markup import to_whatsapp
from handlers.messages import Button, Outgoing, Reply
from storage import conversations, outbox, subscribers, whatsapp

log = logging.getLogger(__name__)

HOUSEKEEPING_EVERY = 600.0  # seconds
KEEP_WINDOWS = timedelta(days=2)  # a window lasts 24 hours; older ones mean nothing
XML = "application/xml"
# Delivery errors that say the number will not get our messages. 63016 (outside
# the 24-hour window) is not one of them: it is recorded on the message only.
DEACTIVATING = BLOCKING_CODES


class WhatsAppComponent:
    name = "whatsapp"

    def __init__(
        self,
        app: App,
        *,
        twilio_http: AsyncTwilioHttpClient | None = None,
        media_http: httpx.AsyncClient | None = None,
    ) -> None:
        wa, secrets = app.settings.whatsapp, app.settings.secrets
        self.app = app
        self.services = app.services
        self.public_url = public_url(app.settings)
        self.validator = RequestValidator(secrets.twilio_auth_token)
        self.links = media_links(app)
        self.fetcher = MediaFetcher(
            wa.api_base_url,
            secrets.twilio_account_sid,
            secrets.twilio_auth_token,
            max_bytes=wa.max_media_bytes,
            timeout=wa.media_timeout_seconds,
            downloads=wa.media_downloads,
            client=media_http,
        )
        sender = whatsapp_sender(app, links=self.links, http_client=twilio_http)
        if sender is None:
            raise ConfigError("WhatsApp needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, from_number")
        self.sender = sender
        # Whoever builds the outbox dispatcher finds every channel's sender here.
        app.services.extra.setdefault("senders", {})[self.sender.channel] = self.sender
        self.inbox = Inbox(app, "whatsapp", self.process, concurrency=wa.concurrent_messages)
        self._housekeeping: asyncio.Task[None] | None = None

    def routes(self) -> Sequence[BaseRoute]:
        return [
            Route("/whatsapp/webhook", self.webhook, methods=["POST"]),
            Route("/whatsapp/status", self.status, methods=["POST"]),
            Route("/media/{token}", self.media, methods=["GET"]),
        ]

    async def start(self) -> None:
        await self.inbox.start()
        self._housekeeping = asyncio.create_task(self._tidy_forever())

    async def stop(self) -> None:
        await self.inbox.stop()
        if self._housekeeping is not None:
            self._housekeeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._housekeeping
        await self.fetcher.aclose()
        await self.sender.aclose()

    def media_url(self, data: bytes, mime: str) -> str:
        """A short-lived public URL for bytes we send (blocking: file I/O)."""
        return f"{self.public_url}/media/{self.links.put(data, mime)}"

    # --- routes -----------------------------------------------------------

    async def _signed_form(self, request: Request) -> FormData | Response:
        """The form if Twilio signed it; otherwise the response to give."""
        signature = request.headers.get("x-twilio-signature", "")
        if not signature:
            log.warning("whatsapp: unsigned request refused", extra={"path": request.url.path})
            return PlainTextResponse("forbidden", 403)
        try:
            form = await read_form(request)
        except BadRequest as exc:
            log.warning("whatsapp: bad request", extra={"reason": exc.reason})
            return PlainTextResponse("bad request", 400)
        if not signature_ok(self.validator, signed_url(self.public_url, request), form, signature):
            log.warning("whatsapp: bad signature refused", extra={"path": request.url.path})
            return PlainTextResponse("forbidden", 403)
        return form

    async def webhook(self, request: Request) -> Response:
        """Checked, stored, acknowledged: the answer comes later, through the Messages API."""
        form = await self._signed_form(request)
        if isinstance(form, Response):
            return form
        try:
            inbound = parse_inbound(form, self.fetcher, self.services.clock())
        except BadRequest as exc:
            log.warning("whatsapp: message refused", extra={"reason": exc.reason})
            return PlainTextResponse("bad request", 400)
        fields = json.dumps(inbound_fields(form)).encode()
        try:
            await self.inbox.put(inbound.message_sid, inbound.incoming.chat, fields)
        except Exception:
            # Not stored, so not acknowledged: Twilio tries again.
            log.exception("whatsapp: message not stored")
            return PlainTextResponse("unavailable", 503)
        return Response(empty_twiml(), media_type=XML)

    async def process(self, payload: bytes) -> None:
        """One stored message: handled, answered through the Messages API."""
        inbound = parse_inbound(json.loads(payload), self.fetcher, self.services.clock())
        msg = inbound.incoming
        who = self.services.pseudonyms.of(msg.identity)
        try:
            messages = await self._answer(inbound, who)
        except Exception:
            log.exception("whatsapp: handling failed", extra={"who": who[:12]})
            messages = await self._messages([Reply("error")], self.services.default_locale)
        finally:
            if inbound.media is not None:
                await inbound.media.close()
        result = await self.sender.reply(msg.chat, messages)
        if result.status is not SendStatus.SENT:
            log.warning("whatsapp: reply not sent", extra={"error": result.error})

    async def _answer(self, inbound: Inbound, who: str) -> list[dict[str, Any]]:
        db, msg, now = self.services.db, inbound.incoming, self.services.clock()
        await whatsapp.touch_window(db, who, now)
        await subscribers.touch_inbound(db, "whatsapp", msg.chat, now)
        metrics.inc("asnbot_messages_total", "Messages handled", channel="whatsapp")
        if inbound.too_many_media:
            log.info(
                "whatsapp: too many media", extra={"who": who[:12], "media": inbound.media_count}
            )
            replies = [
                Reply("whatsapp_too_many_media", {"limit": MAX_MEDIA, "count": inbound.media_count})
            ]
            return await self._messages(replies, await self._locale(who))
        outs = await self.app.dispatcher.handle(msg, numbered=True)
        return await self._requests(outs, await self._locale(who))

    async def status(self, request: Request) -> Response:
        form = await self._signed_form(request)
        if isinstance(form, Response):
            return form
        sid, state = str(form.get("MessageSid") or ""), str(form.get("MessageStatus") or "")
        code = str(form.get("ErrorCode") or "")
        if not MESSAGE_SID.fullmatch(sid) or not state.isalpha() or (code and not code.isdecimal()):
            log.warning("whatsapp: bad status callback")
            return PlainTextResponse("bad request", 400)
        found = await outbox.set_delivery(
            self.services.db, sid, state.lower(), f"twilio {code}" if code else None
        )
        if found is not None and code and int(code) in DEACTIVATING:
            channel, chat = found
            reason = DEACTIVATING[int(code)]
            await subscribers.deactivate(
                self.services.db, channel, chat, reason, self.services.clock()
            )
        if code:
            log.info(
                "whatsapp: delivery failed",
                extra={"status": state, "code": code, "known": found is not None},
            )
        return PlainTextResponse("")

    async def media(self, request: Request) -> Response:
        found = await asyncio.to_thread(self.links.open, request.path_params["token"])
        if found is None:
            return PlainTextResponse("not found", 404)
        data, mime = found
        headers = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
        return Response(data, media_type=mime, headers=headers)

    # --- helpers ----------------------------------------------------------

    async def _locale(self, who: str) -> str:
        stored = await conversations.get_locale(self.services.db, who)
        return self.services.renderer.locale(stored or self.services.default_locale)

    async def _messages(self, replies: Sequence[Reply], locale: str) -> list[dict[str, Any]]:
        outs = [self.services.renderer.render(r, locale) for r in replies]
        return await self._requests(outs, locale)

    async def _requests(self, outs: Sequence[Outgoing], locale: str) -> list[dict[str, Any]]:
        renderer = self.services.renderer

        def choices(buttons: Sequence[Button]) -> str:
            labels = [b.label for b in buttons]
            return to_whatsapp(renderer.text("whatsapp_choices", {"labels": labels}, locale))

        # Off the event loop: photos are encrypted and written to disk.
        return await asyncio.to_thread(reply_messages, outs, choices, self.media_url)

    async def _tidy_forever(self) -> None:
        while True:
            try:
                await self.tidy()
            except Exception:
                log.exception("whatsapp: housekeeping failed")
            await asyncio.sleep(HOUSEKEEPING_EVERY)

    async def tidy(self) -> int:
        """Purges expired photo links and windows past use."""
        removed = await asyncio.to_thread(self.links.purge)
        before = self.services.clock() - KEEP_WINDOWS
        return removed + await whatsapp.purge(self.services.db, before)


def whatsapp_component(app: App) -> WhatsAppComponent | None:
    """The component when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and from_number are set."""
    return WhatsAppComponent(app) if app.settings.whatsapp_enabled else None
