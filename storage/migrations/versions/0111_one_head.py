"""One head again: the branches of the 2026-12 round meet here, and the emptied
whatsapp_inbound table (replaced by the inbox in 0109, still updated by 0108) goes.

Revision ID: 0111
Revises: 0107, 0108, 0109
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0111"
down_revision = ("0107", "0108", "0109")
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "whatsapp_inbound" in sa.inspect(op.get_bind()).get_table_names():
        op.drop_table("whatsapp_inbound")


def downgrade() -> None:
    op.create_table(
        "whatsapp_inbound",
        sa.Column("message_sid", sa.String(64), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("message_sid", name="pk_whatsapp_inbound"),
    )
