"""Long button payloads behind short keys (Telegram's callback data is 64 bytes).

Revision ID: 0103
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0103"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "callback_payloads",
        sa.Column("key", sa.String(24), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_callback_payloads")),
    )


def downgrade() -> None:
    op.drop_table("callback_payloads")
