"""Knowledge feedback votes and gaps.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_votes",
        sa.Column("voter", sa.String(64), nullable=False),
        sa.Column("entry_id", sa.String(80), nullable=False),
        sa.Column("up", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("voter", name=op.f("pk_kb_votes")),
    )
    op.create_index(op.f("ix_kb_votes_entry_id"), "kb_votes", ["entry_id"])
    op.create_table(
        "kb_gaps",
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("text", name=op.f("pk_kb_gaps")),
    )


def downgrade() -> None:
    op.drop_table("kb_gaps")
    op.drop_index(op.f("ix_kb_votes_entry_id"), table_name="kb_votes")
    op.drop_table("kb_votes")
