"""WhatsApp: handled MessageSids (idempotency) and each chat's last inbound time.

Revision ID: 0106
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0106"
down_revision = "0003"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "whatsapp_inbound",
        sa.Column("message_sid", sa.String(64), nullable=False),
        sa.Column("handled_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("message_sid", name=op.f("pk_whatsapp_inbound")),
    )
    op.create_index(op.f("ix_whatsapp_inbound_handled_at"), "whatsapp_inbound", ["handled_at"])
    op.create_table(
        "whatsapp_windows",
        sa.Column("chat_key", sa.String(64), nullable=False),
        sa.Column("last_inbound_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("chat_key", name=op.f("pk_whatsapp_windows")),
    )


def downgrade() -> None:
    op.drop_table("whatsapp_windows")
    op.drop_table("whatsapp_inbound")
