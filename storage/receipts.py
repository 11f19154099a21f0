"""Receipt codes: 60 random bits as Crockford base32 ``XXXX-XXXX-XXXX``.

Only a keyed hash of a code is stored (``Vault.keyed_hash``). Reading is
forgiving the way Crockford meant: any case, dashes and spaces optional,
I and L read as 1, O as 0.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BITS = 60
LENGTH = BITS // 5  # 12 characters
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
_SEPARATORS = str.maketrans("", "", "- _.\u2010\u2011\u2012\u2013\u2014")


def new_code() -> str:
    """A fresh code, grouped for reading: ``7G2K-Q9XM-4RTA``."""
    value = secrets.randbits(BITS)
    chars = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(LENGTH)))
    return "-".join(chars[i : i + 4] for i in range(0, LENGTH, 4))


def normalize(text: str) -> str | None:
    """The canonical 12 characters of a typed code, or None if it cannot be one."""
    bare = text.strip().upper().translate(_SEPARATORS).translate(_READ_AS)
    if len(bare) != LENGTH or any(ch not in ALPHABET for ch in bare):
        return None
    return bare
