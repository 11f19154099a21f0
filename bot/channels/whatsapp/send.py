"""Pushed WhatsApp messages (reminders, broadcasts, alerts) through Twilio's REST API.

WhatsApp allows free text only within 24 hours of the person's last message;
outside that window only an approved Content template may be sent, so each
kind of pushed message maps to one in ``[whatsapp.templates]``. Calls go
through twilio's own asynchronous client (``create_async`` on aiohttp): on
the broadcast bench its synchronous client on worker threads moved ~1,200
messages/s against a local server, the asynchronous one ~3,800.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from bot.channels.base import SendResult, SendStatus
from bot.channels.whatsapp.webhook import ADDRESS, MAX_MESSAGES, message_bodies
from bot.delivery import Pacer
from handlers.markup import to_whatsapp
from handlers.messages import Outgoing
from storage import whatsapp
from storage.db import Database
from storage.keys import Pseudonyms

log = logging.getLogger(__name__)

# A margin inside WhatsApp's 24 hours: the message must arrive, not just leave, in time.
WINDOW = timedelta(hours=24) - timedelta(minutes=10)
# Template variables may not hold newlines, and the whole template body is capped
# at 1,024 characters: one line, cut well short of that.
VARIABLE_CHARS = 700
REQUEST_TIMEOUT = 15.0
REPLY_TRIES = 3  # a reply hit by a 5xx or a network error is tried again, after 1 s, then 2 s

# Twilio error codes meaning "this number will not get our messages": stop sending.
BLOCKING_CODES: Mapping[int, str] = {
    21211: "invalid number",
    21610: "unsubscribed",
    63003: "unreachable",
    63024: "invalid recipient",
}

MediaUrl = Callable[[bytes, str], str]


def sender_address(number: str) -> str:
    """``+14155238886`` or ``whatsapp:+14155238886`` → the ``whatsapp:`` form Twilio wants."""
    number = number.strip()
    return number if number.startswith("whatsapp:") else f"whatsapp:{number}"


def template_variable(out: Outgoing) -> str:
    """The message as one template variable: one line, cut on a word."""
    text = " ".join(to_whatsapp(out.text).split())
    if len(text) <= VARIABLE_CHARS:
        return text
    cut = text[: VARIABLE_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > VARIABLE_CHARS // 2 else cut).rstrip() + "…"


def result_of(exc: TwilioRestException) -> SendResult:
    """Twilio's error → what the outbox does next. Never the error text: it holds the number."""
    error = f"twilio {exc.status} {exc.code or ''}".strip()
    if exc.status == 429 or exc.status >= 500:
        return SendResult(SendStatus.RETRY, error=error)
    if exc.code in BLOCKING_CODES:
        return SendResult(SendStatus.BLOCKED, error=f"{error} {BLOCKING_CODES[exc.code]}")
    return SendResult(SendStatus.FAILED, error=error)


class WhatsAppSender:
    """The outbox's sender for ``channel="whatsapp"``."""

    channel = "whatsapp"

    def __init__(
        self,
        *,
        db: Database,
        pseudonyms: Pseudonyms,
        clock: Callable[[], datetime],
        account_sid: str,
        auth_token: str,
        from_number: str,
        api_base_url: str,
        status_url: str,
        templates: Mapping[str, str],
        rate_per_second: float,
        media_url: MediaUrl,
        http_client: AsyncTwilioHttpClient | None = None,
    ) -> None:
        self.db = db
        self.pseudonyms = pseudonyms
        self.clock = clock
        self.from_ = sender_address(from_number)
        self.status_url = status_url
        self.templates = {k: v for k, v in templates.items() if v}
        self.rate_per_second = rate_per_second
        # Replies keep to the sender's rate too (the outbox paces pushes on its own).
        self._replies = Pacer(rate_per_second)
        self.media_url = media_url
        self.http = http_client or SharedSession(timeout=REQUEST_TIMEOUT)
        self.client = Client(account_sid, auth_token, http_client=self.http)
        self.client.api.base_url = api_base_url.rstrip("/")

    async def window_open(self, chat: str) -> bool:
        last = await whatsapp.last_inbound(self.db, self.pseudonyms.of(chat))
        return last is not None and self.clock() - last < WINDOW

    async def send(self, chat: str, out: Outgoing, *, kind: str) -> SendResult:
        if not ADDRESS.fullmatch(chat):
            return SendResult(SendStatus.FAILED, error="not a whatsapp address")
        if await self.window_open(chat):
            requests = await self._free_form(out)
        else:
            content_sid = self.templates.get(kind)
            if not content_sid:
                log.warning(
                    "whatsapp: no template outside the 24-hour window", extra={"kind": kind}
                )
                return SendResult(
                    SendStatus.FAILED,
                    error=f"outside the 24-hour window and no [whatsapp.templates] {kind}"[:200],
                )
            variables = json.dumps({"1": template_variable(out)}, ensure_ascii=False)
            requests = [{"content_sid": content_sid, "content_variables": variables}]
        first: str | None = None
        for params in requests:
            result = await self._create(chat, params)
            if result.status is not SendStatus.SENT:
                return result
            first = first or result.provider_id
        # The first message's sid is the one status callbacks are matched against.
        return SendResult(SendStatus.SENT, provider_id=first)

    async def _free_form(self, out: Outgoing) -> list[dict[str, Any]]:
        # Buttons are not offered: a pushed list could not be answered by number.
        requests: list[dict[str, Any]] = [{"body": body} for body in message_bodies(out)]
        for item in (*out.photos, *out.documents):
            url = await asyncio.to_thread(self.media_url, item.data, item.mime)
            requests.append({"media_url": [url]})
        return requests[:MAX_MESSAGES]

    async def reply(self, chat: str, messages: Sequence[Mapping[str, Any]]) -> SendResult:
        """Answers an inbound message: free text (the person just wrote), in order.

        Stops at the first message that cannot be sent; its result says why.
        """
        result = SendResult(SendStatus.SENT)
        for params in messages:
            for attempt in range(REPLY_TRIES):
                await self._replies.wait()
                result = await self._create(chat, params)
                if result.status is not SendStatus.RETRY or attempt == REPLY_TRIES - 1:
                    break
                await asyncio.sleep(2**attempt)
            if result.status is not SendStatus.SENT:
                return result
        return result

    async def _create(self, chat: str, params: Mapping[str, Any]) -> SendResult:
        try:
            message = await self.client.messages.create_async(
                to=chat, from_=self.from_, status_callback=self.status_url, **params
            )
        except TwilioRestException as exc:
            return result_of(exc)
        except (TwilioException, OSError, aiohttp.ClientError, TimeoutError) as exc:  # network
            return SendResult(SendStatus.RETRY, error=exc.__class__.__name__)
        return SendResult(SendStatus.SENT, provider_id=message.sid)

    async def aclose(self) -> None:
        """Closes the connections to Twilio (a new send opens them again)."""
        await self.http.close()


class SharedSession(AsyncTwilioHttpClient):
    """twilio's aiohttp client with one session for every request, opened on first use:
    aiohttp wants a running loop for it, and the sender is built before there is one."""

    def __init__(self, timeout: float) -> None:
        super().__init__(pool_connections=False, timeout=timeout)

    async def request(  # type: ignore[override]
        self,
        method: str,
        url: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (twilio's signature)
        allow_redirects: bool = False,
    ) -> Any:
        if self.session is None or self.session.closed:
            self.session = aiohttp.ClientSession()
        if auth is not None:  # as a header: aiohttp deprecates the BasicAuth twilio would make
            headers = {**(headers or {}), "Authorization": _basic(*auth)}
        return await super().request(
            method, url, params, data, headers, None, timeout, allow_redirects
        )


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
