"""Anonymous tips: tips, their events and photos, the key vault, /status attempts.

Revision ID: 0104
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0104"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "vault_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("key_check", sa.String(64), nullable=False),
        sa.Column("receipt_key", sa.Text(), nullable=False),
        sa.Column("rotated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_state")),
    )
    op.create_table(
        "tips",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("category", sa.String(24), nullable=True),
        sa.Column("body_enc", sa.Text(), nullable=False),
        sa.Column("office_enc", sa.Text(), nullable=True),
        sa.Column("place_enc", sa.Text(), nullable=True),
        sa.Column("occurred_enc", sa.Text(), nullable=True),
        sa.Column("notify_ref", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(80), nullable=True),
        sa.Column("claimed_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("status_changed_at", _TS, nullable=False),
        sa.Column("media_purged_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tips")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_tips_code_hash")),
    )
    op.create_index(op.f("ix_tips_status"), "tips", ["status"])
    op.create_index(op.f("ix_tips_category"), "tips", ["category"])
    op.create_index(op.f("ix_tips_created_at"), "tips", ["created_at"])
    op.create_table(
        "tip_events",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("tip_id", _ID, nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("authority", sa.String(24), nullable=True),
        sa.Column("body_enc", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(80), nullable=True),
        sa.ForeignKeyConstraint(
            ["tip_id"], ["tips.id"], name=op.f("fk_tip_events_tip_id_tips"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_events")),
    )
    op.create_index(op.f("ix_tip_events_tip_id"), "tip_events", ["tip_id"])
    op.create_table(
        "tip_media",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("tip_id", _ID, nullable=False),
        sa.Column("event_id", _ID, nullable=True),
        sa.Column("file_name", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("purged_at", _TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["tip_id"], ["tips.id"], name=op.f("fk_tip_media_tip_id_tips"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_media")),
        sa.UniqueConstraint("file_name", name=op.f("uq_tip_media_file_name")),
    )
    op.create_index(op.f("ix_tip_media_tip_id"), "tip_media", ["tip_id"])
    op.create_table(
        "status_attempts",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("who", sa.String(64), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_attempts")),
    )
    op.create_index(op.f("ix_status_attempts_who"), "status_attempts", ["who"])


def downgrade() -> None:
    op.drop_table("status_attempts")
    op.drop_table("tip_media")
    op.drop_table("tip_events")
    op.drop_table("tips")
    op.drop_table("vault_state")
