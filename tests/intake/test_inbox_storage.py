"""The inbox on real SQLite and PostgreSQL: stored once, claimed in order, leased, forgotten."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storage import inbox, migrate
from storage.db import Database
from storage.inbox import NewItem
from storage.models import InboxItem

NOW = datetime(2026, 11, 25, 1, 37, 12, 345678, tzinfo=UTC)
LEASE = timedelta(seconds=30)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    migrate.upgrade(database)
    yield database
    database.dispose()


def item(key: str, conversation: str | None = "chat-a") -> NewItem:
    return NewItem(key, conversation, f"sealed {key}".encode())


async def test_a_resent_update_is_stored_once_even_when_racing(db: Database) -> None:
    stored = await asyncio.gather(
        *(inbox.store(db, "telegram", [item("k1")], NOW) for _ in range(8))
    )
    assert sorted(len(keys) for keys in stored) == [0] * 7 + [1]
    assert await inbox.store(db, "telegram", [item("k1"), item("k2")], NOW) == {"k2"}
    assert await inbox.unfinished(db, "telegram") == 2


async def test_one_conversation_is_claimed_in_arrival_order(db: Database) -> None:
    await inbox.store(db, "telegram", [item("a1", "a"), item("b1", "b"), item("a2", "a")], NOW)
    await inbox.store(db, "telegram", [item("x", None)], NOW)  # no chat: no order to keep
    first = await inbox.claim(db, "telegram", NOW, 10, LEASE)
    assert [c.payload for c in first] == [b"sealed a1", b"sealed b1", b"sealed x"]
    # a2 waits while a1 is in hand, whoever asks.
    assert await inbox.claim(db, "telegram", NOW, 10, LEASE) == []
    await inbox.finish(db, [first[0].id])
    (second,) = await inbox.claim(db, "telegram", NOW, 10, LEASE)
    assert second.payload == b"sealed a2"
    assert await inbox.claim(db, "whatsapp", NOW, 10, LEASE) == []  # another channel's


async def test_a_lease_that_runs_out_gives_the_update_to_another_worker(db: Database) -> None:
    await inbox.store(db, "whatsapp", [item("m1"), item("m2")], NOW)
    (one,) = await inbox.claim(db, "whatsapp", NOW, 1, LEASE)
    assert one.attempts == 1
    assert await inbox.claim(db, "whatsapp", NOW + LEASE / 2, 5, LEASE) == []  # m2 waits for m1
    await inbox.extend(db, [one.id], NOW + LEASE * 2)  # its worker is alive and busy
    assert await inbox.claim(db, "whatsapp", NOW + LEASE + timedelta(seconds=1), 5, LEASE) == []
    (again,) = await inbox.claim(db, "whatsapp", NOW + LEASE * 3, 5, LEASE)
    assert again.id == one.id and again.attempts == 2
    # A worker that stops mid-update hands it back at once.
    assert await inbox.release(db, "whatsapp", [one.id]) == 1
    (third,) = await inbox.claim(db, "whatsapp", NOW + LEASE * 3, 5, LEASE)
    assert third.id == one.id and third.attempts == 3


async def test_a_handled_update_keeps_only_its_key_and_hour(db: Database) -> None:
    await inbox.store(db, "telegram", [item("k1")], NOW)
    (row,) = await inbox.claim(db, "telegram", NOW, 1, LEASE)
    await inbox.finish(db, [row.id])
    with db.read() as s:
        kept = s.get(InboxItem, row.id)
        assert kept is not None
        assert (kept.payload, kept.conversation, kept.lease_until) == (None, None, None)
        assert kept.dedupe_key == "k1" and kept.status == "done"
        stored_hour = kept.received_hour.replace(tzinfo=UTC)
    assert stored_hour == datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    assert await inbox.unfinished(db, "telegram") == 0


async def test_keys_are_forgotten_after_the_retention(db: Database) -> None:
    await inbox.store(db, "telegram", [item("old"), item("waiting", "chat-b")], NOW)
    (row, _) = await inbox.claim(db, "telegram", NOW, 5, LEASE)
    await inbox.finish(db, [row.id])
    assert await inbox.purge(db, NOW - timedelta(hours=1)) == 0  # not that old
    assert await inbox.purge(db, NOW + timedelta(days=7)) == 1  # unfinished ones stay
    assert await inbox.store(db, "telegram", [item("old")], NOW) == {"old"}  # new again


async def test_two_processes_never_claim_the_same_update_or_break_a_chat_s_order(
    pg_url: str,
) -> None:
    one, two = Database(pg_url), Database(pg_url)
    migrate.upgrade(one)
    try:
        items = [item(f"k{n}", f"chat-{n % 10}") for n in range(200)]
        await inbox.store(one, "telegram", items, NOW)
        handled: list[bytes] = []

        async def worker(db: Database) -> None:
            while True:
                rows = await inbox.claim(db, "telegram", NOW, 4, LEASE)
                if not rows:
                    if not await inbox.unfinished(db, "telegram"):
                        return
                    await asyncio.sleep(0.005)
                    continue
                handled.extend(r.payload or b"" for r in rows)
                await inbox.finish(db, [r.id for r in rows])

        await asyncio.gather(worker(one), worker(two), worker(one), worker(two))
        assert sorted(handled) == sorted(i.payload for i in items)  # each exactly once
        for chat in range(10):
            mine = [int(p.split(b"k")[1]) for p in handled if int(p.split(b"k")[1]) % 10 == chat]
            assert mine == sorted(mine), f"chat {chat} out of order"
    finally:
        one.dispose()
        two.dispose()
