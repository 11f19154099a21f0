"""Campaigns, reminder rotation state, HR broadcasts; outbox priority.

Revision ID: 0105
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0105"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("voting_on", sa.Date(), nullable=False),
        sa.Column("offset_minutes", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
    )
    op.create_table(
        "reminder_state",
        sa.Column("subscriber_id", _ID, nullable=False),
        sa.Column("last_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("last_entry", sa.String(80), nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["subscriber_id"],
            ["subscribers.id"],
            name=op.f("fk_reminder_state_subscriber_id_subscribers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("subscriber_id", name=op.f("pk_reminder_state")),
    )
    op.create_table(
        "broadcasts",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("nonce", sa.String(24), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("officer_channel", sa.String(16), nullable=False),
        sa.Column("officer_chat", sa.String(64), nullable=False),
        sa.Column("office", sa.String(120), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(8), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("not_before", _TS, nullable=False),
        sa.Column("cursor", _ID, nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("fanned_out", sa.Boolean(), nullable=False),
        sa.Column("reported_step", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
        sa.UniqueConstraint("nonce", name=op.f("uq_broadcasts_nonce")),
    )
    op.create_index(op.f("ix_broadcasts_created_by"), "broadcasts", ["created_by"])
    op.create_index("ix_broadcasts_status", "broadcasts", ["status", "not_before"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_outbox_queue", "outbox", ["status", "priority", "id"])
    # With both, SQLite picked ix_outbox_due for claims and sorted every due row.
    op.drop_index("ix_outbox_due", table_name="outbox")


def downgrade() -> None:
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])
    op.drop_index("ix_outbox_queue", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("priority")
    op.drop_table("broadcasts")
    op.drop_table("reminder_state")
    op.drop_table("campaigns")
