"""Inbox of acknowledged updates (whatsapp_inbound, which it replaces, is emptied), and
the health probe row.

whatsapp_inbound is emptied, not dropped: a sibling migration on another branch
(0108) still updates it, and two branches are applied in no guaranteed order.
A migration that builds on both can drop the empty table.

Revision ID: 0109
Revises: 0106
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0109"
down_revision = "0106"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("dedupe_key", sa.String(64), nullable=False),
        sa.Column("conversation", sa.String(64), nullable=True),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", _TS, nullable=True),
        sa.Column("received_hour", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_inbox_dedupe_key")),
    )
    op.create_index("ix_inbox_queue", "inbox", ["channel", "status", "id"])
    op.create_index("ix_inbox_conversation", "inbox", ["conversation", "id"])
    op.create_index(op.f("ix_inbox_received_hour"), "inbox", ["received_hour"])
    # Raw MessageSids with the instant they were handled: Twilio's logs join them to a
    # phone number. The inbox keeps keyed hashes and the hour instead.
    op.execute(sa.delete(sa.table("whatsapp_inbound")))
    # Empty until the first health check writes its row: an unused database stays empty
    # (restoring a backup needs one).
    op.create_table(
        "health_probe",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("writes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_probe")),
    )


def downgrade() -> None:
    op.drop_table("health_probe")
    op.drop_table("inbox")
