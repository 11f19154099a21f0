"""Button payloads too long for a platform's limit, kept under a short stable key.

The key is derived from the payload itself, so pressing an old button works
after a restart or on another worker, and the table never grows beyond the
number of distinct long payloads.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from storage.db import Database, off_loop
from storage.grain import floor_hour
from storage.models import CallbackPayload

PREFIX = "~"  # no handler payload starts with it


def key_of(payload: str) -> str:
    digest = hashlib.sha256(payload.encode()).digest()[:12]
    return PREFIX + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def is_key(data: str) -> bool:
    return data.startswith(PREFIX) and len(data) <= 24


def _shorten(db: Database, payload: str, now: datetime) -> str:
    """A short key standing for ``payload``; stored once, found again by ``expand``."""

    key = key_of(payload)
    try:
        with db.write() as s:
            if s.get(CallbackPayload, key) is None:
                # Kept to the hour: the moment a button was first shown to someone is theirs.
                s.add(CallbackPayload(key=key, payload=payload, created_at=floor_hour(now)))
    except IntegrityError:
        pass  # another worker stored the same payload under the same key first
    return key


def _expand(db: Database, key: str) -> str | None:
    """The payload behind ``key``, or None if it was never stored here."""

    with db.read() as s:
        row = s.get(CallbackPayload, key)
        return row.payload if row is not None else None


shorten = off_loop(_shorten)
expand = off_loop(_expand)
