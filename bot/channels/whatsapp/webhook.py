"""Twilio's webhook requests: parsing, the signature check, and the shape of replies.

Nothing here touches the database. What Twilio sends beyond what the bot
needs (``ProfileName``, ``WaId``, locations…) is never read, so it can never be
stored or logged: ``inbound_fields`` is all the inbox keeps of a request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import FormData
from starlette.requests import Request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels.body import BodyTooLarge, read_capped
from bot.channels.whatsapp.media import MediaFetcher
from bot.channels.whatsapp.prefetch import MediaBatch
from handlers.markup import split_text, to_whatsapp
from handlers.messages import Button, Incoming, Outgoing, clean_text

MAX_FORM_BYTES = 64 * 1024  # Twilio's forms are a few kB; anything bigger is not Twilio
MAX_FIELDS = 200
MAX_MEDIA = 10  # Twilio's own maximum per message
# Twilio caps a body at 1,600 characters, counted in UTF-16 units: emoji count twice,
# so Python's count keeps a margin.
BODY_LIMIT = 1500
MAX_CHUNKS_PER_REPLY = 3
MAX_MESSAGES = 10  # per webhook response, photos included

ADDRESS = re.compile(r"whatsapp:\+[1-9][0-9]{6,14}")
MESSAGE_SID = re.compile(r"[A-Z]{2}[0-9a-f]{32}")


class BadRequest(Exception):
    """Not a request Twilio would send; ``reason`` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def read_form(request: Request) -> FormData:
    """The url-encoded form, size-capped and strictly UTF-8, or BadRequest."""
    ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise BadRequest("content type")
    try:
        body = await read_capped(request, MAX_FORM_BYTES)
    except BodyTooLarge:
        raise BadRequest("too large") from None
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("malformed form") from None
    return FormData(pairs)


def signed_url(public_url: str, request: Request) -> str:
    """The URL Twilio signed: the public base (not the local one behind a proxy) + path + query."""
    url = public_url.rstrip("/") + request.url.path
    query = request.url.query
    return f"{url}?{query}" if query else url


def signature_ok(validator: RequestValidator, url: str, form: FormData, signature: str) -> bool:
    if not signature:
        return False
    return bool(validator.validate(url, form, signature))


@dataclass(frozen=True)
class Inbound:
    """One parsed inbound message, plus what the webhook itself must know."""

    message_sid: str
    incoming: Incoming
    media_count: int = 0
    media: MediaBatch | None = None  # closed once the message is answered

    @property
    def too_many_media(self) -> bool:
        return self.media_count > MAX_MEDIA


_READ = ("MessageSid", "SmsMessageSid", "From", "NumMedia", "Body", "ButtonPayload")


def inbound_fields(form: Mapping[str, Any]) -> dict[str, str]:
    """The fields ``parse_inbound`` reads, and nothing else (no profile name, no WaId)."""
    count = str(form.get("NumMedia") or "0")
    media = int(count) if count.isdecimal() and int(count) <= MAX_MEDIA else 0
    names = [*_READ, *(f"{p}{i}" for i in range(media) for p in ("MediaUrl", "MediaContentType"))]
    return {n: str(form[n]) for n in names if isinstance(form.get(n), str)}


def parse_inbound(form: Mapping[str, Any], fetcher: MediaFetcher, now: datetime) -> Inbound:
    """Twilio's form fields into ``Incoming``; BadRequest for what Twilio would never send."""
    sid = form.get("MessageSid") or form.get("SmsMessageSid") or ""
    if not isinstance(sid, str) or not MESSAGE_SID.fullmatch(sid):
        raise BadRequest("message sid")
    sender = form.get("From") or ""
    if not isinstance(sender, str) or not ADDRESS.fullmatch(sender):
        raise BadRequest("not a whatsapp sender")
    declared = str(form.get("NumMedia") or "0")
    if not declared.isdecimal() or len(declared) > 4:
        raise BadRequest("media count")
    count = int(declared)
    media: list[tuple[str, str | None]] = []
    if count <= MAX_MEDIA:
        for i in range(count):
            url = form.get(f"MediaUrl{i}")
            if not isinstance(url, str) or not url:
                raise BadRequest("media url missing")
            mime = form.get(f"MediaContentType{i}")
            media.append((url, mime if isinstance(mime, str) and mime else None))
    batch = fetcher.batch(media) if media else None
    payload = clean_text(str(form.get("ButtonPayload") or "")).strip()[:64] or None
    incoming = Incoming(
        channel="whatsapp",
        identity=sender,
        chat=sender,
        text=clean_text(str(form.get("Body") or "")),
        payload=payload,
        attachments=batch.attachments() if batch else (),
        received_at=now,
    )
    return Inbound(sid, incoming, media_count=count, media=batch)


ChoicesText = Callable[[Sequence[Button]], str]
MediaUrl = Callable[[bytes, str], str]


def message_bodies(out: Outgoing, choices: str = "") -> list[str]:
    """One reply's text as WhatsApp bodies under the limit, the numbered choices kept last."""
    chunks = split_text(to_whatsapp(out.text), BODY_LIMIT)
    if len(chunks) > MAX_CHUNKS_PER_REPLY:
        chunks = chunks[:MAX_CHUNKS_PER_REPLY]
        chunks[-1] = chunks[-1][: BODY_LIMIT - 1].rstrip() + "…"
    if choices:
        if len(chunks[-1]) + 2 + len(choices) <= BODY_LIMIT:
            chunks[-1] = f"{chunks[-1]}\n\n{choices}".strip()
        else:
            chunks.append(choices[:BODY_LIMIT])
    return [c for c in chunks if c]


def reply_messages(
    outs: Sequence[Outgoing], choices_text: ChoicesText, media_url: MediaUrl
) -> list[dict[str, Any]]:
    """The replies as Messages API requests, in order: bodies first, then one message per
    photo (WhatsApp takes one each). Blocking: a photo is written to disk for its link.

    Only the last reply with buttons gets numbers: that is the list dispatch remembers.
    """
    numbered = max((i for i, o in enumerate(outs) if o.buttons), default=-1)
    messages: list[dict[str, Any]] = []
    for i, out in enumerate(outs):
        choices = choices_text(out.buttons) if i == numbered else ""
        messages.extend({"body": body} for body in message_bodies(out, choices))
        for item in (*out.photos, *out.documents):
            if len(messages) < MAX_MESSAGES:  # no link made for what is not sent
                messages.append({"media_url": [media_url(item.data, item.mime)]})
    return messages[:MAX_MESSAGES]


def empty_twiml() -> str:
    """The webhook's answer: nothing to say in it, the replies go through the Messages API."""
    return str(MessagingResponse())
