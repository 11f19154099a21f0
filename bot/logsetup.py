"""Structured logs: one JSON object per line off a terminal, readable text on one.

Secrets never reach logs: known secret values are masked in every record,
and handlers log pseudonyms, never platform ids or tip content. While a
message of the tip flow is handled, not even the pseudonym: ``PersonFilter``
applies the dispatcher's decision (``handlers.logscope``) to every record,
ours and the libraries', whatever the log call passed. A database outage is
one line per failure (the driver's reason, no traceback) and, each minute it
lasts, one line counting the failures: not megabytes of the same traceback.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

from handlers import logscope
from storage.errors import DatabaseError

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
SCRUBBED = "[anon]"


class PersonFilter(logging.Filter):
    """Identifying fields out of every record unless the message is known not to be a
    tip's; during a tip, also every trace of the person's ids in the record's text."""

    def filter(self, record: logging.LogRecord) -> bool:
        scope = logscope.current()
        if scope is not None and not scope.tip:
            return True
        for key in logscope.IDENTIFYING & record.__dict__.keys():
            delattr(record, key)
        if scope is None or not scope.needles:
            return True
        needles = scope.needles
        record.msg, record.args = _scrub(record.getMessage(), needles), None
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD:
                setattr(record, key, _scrub_value(value, needles))
        if record.exc_info or record.exc_text:
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)  # type: ignore[arg-type]
            record.exc_info, record.exc_text = None, _scrub(text, needles)
        if record.stack_info:
            record.stack_info = _scrub(record.stack_info, needles)
        return True


def _scrub(text: str, needles: Iterable[str]) -> str:
    for needle in needles:  # longest first: "whatsapp:+62…" before "+62…"
        text = text.replace(needle, SCRUBBED)
    return text


def _scrub_value(value: Any, needles: Iterable[str]) -> Any:
    if isinstance(value, str):
        return _scrub(value, needles)
    if isinstance(value, int | float | bool) or value is None:
        return value
    return _scrub(str(value), needles)


def _exception(formatter: logging.Formatter, record: logging.LogRecord) -> str | None:
    if record.exc_info:
        return formatter.formatException(record.exc_info)
    return record.exc_text or None


class _Redactor(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            msg = record.getMessage()
            for secret in self.secrets:
                msg = msg.replace(secret, "***")
            record.msg, record.args = msg, None
        return True


def _outage_types() -> tuple[type[BaseException], ...]:
    """Database-unavailable errors. Only a library already imported can have raised
    one, so none is imported for this (``asnbot ask`` never loads SQLAlchemy)."""
    found: list[type[BaseException]] = [DatabaseError, sqlite3.OperationalError]
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None:
        found += [
            sa_exc.OperationalError,
            sa_exc.InterfaceError,
            sa_exc.TimeoutError,
            sa_exc.DisconnectionError,
        ]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        found.append(psycopg.OperationalError)
    return tuple(found)


SUMMARY_EVERY = 60.0  # seconds


def _outage(exc: BaseException | None) -> BaseException | None:
    """The database-unavailable error behind ``exc``, if that is what it is."""
    kinds = _outage_types()
    for _ in range(5):
        if exc is None or isinstance(exc, kinds):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def _reason(exc: BaseException) -> str:
    # The driver's own first line ("database is locked"); SQLAlchemy's wrapper adds the
    # statement and its parameters, which may hold pseudonyms or sealed data.
    inner = getattr(exc, "orig", None) or exc
    first = (str(inner).strip().splitlines() or [""])[0]
    return f"{type(inner).__name__}: {first}"[:200]


class OutageLines(logging.Filter):
    """Database failures as one line each, and a count per ``every`` seconds."""

    def __init__(
        self, every: float = SUMMARY_EVERY, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.every = every
        self.clock = clock
        self.failures = 0
        self.since = clock()

    def filter(self, record: logging.LogRecord) -> bool:
        error = _outage(record.exc_info[1] if record.exc_info else None)
        if error is None:
            return True
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        record.__dict__["db_error"] = _reason(error)
        self.failures += 1
        now = self.clock()
        if now - self.since >= self.every:
            logging.getLogger("asnbot.database").error(
                "database failing",
                extra={"failures": self.failures, "seconds": round(now - self.since)},
            )
            self.failures, self.since = 0, now
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        doc.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        exc = _exception(self, record)
        if exc:
            doc["exc"] = exc
        return json.dumps(doc, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extra = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        line = f"{record.levelname[0]} {record.name}: {record.getMessage()}"
        if extra:
            line += " " + " ".join(f"{k}={v}" for k, v in extra.items())
        exc = _exception(self, record)
        if exc:
            line += "\n" + exc
        return line


def make_handler(stream: TextIO, fmt: str = "auto", secrets: Iterable[str] = ()) -> logging.Handler:
    """The one log handler: formatted for ``stream``, outages in one line, secrets masked,
    tipsters unnamed. (Outages first: the person filter folds tracebacks into text.)"""
    handler = logging.StreamHandler(stream)
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    handler.addFilter(OutageLines())
    handler.addFilter(PersonFilter())
    handler.addFilter(_Redactor(secrets))
    return handler


def setup(level: str = "INFO", fmt: str = "auto", secrets: Iterable[str] = ()) -> None:
    handler = make_handler(sys.stderr, fmt, secrets)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Libraries log request URLs, and Telegram's contain the bot token.
    for noisy in ("httpx", "httpcore", "telegram", "apscheduler", "twilio", "alembic"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
