"""Encryption at rest: AES-GCM under a versioned key derived from the one secret.

Every ciphertext starts with its key version (``v3:…``), so ``asnbot keys
rotate`` can move everything to a new version, derived from a new secret or
from the same secret with a new purpose. The ``purpose`` (e.g. "tip.body")
is bound in as associated data: a ciphertext moved to another column fails.
The receipt-code key is random and stored sealed, so receipt codes still
work after the secret changes (an HMAC cannot be re-keyed without its input).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.keys import derive
from storage.models import VaultState

_NONCE = 12
_CHECK = b"asnbot vault key check"


class VaultError(RuntimeError):
    """Data at rest cannot be opened with this secret; the message is safe to print."""


def data_key(secret: str, version: int) -> bytes:
    return derive(secret, f"tips-v{version}")


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Vault:
    key: bytes
    version: int
    receipt_key: bytes

    def seal(self, data: bytes, purpose: str) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # loaded on first use

        nonce = os.urandom(_NONCE)
        body = AESGCM(self.key).encrypt(nonce, data, purpose.encode())
        return f"v{self.version}:".encode() + nonce + body

    def open(self, blob: bytes, purpose: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        head, sep, rest = blob.partition(b":")
        if not sep or head != f"v{self.version}".encode() or len(rest) <= _NONCE:
            raise VaultError(f"sealed with key {head[:8]!r}, this vault holds v{self.version}")
        try:
            return AESGCM(self.key).decrypt(rest[:_NONCE], rest[_NONCE:], purpose.encode())
        except InvalidTag:
            raise VaultError("ciphertext does not open (wrong key, purpose or damage)") from None

    def seal_text(self, text: str, purpose: str) -> str:
        blob = self.seal(text.encode("utf-8"), purpose)
        head, _, rest = blob.partition(b":")
        return f"{head.decode()}:{base64.urlsafe_b64encode(rest).decode()}"

    def open_text(self, token: str, purpose: str) -> str:
        head, sep, rest = token.partition(":")
        if not sep:
            raise VaultError("not a sealed value")
        raw = f"{head}:".encode() + base64.urlsafe_b64decode(rest.encode())
        return self.open(raw, purpose).decode("utf-8")

    def seal_json(self, value: Any, purpose: str) -> str:
        return self.seal_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), purpose)

    def open_json(self, token: str, purpose: str) -> Any:
        return json.loads(self.open_text(token, purpose))

    def seal_optional(self, text: str | None, purpose: str) -> str | None:
        return self.seal_text(text, purpose) if text else None

    def open_optional(self, token: str | None, purpose: str) -> str | None:
        return self.open_text(token, purpose) if token else None

    def keyed_hash(self, text: str) -> str:
        """A receipt code's stored form: an HMAC nobody can compute without the key."""
        return hmac.new(self.receipt_key, text.encode(), hashlib.sha256).hexdigest()

    def with_key(self, key: bytes, version: int) -> Vault:
        return Vault(key, version, self.receipt_key)


RECEIPT_PURPOSE = "vault.receipt_key"


def _open_vault(db: Database, secret: str, now: datetime) -> Vault:
    with db.write() as s:
        row = s.get(VaultState, 1)
        if row is None:
            key = data_key(secret, 1)
            vault = Vault(key, 1, secrets.token_bytes(32))
            sealed = vault.seal_text(vault.receipt_key.hex(), RECEIPT_PURPOSE)
            s.add(
                VaultState(
                    id=1, version=1, key_check=key_check(key), receipt_key=sealed, rotated_at=now
                )
            )
            return vault
        key = data_key(secret, row.version)
        if not hmac.compare_digest(key_check(key), row.key_check):
            raise VaultError(
                "ASNBOT_SECRET_KEY does not open the stored tips: it is not the secret they were "
                "encrypted with (after `asnbot keys rotate`, set the new secret)"
            )
        partial = Vault(key, row.version, b"")
        receipt = bytes.fromhex(partial.open_text(row.receipt_key, RECEIPT_PURPOSE))
        return Vault(key, row.version, receipt)


def open_vault(db: Database, secret: str, now: datetime) -> Vault:
    """The vault for this secret, created on first use; VaultError if the secret is wrong."""
    try:
        return _open_vault(db, secret, now)
    except IntegrityError:
        # Workers started together on an empty database: another one created the vault
        # between our read and our insert. Read theirs (and check the secret against it).
        return _open_vault(db, secret, now)
