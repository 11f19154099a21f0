"""The console channel: one message per line on stdin, replies on stdout.

Same router, handlers and storage as every other channel; the identity is
``console:<ID>``. A line ``/photo PATH`` sends that file as a photo. What a
terminal cannot show (photos, CSV exports, charts) is written to a folder of
files only we can read (``[console] out_dir``), and their paths are printed.
"""

from __future__ import annotations

import io
import mimetypes
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from handlers.markup import to_plain
from handlers.messages import Attachment, Incoming, Outgoing, Photo, clean_text

MAX_PHOTO_BYTES = 25 * 1024 * 1024


PHOTO_COMMAND = "/photo"
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class ConsoleFiles:
    """The folder the console writes documents and photos to: mode 0700, files 0600."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def save(self, name: str, data: bytes) -> Path:
        """Writes ``data`` under ``name`` (never over an existing file); returns the path."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        base = Path(Path(name).name or "berkas")
        path, n = self.folder / base, 1
        while True:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:
                path = self.folder / f"{base.stem}-{n}{base.suffix}"
                n += 1
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return path

    def save_photo(self, photo: Photo) -> Path:
        return self.save(f"foto{_EXTENSIONS.get(photo.mime, '.bin')}", photo.data)


def photo_path(text: str) -> str | None:
    """The PATH of a ``/photo PATH`` line ("" when missing); None for any other line."""
    head, _, rest = text.partition(" ")
    return rest.strip() if head == PHOTO_COMMAND else None


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


def to_incoming(line: str, identity: str) -> Incoming | None:
    """The message a line means; None for a ``/photo`` line whose file cannot be read."""
    text = clean_text(line.rstrip("\n"))
    path = photo_path(text)
    if path is None:
        return Incoming("console", identity, identity, text=text)
    attachment = photo_attachment(path) if path else None
    if attachment is None:
        return None
    return Incoming("console", identity, identity, attachments=(attachment,))


def format_outgoing(out: Outgoing, files: ConsoleFiles) -> str:
    """The reply as plain text; its photos and documents saved, their paths shown."""
    lines = [to_plain(out.text)]
    if out.buttons:
        lines.append("  " + "  ".join(f"[{i}] {b.label}" for i, b in enumerate(out.buttons, 1)))
    for photo in out.photos:
        lines.append(f"  (foto: {files.save_photo(photo)}, {len(photo.data)} byte)")
    for doc in out.documents:
        lines.append(f"  (berkas: {files.save(doc.filename, doc.data)}, {len(doc.data)} byte)")
    return "\n".join(lines)


def read_lines(stream: TextIO | io.BufferedReader) -> Iterable[str]:
    """Lines from stdin; invalid UTF-8 is replaced, never fatal."""
    binary = getattr(stream, "buffer", stream)
    for raw in binary:
        yield raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw


def stdin_lines() -> Iterable[str]:
    return read_lines(sys.stdin)
