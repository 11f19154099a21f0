"""The console channel: one message per line on stdin, replies on stdout.

Same router, handlers and storage as every other channel; the identity is
``console:<ID>``. A line ``/photo PATH`` sends that file as a photo.
"""

from __future__ import annotations

import io
import mimetypes
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from handlers.markup import to_plain
from handlers.messages import Attachment, Incoming, Outgoing, clean_text

MAX_PHOTO_BYTES = 25 * 1024 * 1024


def photo_attachment(path_text: str) -> Attachment | None:
    path = Path(path_text.strip()).expanduser()
    if not path.is_file():
        return None
    size = path.stat().st_size
    mime = mimetypes.guess_type(path.name)[0]

    async def fetch() -> bytes:
        with path.open("rb") as fh:
            return fh.read(MAX_PHOTO_BYTES + 1)

    return Attachment(kind="photo", mime=mime, size=size, fetch=fetch)


def to_incoming(line: str, identity: str, now_iso: object = None) -> Incoming:
    text = clean_text(line.rstrip("\n"))
    if text.startswith("/photo"):
        rest = text.removeprefix("/photo").strip()
        attachment = photo_attachment(rest) if rest else None
        if attachment is not None:
            return Incoming("console", identity, identity, attachments=(attachment,))
        return Incoming("console", identity, identity, text="/photo")
    return Incoming("console", identity, identity, text=text)


def format_outgoing(out: Outgoing) -> str:
    lines = [to_plain(out.text)]
    if out.buttons:
        lines.append("  " + "  ".join(f"[{i}] {b.label}" for i, b in enumerate(out.buttons, 1)))
    for photo in out.photos:
        lines.append(f"  (foto: {photo.mime}, {len(photo.data)} byte)")
    for doc in out.documents:
        lines.append(f"  (berkas: {doc.filename}, {len(doc.data)} byte)")
    return "\n".join(lines)


def read_lines(stream: TextIO | io.BufferedReader) -> Iterable[str]:
    """Lines from stdin; invalid UTF-8 is replaced, never fatal."""
    binary = getattr(stream, "buffer", stream)
    for raw in binary:
        yield raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw


def stdin_lines() -> Iterable[str]:
    return read_lines(sys.stdin)
