"""Backup and restore: every table and every encrypted media file, in one sealed file.

The tables are read in one snapshot (REPEATABLE READ on PostgreSQL, one read
transaction under WAL on SQLite), so a backup taken while the bot runs is
consistent; media files are copied after the snapshot, so every photo the
snapshot names is there unless it was purged in between (counted, not fatal).

Inside the sealed stream (``storage.sealedstream``) is a gzip'd tar, in order:
``manifest.json`` (format, schema revisions, table order), one
``tables/NNN-name.jsonl`` per table, ``media/<name>`` per file, and
``trailer.json`` (row counts and SHA-256 of every media file), which restore
checks before it commits anything.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, func, select, text
from sqlalchemy.engine import Connection

from storage import migrate
from storage.db import Database
from storage.media import MEDIA_NAME
from storage.sealedstream import SealedReader, SealedWriter

FORMAT = 1
BATCH = 500
SKIP_TABLES = frozenset({"alembic_version"})
Progress = Callable[[str], None]


class BackupError(RuntimeError):
    """A backup cannot be made or restored; the message is safe to print."""


@dataclass(frozen=True)
class Report:
    rows: dict[str, int]
    media: int
    media_missing: int = 0
    heads: tuple[str, ...] = ()


def _quiet(_line: str) -> None:
    return None


# --- backup ---------------------------------------------------------------


def backup(
    db: Database,
    media_root: Path,
    out: BinaryIO,
    key: bytes,
    now: dt.datetime,
    progress: Progress = _quiet,
) -> Report:
    """Writes the whole store to ``out``, sealed with ``key``."""
    writer = SealedWriter(out, key)
    with tarfile.open(fileobj=writer, mode="w|gz") as tar:
        with _snapshot(db) as conn:
            heads = sorted(MigrationContext.configure(conn).get_current_heads())
            tables = _tables(conn)
            manifest = {
                "format": FORMAT,
                "app": "asnbot",
                "created_at": now.isoformat(),
                "dialect": conn.dialect.name,
                "heads": heads,
                "tables": [t.name for t in tables],
            }
            _add_json(tar, "manifest.json", manifest)
            rows: dict[str, int] = {}
            for n, table in enumerate(tables):
                member = f"tables/{n:03d}-{table.name}.jsonl"
                rows[table.name] = _add_table(tar, member, conn, table)
                progress(f"{table.name}: {rows[table.name]} rows")
        # Media are copied after the snapshot: files newer than it are harmless
        # extras; files purged since are counted, not fatal.
        hashes, missing = _add_media(tar, media_root)
        gone = f", {missing} purged meanwhile" if missing else ""
        progress(f"media: {len(hashes)} files{gone}")
        _add_json(tar, "trailer.json", {"rows": rows, "media": hashes})
    writer.close()
    return Report(rows, len(hashes), missing, tuple(heads))


class _snapshot:
    """A connection whose every read sees the same instant of the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> Connection:
        conn = self.db.engine.connect()
        if not self.db.is_sqlite:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        self._conn = conn
        self._tx = conn.begin()
        return conn

    def __exit__(self, *exc: object) -> None:
        self._tx.rollback()  # read only: nothing to keep
        self._conn.close()


def _tables(conn: Connection) -> list[Table]:
    meta = MetaData()
    meta.reflect(conn)
    return [t for t in meta.sorted_tables if t.name not in SKIP_TABLES]


def _add_json(tar: tarfile.TarFile, name: str, value: Any) -> None:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    _add_bytes(tar, name, io.BytesIO(data), len(data))


def _add_bytes(tar: tarfile.TarFile, name: str, fh: BinaryIO, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    tar.addfile(info, fh)


def _add_table(tar: tarfile.TarFile, name: str, conn: Connection, table: Table) -> int:
    codecs = [_codec(c.type) for c in table.columns]
    names = [c.name for c in table.columns]
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(table).order_by(*table.primary_key.columns)
        )
        for row in result:
            record = {k: enc(v) for k, (enc, _), v in zip(names, codecs, row, strict=True)}
            spool.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
            count += 1
        size = spool.tell()
        spool.seek(0)
        _add_bytes(tar, name, spool, size)  # type: ignore[arg-type]
    return count


def _add_media(tar: tarfile.TarFile, root: Path) -> tuple[dict[str, str], int]:
    hashes: dict[str, str] = {}
    missing = 0
    names = sorted(p.name for p in root.iterdir()) if root.is_dir() else []
    for name in names:
        if not MEDIA_NAME.match(name):
            continue
        try:
            data = (root / name).read_bytes()
        except FileNotFoundError:
            missing += 1
            continue
        hashes[name] = hashlib.sha256(data).hexdigest()
        _add_bytes(tar, f"media/{name}", io.BytesIO(data), len(data))
    return hashes, missing


# --- values ---------------------------------------------------------------

Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _same(value: Any) -> Any:
    return value


def _codec(col_type: Any) -> Codec:
    """How a column's values travel as JSON, chosen by the column's Python type."""
    try:
        kind = col_type.python_type
    except NotImplementedError:
        return _same, _same
    if kind is dt.datetime:
        return _iso, lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if kind is dt.date:
        return _iso, lambda v: None if v is None else dt.date.fromisoformat(v)
    if kind is bytes:
        return (
            lambda v: None if v is None else base64.b64encode(bytes(v)).decode(),
            lambda v: None if v is None else base64.b64decode(v),
        )
    return _same, _same


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


# --- restore --------------------------------------------------------------


def restore(
    db: Database,
    media_root: Path,
    src: BinaryIO,
    key: bytes,
    *,
    force: bool = False,
    progress: Progress = _quiet,
) -> Report:
    """Loads a backup into an empty database and media folder, then migrates to head.

    Everything is checked (frames, row counts, media hashes) before the
    transaction commits; on any error nothing is kept.
    """
    existing = media_names(media_root)
    if existing and not force:
        raise BackupError(f"{media_root} already holds media files: restore into an empty folder")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=_parent(media_root)))
    try:
        with tarfile.open(fileobj=SealedReader(src, key), mode="r|gz") as tar:
            members = _members(tar)
            manifest = _json(next(members, None), "manifest.json")
            if manifest.get("format") != FORMAT or manifest.get("app") != "asnbot":
                raise BackupError("not an asnbot backup of a format this version reads")
            heads = tuple(manifest["heads"])
            _prepare_schema(db, heads)
            rows, hashes = _load(db, members, manifest["tables"], staging, force, progress)
        _move_media(staging, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    migrate.upgrade(db)
    progress(f"media: {len(hashes)} files")
    return Report(rows, len(hashes), 0, heads)


def _parent(root: Path) -> Path:
    root.parent.mkdir(parents=True, exist_ok=True)
    return root.parent


def _members(tar: tarfile.TarFile) -> Iterator[tuple[str, bytes]]:
    for info in tar:
        fh = tar.extractfile(info)
        if fh is None:
            raise BackupError(f"{info.name}: not a regular file in the backup")
        yield info.name, fh.read()


def _json(member: tuple[str, bytes] | None, name: str) -> Any:
    if member is None or member[0] != name:
        raise BackupError(f"the backup lacks {name} where it belongs")
    return json.loads(member[1])


def _prepare_schema(db: Database, heads: tuple[str, ...]) -> None:
    """A new database is migrated to the backup's revisions; an existing one must match."""
    with db.engine.connect() as conn:
        current = tuple(sorted(MigrationContext.configure(conn).get_current_heads()))
    if not current:
        try:
            migrate.upgrade_to(db, heads)
        except Exception as exc:
            raise BackupError(
                f"the backup's schema ({', '.join(heads)}) is unknown to this asnbot: "
                "restore it with the version that made it"
            ) from exc
    elif current != tuple(sorted(heads)):
        raise BackupError(
            f"the database is at schema {', '.join(current)}, the backup at {', '.join(heads)}: "
            "restore into a new, empty database"
        )


def _load(
    db: Database,
    members: Iterator[tuple[str, bytes]],
    order: list[str],
    staging: Path,
    force: bool,
    progress: Progress,
) -> tuple[dict[str, int], dict[str, str]]:
    with db.engine.connect() as conn, conn.begin():
        tables = {t.name: t for t in _tables(conn)}
        if set(order) - set(tables):
            raise BackupError("the backup names tables this schema lacks")
        _empty_or_wipe(conn, [tables[n] for n in order], force)
        rows: dict[str, int] = {}
        for n, name in enumerate(order):
            member = next(members, None)
            if member is None or member[0] != f"tables/{n:03d}-{name}.jsonl":
                raise BackupError(f"the backup is missing table {name}")
            rows[name] = _insert(conn, tables[name], member[1])
            progress(f"{name}: {rows[name]} rows")
        hashes: dict[str, str] = {}
        for member_name, data in members:
            if member_name == "trailer.json":
                trailer = json.loads(data)
                _verify(trailer, rows, hashes)
                _reset_sequences(conn, [tables[n] for n in order])
                return rows, hashes
            media = member_name.removeprefix("media/")
            if not member_name.startswith("media/") or not MEDIA_NAME.match(media):
                raise BackupError(f"{member_name}: unexpected entry in the backup")
            _write_private(staging / media, data)
            hashes[media] = hashlib.sha256(data).hexdigest()
    raise BackupError("the backup has no trailer: it is incomplete")


def _empty_or_wipe(conn: Connection, tables: list[Table], force: bool) -> None:
    filled = [t.name for t in tables if conn.execute(select(func.count()).select_from(t)).scalar()]
    if filled and not force:
        raise BackupError(
            f"the database already holds data ({', '.join(filled[:4])}…): restore into an empty "
            "one, or pass --force to replace everything in it"
        )
    for table in reversed(tables):
        if table.name in filled:
            conn.execute(table.delete())


def _insert(conn: Connection, table: Table, data: bytes) -> int:
    decoders = {c.name: _codec(c.type)[1] for c in table.columns}
    batch: list[dict[str, Any]] = []
    count = 0
    for line in data.splitlines():
        record = json.loads(line)
        batch.append({k: decoders[k](v) for k, v in record.items()})
        if len(batch) >= BATCH:
            conn.execute(table.insert(), batch)
            count += len(batch)
            batch = []
    if batch:
        conn.execute(table.insert(), batch)
        count += len(batch)
    return count


def _verify(trailer: dict[str, Any], rows: dict[str, int], hashes: dict[str, str]) -> None:
    if trailer.get("rows") != rows:
        raise BackupError("row counts differ from the backup's own record: it is damaged")
    if trailer.get("media") != hashes:
        raise BackupError("media files differ from the backup's own record: it is damaged")


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL hands out ids from sequences, which inserted rows did not advance."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        for col in table.primary_key.columns:
            seq = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": col.name}
            ).scalar()
            if seq:
                conn.execute(
                    text(
                        f'SELECT setval(:s, COALESCE(MAX("{col.name}"), 1), '  # noqa: S608
                        f'MAX("{col.name}") IS NOT NULL) FROM "{table.name}"'
                    ),
                    {"s": seq},
                )


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _move_media(staging: Path, root: Path) -> None:
    """Replaces the folder's media with the restored ones (the database already has)."""
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    for name in media_names(root):
        (root / name).unlink()
    for path in staging.iterdir():
        os.replace(path, root / path.name)


def media_names(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if MEDIA_NAME.match(p.name))
