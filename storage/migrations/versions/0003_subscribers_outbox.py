"""Subscribers and the outbox of pushed messages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "subscribers",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("who", sa.String(64), nullable=False),
        sa.Column("tz", sa.String(8), nullable=False),
        sa.Column("office", sa.String(120), nullable=True),
        sa.Column("locale", sa.String(8), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("inactive_reason", sa.String(40), nullable=True),
        sa.Column("last_inbound_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscribers")),
        sa.UniqueConstraint("channel", "chat", name=op.f("uq_subscribers_channel")),
    )
    op.create_index(op.f("ix_subscribers_who"), "subscribers", ["who"])
    op.create_index(op.f("ix_subscribers_office"), "subscribers", ["office"])
    op.create_index(op.f("ix_subscribers_active"), "subscribers", ["active"])
    op.create_table(
        "outbox",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("dedupe_key", sa.String(160), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("chat", sa.String(255), nullable=False),
        sa.Column("template", sa.String(80), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("locale", sa.String(8), nullable=False),
        sa.Column("batch", sa.String(40), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _TS, nullable=False),
        sa.Column("claimed_by", sa.String(40), nullable=True),
        sa.Column("claimed_at", _TS, nullable=True),
        sa.Column("sent_at", _TS, nullable=True),
        sa.Column("provider_id", sa.String(64), nullable=True),
        sa.Column("delivery", sa.String(24), nullable=True),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_dedupe_key")),
    )
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])
    op.create_index(op.f("ix_outbox_batch"), "outbox", ["batch"])
    op.create_index(op.f("ix_outbox_provider_id"), "outbox", ["provider_id"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("subscribers")
