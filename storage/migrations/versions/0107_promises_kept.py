"""Photo files' stored times (by our clock, to the hour).

Revision ID: 0107
Revises: 0105
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0107"
down_revision = "0105"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Files already on disk get no row: the purge records them when it first sees
    # them and ages them from then, so none is taken early.
    op.create_table(
        "media_files",
        sa.Column("file_name", sa.String(64), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("file_name", name=op.f("pk_media_files")),
    )


def downgrade() -> None:
    op.drop_table("media_files")
