"""Typed SQLAlchemy models. ORM objects never leave ``storage``.

Keys named ``who`` hold a keyed pseudonym (HMAC of the identity), never a raw
platform id: see ``storage.keys``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UtcDateTime

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
    # Every Mapped[datetime] is an instant in UTC, aware in and out: a naive or local
    # value cannot be stored by mistake (storage.types).
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        date: Date,
        dict[str, Any]: JSON,
    }


class Conversation(Base):
    """Where a person is in a conversation, so any worker can continue it."""

    __tablename__ = "conversations"

    who: Mapped[str] = mapped_column(String(64), primary_key=True)
    step: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The buttons last shown, as [payload, label] pairs: on channels without
    # buttons (WhatsApp, console) "2" means the second of them.
    choices: Mapped[list[Any] | None] = mapped_column(JSON)
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
    """A question the bot could not answer: masked and normalized, sealed like tip text,
    counted per day (UTC), dropped after the retention period. ``key`` is a keyed hash
    of the text, so the same question counts once without being readable."""

    __tablename__ = "kb_gaps"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text_enc: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(default=1)
    first_day: Mapped[date]
    last_day: Mapped[date] = mapped_column(index=True)


class Subscriber(Base):
    """A chat that asked for reminders (and HR broadcasts). Kept apart from tips.

    ``chat`` is the raw chat reference: the bot must write to it later.
    ``who`` is the sender's pseudonym, so /berhenti finds the row.
    """

    __tablename__ = "subscribers"
    __table_args__ = (UniqueConstraint("channel", "chat"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat: Mapped[str] = mapped_column(String(64))
    who: Mapped[str] = mapped_column(String(64), index=True)
    tz: Mapped[str] = mapped_column(String(8), default="WIB")
    office: Mapped[str | None] = mapped_column(String(120), index=True)
    locale: Mapped[str] = mapped_column(String(8), default="id")
    active: Mapped[bool] = mapped_column(default=True, index=True)
    inactive_reason: Mapped[str | None] = mapped_column(String(40))
    last_inbound_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class OutboxMessage(Base):
    """A pushed message, written before it is sent; ``dedupe_key`` makes it exist once."""

    __tablename__ = "outbox"
    # Claims walk pending rows in (priority, id) order without sorting the queue. (It
    # replaced an index on (status, next_attempt_at) that led SQLite to sort every due row.)
    __table_args__ = (Index("ix_outbox_queue", "status", "priority", "id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(16))
    chat: Mapped[str] = mapped_column(String(255))
    template: Mapped[str] = mapped_column(String(80))
    context: Mapped[dict[str, Any]] = mapped_column(default=dict)
    locale: Mapped[str] = mapped_column(String(8), default="id")
    batch: Mapped[str | None] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    provider_id: Mapped[str | None] = mapped_column(String(64), index=True)
    delivery: Mapped[str | None] = mapped_column(String(24))
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    # Lower goes first: an officer's progress report never waits behind 100k broadcast rows.
    priority: Mapped[int] = mapped_column(default=1)


class InboxItem(Base):
    """An update a webhook (or polling) acknowledged: stored first, handled from here.

    While waiting, ``payload`` holds the raw update sealed (it names the sender),
    and ``conversation`` a keyed pseudonym of its chat, so one chat's updates are
    handled in order. Once handled both are erased, with the lease: what stays is
    ``dedupe_key`` (a keyed hash of the platform's update id or MessageSid, useless
    without the secret) and the hour, so a resend is recognised for a while.
    """

    __tablename__ = "inbox"
    __table_args__ = (
        Index("ix_inbox_queue", "channel", "status", "id"),
        Index("ix_inbox_conversation", "conversation", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    conversation: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    lease_until: Mapped[datetime | None]
    received_hour: Mapped[datetime] = mapped_column(index=True)


class HealthProbe(Base):
    """One row /healthz writes to: a database that reads but cannot write is not healthy."""

    __tablename__ = "health_probe"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    writes: Mapped[int] = mapped_column(BigInteger, default=0)


class WhatsAppWindow(Base):
    """When a chat last wrote to us: WhatsApp allows free text for 24 hours after.

    ``chat_key`` is the chat's pseudonym, never the phone number.
    """

    __tablename__ = "whatsapp_windows"

    chat_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_inbound_at: Mapped[datetime]


class VaultState(Base):
    """The current key version for data at rest, a check that the secret opens it,
    and the receipt-code key (random, sealed: it survives a change of secret)."""

    __tablename__ = "vault_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int]
    key_check: Mapped[str] = mapped_column(String(64))
    receipt_key: Mapped[str] = mapped_column(Text)
    rotated_at: Mapped[datetime]


class Tip(Base):
    """A submitted anonymous tip. No column names, links or hides its author:
    no pseudonym, chat, user id, phone or name. Free text is sealed (``*_enc``);
    ``notify_ref`` is the tipster's own opt-in, sealed, erased on close."""

    __tablename__ = "tips"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str | None] = mapped_column(String(24), index=True)
    body_enc: Mapped[str] = mapped_column(Text)
    office_enc: Mapped[str | None] = mapped_column(Text)
    place_enc: Mapped[str | None] = mapped_column(Text)
    occurred_enc: Mapped[str | None] = mapped_column(Text)
    notify_ref: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(index=True)
    status_changed_at: Mapped[datetime]
    media_purged_at: Mapped[datetime | None]


class TipEvent(Base):
    """What happened to a tip: status changes, replies, notes, the tipster's additions."""

    __tablename__ = "tip_events"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(12))  # status | reply | note | addition
    status: Mapped[str | None] = mapped_column(String(16))
    authority: Mapped[str | None] = mapped_column(String(24))
    body_enc: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(80))  # an admin; None for the tipster


class TipMedia(Base):
    """A cleaned, encrypted photo under ``media_dir``; the file name is random."""

    __tablename__ = "tip_media"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    file_name: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))  # of the clean image
    size: Mapped[int]
    width: Mapped[int]
    height: Mapped[int]
    created_at: Mapped[datetime]
    purged_at: Mapped[datetime | None]


class MediaFile(Base):
    """When a photo file was written, by our clock and to the hour only (a file can
    end up a tip's: nothing tied to a tip is finer than its hour). Files no tip and
    no live draft owns are aged by this, never by the file system's mtime."""

    __tablename__ = "media_files"

    file_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    stored_at: Mapped[datetime]


class StatusAttempt(Base):
    """A failed /status lookup, by the sender's pseudonym; never linked to any tip."""

    __tablename__ = "status_attempts"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    who: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime]


class CallbackPayload(Base):
    """A button payload too long for Telegram's 64-byte callback data, under a short key.

    The key is a hash of the payload, so the table holds each distinct payload once
    (payloads are our own short keys such as ``faq:<entry id>``, never user text).
    """

    __tablename__ = "callback_payloads"

    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Campaign(Base):
    """A campaign period. ``source`` "config" rows follow config.toml until an admin edits them."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    voting_on: Mapped[date]
    offset_minutes: Mapped[int] = mapped_column(default=420)
    source: Mapped[str] = mapped_column(String(8), default="admin")
    # Removed rows stay, so config sync does not bring them back and old keys keep meaning.
    removed: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime]


class ReminderState(Base):
    """Per subscriber: the last reminder's local date and where its rotation stands."""

    __tablename__ = "reminder_state"

    subscriber_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("subscribers.id", ondelete="CASCADE"),
        primary_key=True,
    )
    last_date: Mapped[date | None]
    position: Mapped[int] = mapped_column(default=0)
    last_entry: Mapped[str | None] = mapped_column(String(80))
    updated_at: Mapped[datetime]


class Broadcast(Base):
    """An HR broadcast: fanned out to the outbox page by page from ``cursor`` (a subscriber id)."""

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_status", "status", "not_before"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(24), unique=True)  # one confirm, one broadcast
    created_by: Mapped[str] = mapped_column(String(64), index=True)  # officer's pseudonym
    officer_channel: Mapped[str] = mapped_column(String(16))
    officer_chat: Mapped[str] = mapped_column(String(64))  # where progress and the report go
    office: Mapped[str | None] = mapped_column(String(120))  # None: every subscriber
    text: Mapped[str] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    not_before: Mapped[datetime]
    # Urgent: sent at once, through subscribers' quiet hours (the officer chose so).
    urgent: Mapped[bool] = mapped_column(default=False)
    cursor: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    total: Mapped[int] = mapped_column(default=0)
    fanned_out: Mapped[bool] = mapped_column(default=False)
    reported_step: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
