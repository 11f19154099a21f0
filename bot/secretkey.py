"""The one secret: from ASNBOT_SECRET_KEY, or a local key file for the embedded default."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.config import ConfigError, Settings
from storage.keys import MIN_SECRET_CHARS


@dataclass(frozen=True)
class SecretKey:
    value: str
    generated_at: Path | None = None  # set when a local key file was just created


def resolve(settings: Settings) -> SecretKey:
    """The secret key, or a ConfigError saying exactly what to set."""
    value = settings.secrets.secret_key
    if value:
        if len(value) < MIN_SECRET_CHARS:
            raise ConfigError(
                f"ASNBOT_SECRET_KEY: must have at least {MIN_SECRET_CHARS} characters"
            )
        return SecretKey(value)
    url = settings.storage.url
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        raise ConfigError(
            "ASNBOT_SECRET_KEY: not set; it is required for any storage but the embedded default "
            "(make one: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    # Embedded default: keep a generated key beside the database, readable by us only.
    key_file = Path(url.removeprefix("sqlite:///").split("?", 1)[0]).parent / "secret.key"
    if key_file.exists():
        text = key_file.read_text().strip()
        if len(text) < MIN_SECRET_CHARS:
            raise ConfigError(f"{key_file}: the key file is damaged (too short)")
        return SecretKey(text)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(value + "\n")
    return SecretKey(value, generated_at=key_file)
