"""Unanswered questions sealed and dated to the day; broadcasts' local times made UTC,
and urgent ones marked; photo files' stored times.

1. ``kb_gaps`` held every unanswered message in clear, to the microsecond:
   receipt codes, names, tips typed without /lapor. The new table keeps a
   masked question only, sealed, keyed by a keyed hash, dated to the day. The
   old rows are deleted, not converted: a migration has no key to seal them
   with, and their text is already normalized (lowercase), so names can no
   longer be told from words. On SQLite, with ``secure_delete`` on, so their
   bytes do not linger in free pages. The log refills with questions only.

2. On SQLite every instant was written as the digits of whatever offset it
   carried, and read back as UTC. All of them came from the UTC clock except a
   broadcast's ``not_before`` typed by an officer (``/siaran 2026-12-07T10:00``,
   WIB unless WITA, WIT or an offset was given), stored as local digits and
   sent 7-9 hours late. The exact instant each officer meant is in the audit
   log (``broadcast.create``, ``at=…`` with its offset): ``not_before`` is set
   from it. A scheduled broadcast without that audit row is taken to be WIB,
   /siaran's default. Rows written by ``run-due --now`` given with a local
   offset cannot be told apart and stay as they are (send times in history;
   nothing due depends on them). PostgreSQL stored every instant correctly.

3. ``broadcasts.urgent``: an officer may send through subscribers' quiet hours;
   every broadcast so far was not urgent.

4. ``media_files``: when each photo file was written, by our clock, to the
   hour; files already on disk get a row when the purge first sees them.

Revision ID: 0107
Revises: 0105
Create Date: 2026-12-05
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0107"
down_revision = "0105"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)
_AT = re.compile(r"\bat=(\S+)")
_WIB = timedelta(hours=7)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA secure_delete = ON")
    op.drop_table("kb_gaps")
    op.create_table(
        "kb_gaps",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("text_enc", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_kb_gaps")),
    )
    op.create_index(op.f("ix_kb_gaps_last_day"), "kb_gaps", ["last_day"])
    if sqlite:
        _broadcasts_to_utc(bind)
    with op.batch_alter_table("broadcasts") as batch:
        batch.add_column(
            sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "media_files",
        sa.Column("file_name", sa.String(64), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("file_name", name=op.f("pk_media_files")),
    )


def _sqlite_text(at: datetime) -> str:
    """How SQLAlchemy writes a datetime to SQLite, from now on always UTC's digits."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _broadcasts_to_utc(bind: sa.engine.Connection) -> None:
    meant: dict[int, datetime] = {}
    audits = bind.execute(
        sa.text("SELECT target, detail FROM audit_log WHERE action = 'broadcast.create'")
    )
    for target, detail in audits:
        found = _AT.search(detail or "")
        number = (target or "").lstrip("#")
        if found and number.isdigit():
            try:
                at = datetime.fromisoformat(found.group(1))
            except ValueError:
                continue
            if at.tzinfo is not None:
                meant[int(number)] = at
    rows = bind.execute(sa.text("SELECT id, not_before, created_at FROM broadcasts")).all()
    for broadcast_id, not_before, created_at in rows:
        at = meant.get(broadcast_id)
        if at is None:
            stored = datetime.fromisoformat(str(not_before))
            if stored <= datetime.fromisoformat(str(created_at)):
                continue  # sent at once: "now" came from the UTC clock
            at = stored.replace(tzinfo=UTC) - _WIB  # local WIB digits, /siaran's default
        bind.execute(
            sa.text("UPDATE broadcasts SET not_before = :at WHERE id = :id"),
            {"at": _sqlite_text(at), "id": broadcast_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("broadcasts") as batch:
        batch.drop_column("urgent")
    op.drop_table("media_files")
    op.drop_index(op.f("ix_kb_gaps_last_day"), table_name="kb_gaps")
    op.drop_table("kb_gaps")
    op.create_table(
        "kb_gaps",
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_at", _TS, nullable=False),
        sa.Column("last_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("text", name=op.f("pk_kb_gaps")),
    )
