"""Settings: ``config.toml`` parsed into typed dataclasses, overridable by env.

Every key ``[section] key`` may be overridden by ``ASNBOT_<SECTION>_<KEY>``
(lists and tables as JSON). Secrets come only from the environment. A bad
value raises ``ConfigError`` naming the key and what is wrong, in one line.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from handlers.reminders.calendar import Campaign, CampaignError, build, check_against
from handlers.reminders.timing import Policy
from handlers.tips.limits import TipLimits

DEFAULT_CONFIG = Path("config.toml")


class ConfigError(ValueError):
    """One line: which key, what is wrong."""


@dataclass(frozen=True)
class StorageSettings:
    url: str = "sqlite:///data/asnbot.db"
    media_dir: str = "data/media"
    busy_timeout_ms: int = 5000


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8080
    # /metrics on a listener of its own (0: none; then only with ASNBOT_METRICS_TOKEN).
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 0


@dataclass(frozen=True)
class TelegramSettings:
    mode: str = "polling"
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    webhook_url: str = ""
    webhook_secret: str = ""
    max_photo_bytes: int = 10 * 1024 * 1024
    rate_per_second: float = 25.0
    max_retries: int = 3
    retry_backoff_seconds: float = 1.0
    concurrent_updates: int = 16
    request_timeout_seconds: float = 10.0


@dataclass(frozen=True)
class WhatsAppSettings:
    from_number: str = ""
    api_base_url: str = "https://api.twilio.com"
    public_url: str = ""
    max_media_bytes: int = 5 * 1024 * 1024
    media_timeout_seconds: float = 10.0
    media_url_ttl_seconds: int = 300
    rate_per_second: float = 50.0
    concurrent_messages: int = 16
    media_downloads: int = 4
    # Kind of pushed message ("reminder", "broadcast", …) -> Content template SID (HX…).
    templates: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RolesSettings:
    admins: tuple[str, ...] = ()
    hr_officers: tuple[str, ...] = ()
    # HR identity -> the office (BKPSDM) whose staff its broadcasts reach.
    hr_offices: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChatSettings:
    default_locale: str = "id"
    max_text_chars: int = 4000


@dataclass(frozen=True)
class ConsoleSettings:
    out_dir: str = "data/console-out"


@dataclass(frozen=True)
class KnowledgeSettings:
    gap_retention_days: int = 90
    cache_dir: str = "data/cache"


# The [tips] section is the tip flow's own limits type: one definition, no copy.
TipsSettings = TipLimits


@dataclass(frozen=True)
class RemindersSettings:
    local_time: str = "07:30"
    quiet_hours: str = "21:00-06:00"
    every_days: int = 1


@dataclass(frozen=True)
class DeliverySettings:
    batch_size: int = 20
    lease_seconds: int = 120
    concurrency: int = 16
    max_attempts: int = 8
    tick_seconds: int = 60
    keep_sent_days: int = 7


@dataclass(frozen=True)
class InboxSettings:
    lease_seconds: int = 30
    dedupe_days: int = 7


@dataclass(frozen=True)
class LoggingSettings:
    level: str = "INFO"
    format: str = "auto"


@dataclass(frozen=True)
class Secrets:
    """From the environment only; never printed, never logged."""

    telegram_bot_token: str = field(default="", repr=False)
    twilio_account_sid: str = field(default="", repr=False)
    twilio_auth_token: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    metrics_token: str = field(default="", repr=False)


@dataclass(frozen=True)
class Settings:
    storage: StorageSettings = field(default_factory=StorageSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    whatsapp: WhatsAppSettings = field(default_factory=WhatsAppSettings)
    roles: RolesSettings = field(default_factory=RolesSettings)
    chat: ChatSettings = field(default_factory=ChatSettings)
    console: ConsoleSettings = field(default_factory=ConsoleSettings)
    knowledge: KnowledgeSettings = field(default_factory=KnowledgeSettings)
    tips: TipsSettings = field(default_factory=TipsSettings)
    reminders: RemindersSettings = field(default_factory=RemindersSettings)
    delivery: DeliverySettings = field(default_factory=DeliverySettings)
    inbox: InboxSettings = field(default_factory=InboxSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    campaigns: tuple[Campaign, ...] = ()
    secrets: Secrets = field(default_factory=Secrets, repr=False)
    source: str = ""  # the file read, for messages

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.secrets.telegram_bot_token)

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(
            self.secrets.twilio_account_sid
            and self.secrets.twilio_auth_token
            and self.whatsapp.from_number
        )


SECRET_ENV = {
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "twilio_account_sid": "TWILIO_ACCOUNT_SID",
    "twilio_auth_token": "TWILIO_AUTH_TOKEN",
    "secret_key": "ASNBOT_SECRET_KEY",
    "metrics_token": "ASNBOT_METRICS_TOKEN",
}

# Sections of Settings that config.toml holds (everything but secrets/source).
SECTIONS = tuple(f.name for f in fields(Settings) if is_dataclass(f.default_factory))  # type: ignore[arg-type]
SECTIONS = tuple(s for s in SECTIONS if s != "secrets")

_CHOICES: dict[str, tuple[str, ...]] = {
    "telegram.mode": ("polling", "webhook"),
    "chat.default_locale": ("id", "en"),
    "logging.level": ("DEBUG", "INFO", "WARNING", "ERROR"),
    "logging.format": ("auto", "json", "text"),
}
_POSITIVE = {
    "server.port",
    "storage.busy_timeout_ms",
    "chat.max_text_chars",
    "knowledge.gap_retention_days",
    "telegram.max_photo_bytes",
    "telegram.rate_per_second",
    "telegram.concurrent_updates",
    "telegram.request_timeout_seconds",
    "whatsapp.max_media_bytes",
    "whatsapp.media_timeout_seconds",
    "whatsapp.media_url_ttl_seconds",
    "whatsapp.rate_per_second",
    "whatsapp.concurrent_messages",
    "whatsapp.media_downloads",
    *(f"tips.{f.name}" for f in fields(TipsSettings)),
    "reminders.every_days",
    "delivery.batch_size",
    "delivery.lease_seconds",
    "delivery.concurrency",
    "delivery.max_attempts",
    "delivery.tick_seconds",
    "delivery.keep_sent_days",
    "inbox.lease_seconds",
    "inbox.dedupe_days",
}


def _section_type(name: str) -> type[Any]:
    hints = typing.get_type_hints(Settings)
    return hints[name]  # type: ignore[no-any-return]


def _coerce(key: str, value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if hint is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in (
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        ):
            return value.lower() in ("1", "true", "yes", "on")
        raise ConfigError(f"{key}: must be true or false (got {value!r})")
    if hint is int:
        if isinstance(value, bool):
            raise ConfigError(f"{key}: must be a whole number (got {value!r})")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}: must be a whole number (got {value!r})") from None
    if hint is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}: must be a number (got {value!r})") from None
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key}: must be a string (got {value!r})")
        return value
    if origin is tuple:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise ConfigError(f'{key}: must be a JSON list, e.g. ["a", "b"]') from None
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{key}: must be a list (got {value!r})")
        (item,) = {a for a in typing.get_args(hint) if a is not Ellipsis}
        return tuple(_coerce(f"{key}[{i}]", v, item) for i, v in enumerate(value))
    if origin is dict or hint is dict or origin in (Mapping, typing.Mapping):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise ConfigError(f"{key}: must be a JSON object") from None
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: must be a table (got {value!r})")
        args = typing.get_args(hint)
        if len(args) == 2:
            return {str(k): _coerce(f"{key}.{k}", v, args[1]) for k, v in value.items()}
        return dict(value)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value in (None, ""):
            return None
        return _coerce(key, value, args[0])
    return value


def _build_section(name: str, raw: Mapping[str, Any], env: Mapping[str, str]) -> Any:
    cls = _section_type(name)
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for key in raw:
        if key not in known:
            raise ConfigError(f"{name}.{key}: unknown setting (known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for f in fields(cls):
        key = f"{name}.{f.name}"
        env_name = f"ASNBOT_{name}_{f.name}".upper()
        if env_name in env:
            values[f.name] = _coerce(f"{key} (from {env_name})", env[env_name], hints[f.name])
        elif f.name in raw:
            values[f.name] = _coerce(key, raw[f.name], hints[f.name])
    section = cls(**values)
    _validate(name, section)
    return section


def _validate(name: str, section: Any) -> None:
    for f in fields(section):
        key = f"{name}.{f.name}"
        value = getattr(section, f.name)
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"{key}: must be one of {', '.join(_CHOICES[key])} (got {value!r})")
        if key in _POSITIVE and value <= 0:
            raise ConfigError(f"{key}: must be greater than 0 (got {value!r})")
    if name == "roles":
        for who in (*section.admins, *section.hr_officers):
            if not who.startswith(("telegram:", "whatsapp:+", "console:")):
                raise ConfigError(
                    f"roles: {who!r} must look like telegram:<user id> or whatsapp:+<number>"
                )
    if name == "roles":
        for who, office in section.hr_offices.items():
            if not who.startswith(("telegram:", "whatsapp:+", "console:")):
                raise ConfigError(f"roles.hr_offices: {who!r} must look like telegram:<user id>")
            if not isinstance(office, str) or not office.strip():
                raise ConfigError(f"roles.hr_offices: {who!r} needs an office name")
    if name == "reminders":
        try:
            Policy.parse(section.local_time, section.quiet_hours, section.every_days)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    if name == "server" and not 0 < section.port < 65536:
        raise ConfigError(f"server.port: must be between 1 and 65535 (got {section.port})")
    if name == "server" and not 0 <= section.metrics_port < 65536:
        raise ConfigError(
            f"server.metrics_port: must be 0 (none) or a port (got {section.metrics_port})"
        )
    if name == "server" and section.metrics_port == section.port:
        raise ConfigError("server.metrics_port: must differ from server.port (the public one)")
    if name == "telegram" and (section.max_retries < 0 or section.retry_backoff_seconds < 0):
        raise ConfigError("telegram.max_retries and retry_backoff_seconds must not be negative")
    if name == "whatsapp":
        for kind, sid in section.templates.items():
            if sid and not re.fullmatch(r"HX[0-9a-fA-F]{32}", sid):
                raise ConfigError(
                    f"whatsapp.templates.{kind}: must be a Content template SID like HX… "
                    f"(32 hex digits) or empty (got {sid!r})"
                )
    if name == "storage" and not section.url.startswith(("sqlite", "postgresql")):
        raise ConfigError("storage.url: must start with sqlite:// or postgresql+psycopg://")


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found (use --config FILE)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None


EXTRA_TOP_LEVEL = ("campaigns",)  # arrays of tables


def parse_campaigns(raw: Any, env: Mapping[str, str]) -> tuple[Campaign, ...]:
    """``[[campaigns]]`` (or ``ASNBOT_CAMPAIGNS`` as a JSON list): each valid, none overlapping."""
    where = "campaigns"
    if "ASNBOT_CAMPAIGNS" in env:
        where = "campaigns (from ASNBOT_CAMPAIGNS)"
        try:
            raw = json.loads(env["ASNBOT_CAMPAIGNS"])
        except json.JSONDecodeError:
            raise ConfigError(f"{where}: must be a JSON list of tables") from None
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise ConfigError(f"{where}: must be an array of tables ([[campaigns]])")
    known = ("name", "start", "end", "voting_day")
    campaigns: list[Campaign] = []
    for i, table in enumerate(raw):
        for key in table:
            if key not in known:
                raise ConfigError(
                    f"{where}[{i}].{key}: unknown setting (known: {', '.join(known)})"
                )
        missing = [k for k in known if k not in table]
        if missing:
            raise ConfigError(f"{where}[{i}]: missing {', '.join(missing)}")
        try:
            c = build(table["name"], table["start"], table["end"], table["voting_day"])
            check_against(c, campaigns)
        except CampaignError as exc:
            raise ConfigError(f"{where}[{i}]: {exc}") from None
        campaigns.append(c)
    return tuple(campaigns)


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    chosen = Path(path or env.get("ASNBOT_CONFIG") or DEFAULT_CONFIG)
    raw = read_toml(chosen)
    for name, value in raw.items():
        if name not in SECTIONS and name not in EXTRA_TOP_LEVEL:
            raise ConfigError(f"[{name}]: unknown section (known: {', '.join(SECTIONS)})")
        if name in SECTIONS and not isinstance(value, dict):
            raise ConfigError(f"[{name}]: must be a table")
    sections = {name: _build_section(name, raw.get(name, {}), env) for name in SECTIONS}
    secrets = Secrets(**{k: env.get(v, "") for k, v in SECRET_ENV.items()})
    campaigns = parse_campaigns(raw.get("campaigns", []), env)
    return Settings(**sections, campaigns=campaigns, secrets=secrets, source=str(chosen))
