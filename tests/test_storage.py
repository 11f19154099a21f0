"""Storage on real SQLite files and real PostgreSQL: migrations, state, outbox."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import DateTime, inspect
from sqlalchemy.exc import StatementError

from storage import audit, conversations, kbstats, migrate, outbox, subscribers
from storage.conversations import State
from storage.db import Database
from storage.models import Base, OutboxMessage
from storage.types import UtcDateTime
from storage.vault import open_vault
from tests.conftest import REPO, TEST_SECRET

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


async def test_instants_are_utc_and_aware_in_and_out_and_naive_ones_are_refused(
    db_url: str,
) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    wib = timezone(timedelta(hours=7))
    try:
        await audit.record(db, datetime(2026, 12, 7, 10, 0, tzinfo=wib), "hr", "broadcast.create")
        (row,) = await audit.recent(db)
        assert row.at == datetime(2026, 12, 7, 3, 0, tzinfo=UTC)
        assert row.at.tzinfo is not None and row.at.utcoffset() == timedelta(0)
        with pytest.raises(StatementError, match="naive"):
            await audit.record(db, datetime(2026, 12, 7, 10, 0), "hr", "broadcast.create")
        # A local bound in a query means that instant, too.
        assert await outbox.pending_count(db, datetime(2026, 12, 7, 10, 0, tzinfo=wib)) == 0
        msg = outbox.NewMessage("k", "reminder", "telegram", "1", "menu")
        await outbox.enqueue(db, [msg], datetime(2026, 12, 7, 3, 0, tzinfo=UTC))
        assert await outbox.pending_count(db, datetime(2026, 12, 7, 9, 59, tzinfo=wib)) == 0
        assert await outbox.pending_count(db, datetime(2026, 12, 7, 10, 0, tzinfo=wib)) == 1
    finally:
        db.dispose()


def test_every_instant_column_is_a_utc_datetime() -> None:
    """Columns are added as plain ``Mapped[datetime]``: the type map gives each UtcDateTime."""
    instants = [
        f"{t.name}.{c.name}"
        for t in Base.metadata.tables.values()
        for c in t.columns
        if isinstance(c.type, DateTime | UtcDateTime)
    ]
    assert "broadcasts.not_before" in instants and "outbox.next_attempt_at" in instants
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.type.python_type is datetime:
                assert isinstance(column.type, UtcDateTime), f"{table.name}.{column.name}"
    assert len(instants) >= 25


def test_migrations_from_empty_create_every_table(db_url: str) -> None:
    db = Database(db_url)
    try:
        applied = migrate.upgrade(db)
        assert applied, "a fresh database must get migrations"
        tables = set(inspect(db.engine).get_table_names())
        assert {"conversations", "profiles", "audit_log", "kb_votes", "kb_gaps"} <= tables
        assert {"subscribers", "outbox", "alembic_version"} <= tables
        assert migrate.upgrade(db) == []  # idempotent
        assert not migrate.pending(db)
        # Every table the models declare, and nothing a migration left behind.
        assert tables - {"alembic_version"} == set(Base.metadata.tables)
        with db.engine.connect() as conn:
            from alembic.runtime.migration import MigrationContext

            assert MigrationContext.configure(conn).get_current_heads() == ("0111",)
    finally:
        db.dispose()


async def test_state_round_trip(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        state = State()
        state.go("tip.awaiting_content", parts=["satu", "dua ü 🇮🇩"])
        state.choices = [("menu:lapor", "Lapor")]
        await conversations.save(db, "who-1", state, NOW)
        loaded = await conversations.load(db, "who-1")
        assert loaded.step == "tip.awaiting_content"
        assert loaded.data == {"parts": ["satu", "dua ü 🇮🇩"]}
        assert loaded.choices == [("menu:lapor", "Lapor")]
        loaded.reset()
        await conversations.save(db, "who-1", loaded, NOW)
        assert (await conversations.load(db, "who-1")).step is None
    finally:
        db.dispose()


def test_conversation_continues_in_a_new_process(tmp_path: Path) -> None:
    """A restart (new process, same database) continues where the person was."""
    env = {
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "PATH": "/usr/bin:/bin",
    }

    def chat(text: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), "chat", "--quiet"],
            input=text,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
            check=True,
        ).stdout

    chat("/bahasa en\n")
    assert "Commands" in chat("/help\n")  # the language chosen in the first process
    first = chat("halo\n")
    assert "Ask about the rules" in first
    # "1" picks the first button shown in the previous process.
    assert "Type your question" in chat("1\n")


async def test_votes_count_once_per_person_and_gaps_accumulate(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        assert await kbstats.record_vote(db, "who-a", "e1", True, NOW)
        assert not await kbstats.record_vote(db, "who-a", "e1", False, NOW)
        assert await kbstats.record_vote(db, "who-b", "e1", False, NOW)
        counts = await kbstats.votes(db)
        assert [(c.entry_id, c.up, c.down) for c in counts] == [("e1", 0, 2)]
        vault = open_vault(db, TEST_SECRET, NOW)
        for _ in range(3):
            await kbstats.record_gap(db, vault, "gaji pppk berapa", NOW)
        await kbstats.record_gap(db, vault, "cara daftar cpns", NOW)
        gaps = await kbstats.top_gaps(db, vault, 5)
        assert [(g.text, g.count) for g in gaps] == [
            ("gaji pppk berapa", 3),
            ("cara daftar cpns", 1),
        ]
    finally:
        db.dispose()


async def test_outbox_dedupe_claim_and_lease(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        msgs = [
            outbox.NewMessage(f"k{i}", "reminder", "telegram", str(100 + i), "menu")
            for i in range(5)
        ]
        assert await outbox.enqueue(db, msgs, NOW) == 5
        assert await outbox.enqueue(db, msgs, NOW) == 0  # the same keys again: nothing new
        first = await outbox.claim(db, "w1", NOW, limit=3)
        second = await outbox.claim(db, "w2", NOW, limit=10)
        assert len(first) == 3 and len(second) == 2
        assert not {r.id for r in first} & {r.id for r in second}
        await outbox.record(
            db, [outbox.Outcome(r.id, outbox.SENT, provider_id=f"p{r.id}") for r in second], NOW
        )
        # w1 "crashed": its rows come back only after the lease expires.
        assert await outbox.claim(db, "w3", NOW + timedelta(seconds=30)) == []
        again = await outbox.claim(db, "w3", NOW + timedelta(minutes=3))
        assert sorted(r.id for r in again) == sorted(r.id for r in first)
        assert all(r.attempts == 2 for r in again)
        assert await outbox.set_delivery(db, f"p{second[0].id}", "delivered") == (
            "telegram",
            second[0].chat,
        )
    finally:
        db.dispose()


async def test_subscribers_stream_and_deactivate(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        for i in range(7):
            await subscribers.subscribe(
                db, "telegram", str(i), f"w{i}", "WITA", "Kota A" if i % 2 else None, "id", NOW
            )
        ids: list[int] = []
        after = 0
        while page := await subscribers.active_page(db, after, limit=3):
            ids += [s.id for s in page]
            after = page[-1].id
        assert len(ids) == 7 == len(set(ids))
        assert await subscribers.count_active(db, "Kota A") == 3
        assert await subscribers.deactivate(db, "telegram", "1", "blocked", NOW)
        assert await subscribers.unsubscribe(db, "w3", NOW) == 1
        assert await subscribers.count_active(db) == 5
    finally:
        db.dispose()


async def test_delivery_reports_out_of_order_never_step_back(db_url: str) -> None:
    db = Database(db_url)
    migrate.upgrade(db)
    try:
        await outbox.enqueue(
            db, [outbox.NewMessage("d1", "reminder", "whatsapp", "c", "menu")], NOW
        )
        (row,) = await outbox.claim(db, "w", NOW)
        await outbox.record(db, [outbox.Outcome(row.id, outbox.SENT, provider_id="SM1")], NOW)
        for state in ("delivered", "sent", "queued"):  # late, stale reports
            await outbox.set_delivery(db, "SM1", state)
        with db.read() as s:
            assert s.get(OutboxMessage, row.id).delivery == "delivered"  # type: ignore[union-attr]
        await outbox.set_delivery(db, "SM1", "read")
        with db.read() as s:
            assert s.get(OutboxMessage, row.id).delivery == "read"  # type: ignore[union-attr]
    finally:
        db.dispose()


async def test_one_conversation_at_a_time_across_workers(pg_url: str) -> None:
    """Two processes' engines on one PostgreSQL: the second waits for the first."""
    first, second = Database(pg_url), Database(pg_url)
    order: list[str] = []

    async def work(db: Database, name: str, hold: float) -> None:
        async with db.exclusive("who-same"):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    try:
        one = asyncio.create_task(work(first, "a", 0.3))
        await asyncio.sleep(0.1)
        await asyncio.gather(one, work(second, "b", 0.0))
        assert order == ["a in", "a out", "b in", "b out"]
        # Another person is never held up by the first.
        order.clear()
        held = asyncio.create_task(work(first, "a", 0.3))
        await asyncio.sleep(0.1)
        async with second.exclusive("who-other"):
            order.append("other")
        await held
        assert order == ["a in", "other", "a out"]
    finally:
        first.dispose()
        second.dispose()
