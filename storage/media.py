"""Encrypted photo files under ``media_dir``: random names, sealed bytes, nothing else.

Only clean images (see ``storage.images``) are ever written; the original
upload never touches the disk.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from storage.vault import Vault

PURPOSE = "tip.media"
MEDIA_NAME = re.compile(r"^[0-9a-f]{32}\.bin$")


@dataclass(frozen=True)
class StoredFile:
    name: str
    sha256: str  # of the clean image, not of the ciphertext
    size: int


class MediaStore:
    def __init__(self, root: str | Path, vault: Vault) -> None:
        self.root = Path(root)
        self.vault = vault

    def _path(self, name: str) -> Path:
        if not MEDIA_NAME.match(name):  # never let a stored name walk out of the folder
            raise ValueError("not a media file name")
        return self.root / name

    def put(self, clean: bytes) -> StoredFile:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = f"{secrets.token_hex(16)}.bin"
        self.write_file(self._path(name), self.vault.seal(clean, PURPOSE))
        return StoredFile(name, hashlib.sha256(clean).hexdigest(), len(clean))

    def get(self, name: str) -> bytes:
        return self.vault.open(self._path(name).read_bytes(), PURPOSE)

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def delete(self, name: str) -> bool:
        try:
            self._path(name).unlink()
            return True
        except FileNotFoundError:
            return False

    def names(self) -> list[str]:
        """Every photo file in the folder (whatever their age: the tables say that)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if MEDIA_NAME.match(p.name))

    @staticmethod
    def write_file(path: Path, data: bytes) -> None:
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
