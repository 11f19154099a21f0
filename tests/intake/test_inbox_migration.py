"""Migrations 0109 and 0111 on databases that already hold data, and workers migrating together."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import inspect, text

from storage import inbox, migrate
from storage.db import Database
from storage.health import probe_write
from storage.inbox import NewItem

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


def test_0109_upgrades_a_database_in_use(db_url: str) -> None:
    db = Database(db_url)
    try:
        migrate.upgrade(db, "0106")
        with db.write() as s:
            s.execute(
                text("INSERT INTO whatsapp_inbound (message_sid, handled_at) VALUES (:s, :t)"),
                {"s": "SM" + "1" * 32, "t": NOW},
            )
            s.execute(
                text("INSERT INTO whatsapp_windows (chat_key, last_inbound_at) VALUES (:k, :t)"),
                {"k": "chat-key", "t": NOW},
            )
        assert {"0109", "0111"} <= set(migrate.upgrade(db))
        tables = set(inspect(db.engine).get_table_names())
        assert {"inbox", "health_probe", "whatsapp_windows"} <= tables
        # Raw MessageSids with their instants: gone, table and all (0109 empties it,
        # 0111 drops it once every branch that touched it has run).
        assert "whatsapp_inbound" not in tables
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM whatsapp_windows")).scalar() == 1
        assert probe_write(db)
        assert asyncio.run(inbox.store(db, "whatsapp", [NewItem("k", "c", b"x")], NOW)) == {"k"}
        assert not migrate.pending(db)
    finally:
        db.dispose()


async def test_workers_starting_together_migrate_one_after_another(pg_url: str) -> None:
    dbs = [Database(pg_url) for _ in range(3)]
    try:
        applied = await asyncio.gather(*(asyncio.to_thread(migrate.upgrade, db) for db in dbs))
        assert sorted(bool(a) for a in applied) == [False, False, True]
        assert not migrate.pending(dbs[0])
    finally:
        for db in dbs:
            db.dispose()


async def test_a_fresh_database_stays_empty_until_probed_and_probes_may_race(
    db_url: str,
) -> None:
    db = Database(db_url)
    try:
        migrate.upgrade(db)
        with db.read() as s:  # nothing written yet: a backup may be restored into it
            assert s.execute(text("SELECT count(*) FROM health_probe")).scalar() == 0
        probes = await asyncio.gather(*(asyncio.to_thread(probe_write, db) for _ in range(8)))
        assert probes == [True] * 8
        with db.read() as s:
            assert s.execute(text("SELECT writes FROM health_probe")).scalar() == 8
    finally:
        db.dispose()
