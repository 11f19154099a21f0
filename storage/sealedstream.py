"""A byte stream sealed in AES-GCM frames, written and read without holding it in memory.

Layout: ``MAGIC``, then frames of ``4-byte header + nonce + ciphertext``. The
header is the ciphertext length with its top bit set on the last frame. Each
frame's index and last-flag are bound in as associated data, so frames cannot
be reordered, dropped, or the stream cut short without the reader noticing.
"""

from __future__ import annotations

import io
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"ASNBOT-BACKUP-1\n"
FRAME = 1 << 20
_NONCE = 12
_LAST = 0x8000_0000


class SealedStreamError(ValueError):
    """The stream is not ours, was cut short, or does not open with this key."""


def _aad(index: int, last: bool) -> bytes:
    return MAGIC + struct.pack(">Q?", index, last)


class SealedWriter(io.RawIOBase):
    """File-like: what is written is sealed frame by frame into ``sink``."""

    def __init__(self, sink: BinaryIO, key: bytes) -> None:
        self._sink = sink
        self._aead = AESGCM(key)
        self._buf = bytearray()
        self._index = 0
        sink.write(MAGIC)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self._buf += data
        while len(self._buf) > FRAME:
            self._emit(bytes(self._buf[:FRAME]), last=False)
            del self._buf[:FRAME]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buf), last=True)
            self._buf.clear()
            self._sink.flush()
        super().close()

    def _emit(self, plain: bytes, last: bool) -> None:
        nonce = os.urandom(_NONCE)
        body = self._aead.encrypt(nonce, plain, _aad(self._index, last))
        self._sink.write(struct.pack(">I", len(body) | (_LAST if last else 0)) + nonce + body)
        self._index += 1


class SealedReader(io.RawIOBase):
    """File-like: reads back what a SealedWriter wrote, checking every frame."""

    def __init__(self, source: BinaryIO, key: bytes) -> None:
        self._source = source
        self._aead = AESGCM(key)
        self._plain = b""
        self._index = 0
        self._done = False
        if source.read(len(MAGIC)) != MAGIC:
            raise SealedStreamError("not an asnbot backup file")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._plain and not self._done:
            self._plain = self._next_frame()
        n = min(len(buffer), len(self._plain))
        buffer[:n] = self._plain[:n]
        self._plain = self._plain[n:]
        return n

    def _next_frame(self) -> bytes:
        head = self._source.read(4)
        if len(head) < 4:
            raise SealedStreamError("the backup file is cut short")
        (word,) = struct.unpack(">I", head)
        last, size = bool(word & _LAST), word & ~_LAST
        if size > FRAME + 16:
            raise SealedStreamError("the backup file is damaged (frame too large)")
        nonce = self._source.read(_NONCE)
        body = self._source.read(size)
        if len(nonce) < _NONCE or len(body) < size:
            raise SealedStreamError("the backup file is cut short")
        try:
            plain = self._aead.decrypt(nonce, body, _aad(self._index, last))
        except InvalidTag:
            raise SealedStreamError(
                "the backup does not open: another ASNBOT_SECRET_KEY made it, or it is damaged"
            ) from None
        self._index += 1
        self._done = last
        return plain
