"""The outbox forgets what it sent, and a database from before keeps no finer time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import insert, select

from bot.config import DeliverySettings
from bot.scheduler import prune_sent
from bot.wiring import build_app
from storage import migrate, outbox
from storage.db import Database
from storage.grain import is_whole_hour
from storage.models import (
    AuditEntry,
    Broadcast,
    Conversation,
    OutboxMessage,
    Subscriber,
    Tip,
    TipEvent,
    WhatsAppWindow,
)
from storage.outbox import NewMessage, Outcome
from tests.conftest import FakeClock, make_settings

AT = datetime(2026, 11, 25, 1, 23, 45, 678_901, tzinfo=UTC)


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def message(key: str, kind: str, **kw: Any) -> NewMessage:
    return NewMessage(key, kind, "telegram", "1001", "tip_alert_new", {"id": 1}, **kw)


async def test_a_tip_row_keeps_the_hour_and_goes_once_final(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        await outbox.enqueue(db, [message("a", "tip_alert"), message("b", "reminder")], AT)
        claimed = {c.kind: c for c in await outbox.claim(db, "w1", AT)}
        with db.read() as s:
            rows = {r.kind: r for r in s.scalars(select(OutboxMessage))}
            tip, other = rows["tip_alert"], rows["reminder"]
            assert (
                aware(tip.created_at)
                == aware(tip.next_attempt_at)
                == AT.replace(minute=0, second=0, microsecond=0)
            )
            # In flight: its lease counts from the next whole hour, never less than asked.
            assert aware(tip.claimed_at) == AT.replace(hour=2, minute=0, second=0, microsecond=0)
            assert aware(other.created_at) == aware(other.claimed_at) == AT
        # A retry waits for the next whole hour after its backoff.
        retry = Outcome(claimed["tip_alert"].id, outbox.PENDING, retry_at=AT + timedelta(seconds=2))
        sent = Outcome(claimed["reminder"].id, outbox.SENT)
        await outbox.record(db, [retry, sent], AT)
        with db.read() as s:
            tip = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "tip_alert")).one()
            assert aware(tip.next_attempt_at) == AT.replace(
                hour=2, minute=0, second=0, microsecond=0
            )
            assert tip.claimed_at is None
        assert await outbox.claim(db, "w1", AT + timedelta(minutes=30)) == []
        (again,) = await outbox.claim(db, "w1", AT + timedelta(hours=1))
        await outbox.record(db, [Outcome(again.id, outbox.SENT)], AT + timedelta(hours=1))
        with db.read() as s:
            assert [r.kind for r in s.scalars(select(OutboxMessage))] == ["reminder"]
    finally:
        db.dispose()


async def test_final_rows_are_pruned_after_the_retention(
    db_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(db_url, tmp_path)
    settings = replace(settings, delivery=DeliverySettings(keep_sent_days=7))
    app = build_app(settings, clock=clock)
    try:
        now = clock.now
        db = app.services.db
        with db.write() as s:
            s.add(running_broadcast(1, finished=None))
            s.add(running_broadcast(2, finished=now - timedelta(days=9)))
        rows = [
            ("old-sent", outbox.SENT, 8, None),
            ("old-failed", outbox.FAILED, 8, None),
            ("recent-sent", outbox.SENT, 6, None),
            ("old-pending", outbox.PENDING, 30, None),
            ("old-running-broadcast", outbox.SENT, 8, "bc:1"),
            ("old-finished-broadcast", outbox.SENT, 8, "bc:2"),
        ]
        with db.write() as s:
            for key, status, days, batch in rows:
                at = now - timedelta(days=days)
                s.execute(insert(OutboxMessage).values(outbox_row(key, status, at, batch)))
        assert await prune_sent(app, now) == 3
        with db.read() as s:
            left = set(s.scalars(select(OutboxMessage.dedupe_key)))
        assert left == {"recent-sent", "old-pending", "old-running-broadcast"}
    finally:
        app.close()


def running_broadcast(number: int, finished: datetime | None) -> Broadcast:
    return Broadcast(
        id=number,
        nonce=f"n{number}",
        created_by="officer",
        officer_channel="telegram",
        officer_chat="7",
        text="Jaga netralitas",
        locale="id",
        status="sending" if finished is None else "done",
        not_before=AT,
        created_at=AT,
        finished_at=finished,
    )


def outbox_row(
    key: str, status: str, at: datetime, batch: str | None = None, **kw: Any
) -> dict[str, Any]:
    return {
        "dedupe_key": key,
        "kind": "reminder",
        "channel": "telegram",
        "chat": "1",
        "template": "reminder",
        "context": {},
        "locale": "id",
        "batch": batch,
        "status": status,
        "attempts": 1,
        "next_attempt_at": at,
        "created_at": at,
        "priority": 1,
    } | kw


def test_the_migration_coarsens_what_is_already_stored(db_url: str) -> None:
    """A database written by the previous release, with exact times everywhere."""
    db = Database(db_url)
    try:
        config = migrate._config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            for head in ("0103", "0104", "0105", "0106"):
                command.upgrade(config, head)
        at = AT
        with db.write() as s:
            s.add(Conversation(who="p" * 40, step="tip.view", data={}, updated_at=at))
            s.add(WhatsAppWindow(chat_key="p" * 40, last_inbound_at=at))
            s.add(
                Subscriber(
                    channel="whatsapp",
                    chat="whatsapp:+6281234567890",
                    who="p" * 40,
                    created_at=at,
                    updated_at=at,
                    last_inbound_at=at,
                )
            )
            s.add(
                Tip(
                    id=1,
                    code_hash="h" * 64,
                    status="reviewing",
                    body_enc="x",
                    created_at=at.replace(minute=0, second=0, microsecond=0),
                    status_changed_at=at,
                    claimed_at=at,
                    claimed_by="telegram:1001",
                )
            )
            s.flush()
            s.add(TipEvent(tip_id=1, at=at, kind="status", status="reviewing"))
            s.add(AuditEntry(at=at, actor="telegram:1001", action="claim", target="tip:1"))
            s.add(AuditEntry(at=at, actor="telegram:1002", action="broadcast.create", target="#3"))
            s.execute(
                insert(OutboxMessage).values(
                    outbox_row("tip-new:1:telegram:1001", "sent", at, kind="tip_admin", sent_at=at)
                )
            )
            s.execute(
                insert(OutboxMessage).values(
                    outbox_row("tip-new:1:whatsapp", "pending", at, kind="tip_admin")
                )
            )
            s.execute(
                insert(OutboxMessage).values(
                    outbox_row("tipster:x", "sending", at, kind="tip_tipster", claimed_at=at)
                )
            )
            s.execute(
                insert(OutboxMessage).values(outbox_row("reminder:1", "sent", at, sent_at=at))
            )
        assert "0108" in migrate.upgrade(db)

        hour = at.replace(minute=0, second=0, microsecond=0)
        with db.read() as s:
            assert aware(s.scalars(select(Conversation.updated_at)).one()) == hour
            assert aware(s.scalars(select(WhatsAppWindow.last_inbound_at)).one()) == hour
            sub = s.scalars(select(Subscriber)).one()
            assert {aware(sub.created_at), aware(sub.updated_at), aware(sub.last_inbound_at)} == {
                hour
            }
            tip = s.get(Tip, 1)
            assert tip is not None and {aware(tip.status_changed_at), aware(tip.claimed_at)} == {
                hour
            }
            assert aware(s.scalars(select(TipEvent.at)).one()) == hour
            audit = {r.target: aware(r.at) for r in s.scalars(select(AuditEntry))}
            assert audit == {"tip:1": hour, "#3": at}  # an action on no tip keeps its time
            rows = {r.dedupe_key: r for r in s.scalars(select(OutboxMessage))}
            assert set(rows) == {"tip-new:1:whatsapp", "tipster:x", "reminder:1"}  # sent alert gone
            pending = rows["tip-new:1:whatsapp"]
            assert aware(pending.created_at) == aware(pending.next_attempt_at) == hour
            assert aware(rows["tipster:x"].claimed_at) == hour + timedelta(hours=1)
            assert aware(rows["reminder:1"].sent_at) == at
            for value in (sub.created_at, tip.created_at, pending.created_at):
                assert is_whole_hour(aware(value))
    finally:
        db.dispose()
