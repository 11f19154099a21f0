"""Media both ways: downloads from Twilio, and signed links for photos we send.

Incoming photos are fetched lazily, with Twilio's basic auth, only from
Twilio's hosts (and the configured API host), with redirects checked hop by
hop and the size capped while streaming. Outgoing photos must be reachable
by URL (WhatsApp has no upload): they are stored encrypted under a random
name and served for a few minutes to whoever holds an HMAC-signed token.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import httpx
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.channels.whatsapp.prefetch import TOO_LARGE, MediaBatch
from storage.keys import derive

# Twilio's API answers media requests itself, then redirects to its CDN.
TWILIO_API_HOSTS = frozenset({"api.twilio.com"})
TWILIO_CDN_SUFFIX = ".twiliocdn.com"
MAX_REDIRECTS = 3
_DEFAULT_PORTS = {"http": 80, "https": 443}


class MediaFetchError(OSError):
    """A media item could not be fetched; ``reason`` is short and holds no personal data."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _origin(url: httpx.URL) -> tuple[str, str, int]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme, 0)


class MediaFetcher:
    """Downloads ``MediaUrlN`` for the handlers, never from a host we do not trust."""

    def __init__(
        self,
        api_base_url: str,
        account_sid: str,
        auth_token: str,
        *,
        max_bytes: int,
        timeout: float,
        downloads: int = 4,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._api = _origin(httpx.URL(api_base_url))
        # Downloads at once across every message this process handles.
        self._slots = asyncio.Semaphore(downloads)
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self.max_bytes = max_bytes
        self.timeout = timeout
        # Redirects are followed by hand, so every hop's host is checked first.
        self._client = client or httpx.AsyncClient(follow_redirects=False, timeout=timeout)

    def allowed(self, url: httpx.URL) -> bool:
        if _origin(url) == self._api:
            return True
        if url.scheme != "https" or _origin(url)[2] != 443:
            return False
        return url.host in TWILIO_API_HOSTS or url.host.endswith(TWILIO_CDN_SUFFIX)

    def _auth_for(self, url: httpx.URL) -> httpx.BasicAuth | None:
        # Credentials go to Twilio's API only, never to the CDN's signed URLs.
        if _origin(url) == self._api or (url.scheme == "https" and url.host in TWILIO_API_HOSTS):
            return self._auth
        return None

    def batch(self, media: Sequence[tuple[str, str | None]]) -> MediaBatch:
        """One message's media ``(url, content type)``, fetched in parallel on first demand."""
        return MediaBatch(self.fetch, media, self._slots, self.max_bytes)

    async def fetch(self, url: str) -> bytes:
        """The item's bytes, or MediaFetchError (refused host, too big, too slow, HTTP error)."""
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError):
            raise MediaFetchError("bad url") from None
        try:
            async with asyncio.timeout(self.timeout):
                return await self._fetch(target)
        except TimeoutError:
            raise MediaFetchError("timeout") from None
        except httpx.HTTPError as exc:
            raise MediaFetchError(exc.__class__.__name__) from None

    async def _fetch(self, url: httpx.URL) -> bytes:
        for _hop in range(MAX_REDIRECTS + 1):
            if not self.allowed(url):
                raise MediaFetchError("host not allowed")
            async with self._client.stream("GET", url, auth=self._auth_for(url)) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise MediaFetchError("redirect without location")
                    url = url.join(location)
                    continue
                if resp.status_code != 200:
                    raise MediaFetchError(f"http {resp.status_code}")
                declared = resp.headers.get("content-length", "")
                if declared.isdecimal() and int(declared) > self.max_bytes:
                    raise MediaFetchError(TOO_LARGE)
                data = bytearray()
                async for chunk in resp.aiter_bytes():
                    data += chunk
                    if len(data) > self.max_bytes:
                        raise MediaFetchError(TOO_LARGE)
                return bytes(data)
        raise MediaFetchError("too many redirects")

    async def aclose(self) -> None:
        await self._client.aclose()


_ID_BYTES = 16
_MAC_BYTES = 16
_TOKEN_BYTES = _ID_BYTES + 8 + _MAC_BYTES


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        return None


class MediaLinks:
    """Encrypted files under ``directory``, each readable through one short-lived token."""

    def __init__(
        self, directory: Path, secret: str, ttl_seconds: int, clock: Callable[[], datetime]
    ) -> None:
        key = derive(secret, "media-url", length=64)
        self._mac_key = key[:32]
        self._aead = AESGCM(key[32:])
        self.directory = directory
        self.ttl = ttl_seconds
        self.clock = clock

    def _mac(self, head: bytes) -> bytes:
        return hmac.new(self._mac_key, head, hashlib.sha256).digest()[:_MAC_BYTES]

    @staticmethod
    def _name(file_id: bytes, expires: int) -> str:
        # The expiry is in the name so purging needs no database and no decryption.
        return f"{expires}-{file_id.hex()}.bin"

    def put(self, data: bytes, mime: str) -> str:
        """Stores ``data``; returns the token that reads it until the TTL runs out."""
        file_id = secrets.token_bytes(_ID_BYTES)
        expires = int(self.clock().timestamp()) + self.ttl
        name = self._name(file_id, expires)
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, mime.encode() + b"\n" + data, name.encode())
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f".{name}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(nonce + sealed)
        tmp.replace(self.directory / name)
        head = file_id + expires.to_bytes(8, "big")
        return _b64(head + self._mac(head))

    def open(self, token: str) -> tuple[bytes, str] | None:
        """(data, mime) for a valid, unexpired token; None for anything else."""
        raw = _unb64(token) if len(token) <= 64 else None
        if raw is None or len(raw) != _TOKEN_BYTES:
            return None
        head, mac = raw[: _ID_BYTES + 8], raw[_ID_BYTES + 8 :]
        if not hmac.compare_digest(mac, self._mac(head)):
            return None
        expires = int.from_bytes(head[_ID_BYTES:], "big")
        if expires <= self.clock().timestamp():
            return None
        name = self._name(head[:_ID_BYTES], expires)
        try:
            blob = (self.directory / name).read_bytes()
            plain = self._aead.decrypt(blob[:12], blob[12:], name.encode())
        except (OSError, InvalidTag, ValueError):
            return None
        mime, _, data = plain.partition(b"\n")
        return data, mime.decode()

    def purge(self) -> int:
        """Deletes expired files (and leftovers of interrupted writes); returns how many."""
        if not self.directory.is_dir():
            return 0
        now = self.clock().timestamp()
        removed = 0
        for path in self.directory.iterdir():
            stem = path.name.lstrip(".").split("-", 1)[0]
            if stem.isdecimal() and int(stem) <= now:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
