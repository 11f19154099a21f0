"""Engine and sessions: SQLite (WAL, busy timeout) or PostgreSQL, the same code.

Repository functions are async and run short synchronous transactions on a
worker thread: measured on this kind of machine, sync SQLite is ~5x faster per
statement than aiosqlite, and a thread hop keeps the event loop free.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from storage.errors import DatabaseError

T = TypeVar("T")
P = ParamSpec("P")


def upsert_insert(is_sqlite: bool) -> Any:
    """The dialect's ``insert`` (it has ON CONFLICT); only that dialect's module is
    imported, so a SQLite process never loads PostgreSQL's (and ``asnbot ask`` neither)."""
    if is_sqlite:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    return pg_insert


def _sqlite_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so
        # writers can start with BEGIN IMMEDIATE (TECH-NOTES: a deferred
        # read-then-write fails at once under WAL when another writer won).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', '')}")


class Database:
    """One engine per process; sessions are short and never leave ``storage``."""

    def __init__(self, url: str, *, busy_timeout_ms: int = 5000, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_sqlite:
            _private_sqlite_file(url)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = create_engine(url, **kwargs)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise DatabaseError(f"storage.url is not usable: {exc.__class__.__name__}") from exc
        if self.is_sqlite:
            _sqlite_pragmas(self.engine, busy_timeout_ms)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writers = sessionmaker(writer, expire_on_commit=False)
        self._locks: Engine | None = None  # PostgreSQL only, made on first use
        # SQLite takes one writer at a time; a writer that finds the lock taken waits in
        # SQLite's busy handler, which sleeps 1, 2, 5 … up to 100 ms between looks. Writers
        # of this process queue here instead and start the moment the previous one ends
        # (measured under a webhook burst: the busy waits were a fifth of the samples).
        # Reentrant, so a nested write fails as before rather than hanging.
        self._write_turn: threading.RLock | None = threading.RLock() if self.is_sqlite else None

    @asynccontextmanager
    async def exclusive(self, key: str, wait_seconds: float = 30.0) -> AsyncIterator[None]:
        """Work on ``key`` one at a time across processes (e.g. one person's messages
        reaching two workers). PostgreSQL: a session advisory lock on a connection from
        a pool of its own, so lock holders never starve the pool their work needs.
        SQLite is served by one process, whose in-process lock already suffices."""
        async with self._advisory(key, wait_seconds) as held:
            if not held:
                raise DatabaseError("timed out waiting for a conversation lock")
            yield

    @asynccontextmanager
    async def first_come(self, key: str) -> AsyncIterator[bool]:
        """True if no other process works on ``key`` now (and none will until the block
        ends); False at once if one does. For work one process should do, such as
        planning a scheduler tick. SQLite: always True (one process serves it)."""
        async with self._advisory(key, 0.0) as held:
            yield held

    @asynccontextmanager
    async def _advisory(self, key: str, wait_seconds: float) -> AsyncIterator[bool]:
        if self.is_sqlite:
            yield True
            return
        if self._locks is None:
            self._locks = create_engine(
                self.url, isolation_level="AUTOCOMMIT", pool_size=10, max_overflow=40
            )
        lock_id = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        conn = await asyncio.to_thread(self._locks.connect)
        try:
            # Polling with pg_try_advisory_lock keeps every wait cancellable: a blocking
            # pg_advisory_lock on a worker thread would outlive a cancelled task.
            deadline = time.monotonic() + wait_seconds
            held = await asyncio.to_thread(_try_lock, conn, lock_id)
            while not held and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
                held = await asyncio.to_thread(_try_lock, conn, lock_id)
            try:
                yield held
            finally:
                if held:
                    await asyncio.to_thread(_unlock, conn, lock_id)
        finally:
            await asyncio.to_thread(conn.close)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A writer transaction: BEGIN IMMEDIATE on SQLite, so it never deadlocks."""
        with self._write_turn or contextlib.nullcontext(), self._writers() as session:
            with session.begin():
                yield session

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` (which opens its own transaction) off the event loop."""
        return await asyncio.to_thread(fn, *args)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def dispose(self) -> None:
        self.engine.dispose()
        if self._locks is not None:
            self._locks.dispose()


def _try_lock(conn: Connection, lock_id: int) -> bool:
    return bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_id}).scalar())


def _unlock(conn: Connection, lock_id: int) -> None:
    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_id})


def _private_sqlite_file(url: str) -> None:
    """The database file exists, readable by its owner only, before SQLite opens it.

    SQLite creates a file 0644 (less the umask) and gives its -wal and -shm files
    the database file's own mode; so the file is made 0600 first, and one left
    more open by an older version is closed down, with its companions.
    """
    path = url.split("///", 1)[1] if "///" in url else ""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    db = Path(path.split("?", 1)[0]).expanduser()
    db.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)


def off_loop(
    fn: Callable[Concatenate[Database, P], T],
) -> Callable[Concatenate[Database, P], Coroutine[Any, Any, T]]:
    """The async face of a repository function: the same call, run on a worker thread.

    Repository functions are written once, synchronously (``_load(db, who)``);
    ``load = off_loop(_load)`` is what handlers await.
    """

    @functools.wraps(fn)
    async def call(db: Database, *args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.to_thread(fn, db, *args, **kwargs)

    return call
