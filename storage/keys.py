"""Keys derived from the one secret (ASNBOT_SECRET_KEY), and pseudonyms.

A pseudonym is an HMAC of a platform identity: stable, so state and rate
limits follow a person, but useless to anyone without the secret.
"""

from __future__ import annotations

import hashlib
import hmac

MIN_SECRET_CHARS = 32


def derive(secret: str, purpose: str, length: int = 32) -> bytes:
    """A key for one purpose ("pseudonym", "tips-v1", …); purposes never share keys."""
    if len(secret) < MIN_SECRET_CHARS:
        raise ValueError(f"the secret key must have at least {MIN_SECRET_CHARS} characters")
    # Imported here: commands that never derive a key (asnbot ask) do not load cryptography.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(),
        length=length,
        salt=b"asnbot",
        info=purpose.encode(),
    ).derive(secret.encode())


class Pseudonyms:
    def __init__(self, secret: str) -> None:
        self._key = derive(secret, "pseudonym")

    def of(self, identity: str) -> str:
        return hmac.new(self._key, identity.encode(), hashlib.sha256).hexdigest()[:40]
