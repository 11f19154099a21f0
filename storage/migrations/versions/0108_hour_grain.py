"""Times that could link a person to a tip, coarsened to the hour; sent tip pushes deleted.

What the code now writes to the hour (``storage.grain``), this rounds down
where it is already stored: conversations, profiles, subscribers, WhatsApp
windows and handled MessageSids, /status attempts, votes, button payloads;
everything on tips, their events and photos; audit rows about a tip; and
the outbox rows tied to a tip, of which the final ones are deleted (a
pending row's lease and retry are moved to the next whole hour, never
earlier than before). Nothing is lost but precision, so there is no way back.

Revision ID: 0108
Revises: 0103, 0104, 0106
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0108"
down_revision = ("0103", "0104", "0106")
branch_labels = None
depends_on = None

_TIP_ROWS = sa.column("kind").like("tip\\_%", escape="\\")
# (table, column, only the rows matching this condition)
_FLOOR = [
    ("conversations", "updated_at", None),
    ("profiles", "updated_at", None),
    ("subscribers", "created_at", None),
    ("subscribers", "updated_at", None),
    ("subscribers", "last_inbound_at", None),
    ("whatsapp_windows", "last_inbound_at", None),
    ("whatsapp_inbound", "handled_at", None),
    ("status_attempts", "at", None),
    ("kb_votes", "at", None),
    ("callback_payloads", "created_at", None),
    ("tips", "created_at", None),
    ("tips", "status_changed_at", None),
    ("tips", "claimed_at", None),
    ("tips", "media_purged_at", None),
    ("tip_events", "at", None),
    ("tip_media", "created_at", None),
    ("tip_media", "purged_at", None),
    ("audit_log", "at", sa.column("target").like("tip:%")),
    ("outbox", "created_at", _TIP_ROWS),
    ("outbox", "next_attempt_at", _TIP_ROWS),
]
_FINAL = ("sent", "failed", "blocked", "cancelled")


def _hour(
    column: sa.ColumnClause[object], sqlite: bool, ahead: bool = False
) -> sa.ColumnElement[object]:
    """The start of ``column``'s hour (or of the next hour, with ``ahead``)."""
    if sqlite:
        # In the text SQLAlchemy writes for DateTime on SQLite.
        shift = ("+1 hour",) if ahead else ()
        return sa.func.strftime("%Y-%m-%d %H:00:00.000000", column, *shift)
    # In UTC, whatever the session's time zone (some zones are half an hour off).
    start = sa.func.timezone("UTC", sa.func.date_trunc("hour", sa.func.timezone("UTC", column)))
    return start + sa.literal_column("interval '1 hour'") if ahead else start


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    outbox = _table("outbox", "kind", "status", "claimed_at")
    op.execute(sa.delete(outbox).where(_TIP_ROWS, outbox.c.status.in_(_FINAL)))
    for name, column, where in _FLOOR:
        table = _table(name, column)
        value = _hour(table.c[column], sqlite)
        query = sa.update(table).where(table.c[column].is_not(None), value.is_not(None))
        if where is not None:
            query = query.where(where)
        op.execute(query.values({column: value}))
    # A tip's row in flight: its lease now lasts until an hour after it began.
    claimed = _hour(outbox.c.claimed_at, sqlite, ahead=True)
    op.execute(
        sa.update(outbox)
        .where(outbox.c.claimed_at.is_not(None), claimed.is_not(None), _TIP_ROWS)
        .values(claimed_at=claimed)
    )


def downgrade() -> None:
    """Precision once dropped cannot come back; the schema is unchanged."""
