"""Typed SQLAlchemy models. ORM objects never leave ``storage``.

Keys named ``who`` hold a keyed pseudonym (HMAC of the identity), never a raw
platform id: see ``storage.keys``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Alembic's batch mode on SQLite finds constraints only when they are named.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSON,
    }


class Conversation(Base):
    """Where a person is in a conversation, so any worker can continue it."""

    __tablename__ = "conversations"

    who: Mapped[str] = mapped_column(String(64), primary_key=True)
    step: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime]


class Profile(Base):
    """A person's lasting preferences (language), apart from conversation state."""

    __tablename__ = "profiles"

    who: Mapped[str] = mapped_column(String(64), primary_key=True)
    locale: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime]


class AuditEntry(Base):
    """Append-only record of privileged actions (admins, HR officers)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str | None] = mapped_column(Text)


class KbVote(Base):
    """👍/👎 on an answer. ``voter`` hashes pseudonym+entry: one vote each, unlinkable."""

    __tablename__ = "kb_votes"

    voter: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(80), index=True)
    up: Mapped[bool]
    at: Mapped[datetime]


class KbGap(Base):
    """A question answered with low confidence, normalized text only, counted."""

    __tablename__ = "kb_gaps"

    text: Mapped[str] = mapped_column(String(300), primary_key=True)
    count: Mapped[int] = mapped_column(default=1)
    first_at: Mapped[datetime]
    last_at: Mapped[datetime]


class CallbackPayload(Base):
    """A button payload too long for Telegram's 64-byte callback data, under a short key.

    The key is a hash of the payload, so the table holds each distinct payload once
    (payloads are our own short keys such as ``faq:<entry id>``, never user text).
    """

    __tablename__ = "callback_payloads"

    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
