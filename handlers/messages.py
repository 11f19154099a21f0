"""The one message type every channel speaks: ``Incoming`` in, ``Reply`` out.

Standard library only. No raw platform payload travels inward: it would carry
personal data (names, usernames, phone numbers) and couple handlers to one SDK.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Characters that must never reach templates, logs or the database: NUL and
# other C0 controls (but tab and newline), DEL, the private-use block the
# renderer uses as its own markers, and unpaired surrogates from bad decoding.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff\ud800-\udfff]")

MAX_TEXT_CHARS = 20_000  # one message longer than this is cut, never rejected


def clean_text(text: str | None) -> str:
    """User text made safe to store and render; length capped."""
    if not text:
        return ""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))[:MAX_TEXT_CHARS]


Fetcher = Callable[[], Awaitable[bytes]]


class AttachmentTooLarge(Exception):
    """Raised by a ``Fetcher``: the file turned out larger than the channel's ``limit``
    (whatever the platform declared); nothing more was downloaded."""

    def __init__(self, size: int | None = None, limit: int | None = None) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit


@dataclass(frozen=True)
class Attachment:
    """A file the user sent, fetched lazily so nothing is downloaded in vain."""

    kind: str  # "photo" (sent as a photo), "document" (sent as a file), "other"
    mime: str | None = None
    size: int | None = None  # declared size in bytes, when the platform says
    fetch: Fetcher | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Incoming:
    """One message from a person, whatever the channel."""

    channel: str  # "console" | "telegram" | "whatsapp"
    identity: str  # "telegram:<user id>", "whatsapp:+62…", "console:<id>"
    chat: str  # where replies go (a chat id); differs from identity in groups
    text: str = ""
    payload: str | None = None  # a pressed button's payload
    attachments: tuple[Attachment, ...] = ()
    locale: str | None = None  # the platform's language hint, e.g. "en"
    received_at: datetime | None = None
    is_group: bool = False
    addressed: bool = True  # in a group: was the bot mentioned or commanded
    # Filled by the router's parser, not by channels: one place reads commands.
    command: str | None = None  # canonical name, e.g. "lapor" for /report
    args: str = ""

    @property
    def has_content(self) -> bool:
        return bool(self.text.strip() or self.attachments or self.payload)


@dataclass(frozen=True)
class Choice:
    """A button. ``label`` is a key in the locale's labels file unless ``literal``."""

    payload: str
    label: str
    literal: bool = False  # label is data (e.g. a question title), not a label key
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Photo:
    """A picture to send: clean image bytes (never the user's original file)."""

    data: bytes
    mime: str = "image/jpeg"
    caption_template: str | None = None


@dataclass(frozen=True)
class Document:
    """A file to send, e.g. a CSV export."""

    data: bytes
    filename: str
    mime: str = "text/csv"


@dataclass(frozen=True)
class Reply:
    """What a handler wants said: a template, its context, and buttons."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    photos: tuple[Photo, ...] = ()
    documents: tuple[Document, ...] = ()
    # A line under the text, from its own template: e.g. "you are writing a report,
    # /kirim or /batal" under whatever a step of the tip flow says.
    footer: Reply | None = None


@dataclass(frozen=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True)
class Outgoing:
    """A rendered reply: light markup with user text marked as literal."""

    text: str
    buttons: tuple[Button, ...] = ()
    photos: tuple[Photo, ...] = ()
    documents: tuple[Document, ...] = ()
