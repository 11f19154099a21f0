"""Apply Alembic migrations from code, so every command works on a fresh checkout.

Alembic (and Mako with it, 10 MB resident) is imported only when there is
something to do: a database already at the heads the migration files declare
is recognised from its ``alembic_version`` rows alone (``at_heads``).
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database, DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"
# Workers starting together on one PostgreSQL migrate one after another, not in a race.
_LOCK = 0x6173_6E62_6F74_6D67  # "asnbotmg"
# CPython 3.11 builds ast objects with interpreter-wide state: two threads parsing at
# once fail with "AST constructor recursion depth mismatch" (seen when workers of one
# process start together), so parsing here is one thread at a time.
_AST_LOCK = threading.Lock()


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: Database, target: str = "heads") -> list[str]:
    """Migrate to every head (or ``target``); returns the revisions applied."""
    if target == "heads" and at_heads(db):
        return []
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = _config()
    try:
        with db.engine.begin() as conn:
            if not db.is_sqlite:  # held until this transaction ends
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
            before = set(MigrationContext.configure(conn).get_current_heads())
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            after = set(MigrationContext.configure(conn).get_current_heads())
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot migrate the database: {_reason(exc)}") from exc
    script = ScriptDirectory.from_config(cfg)
    return sorted(_lineage(script, after) - _lineage(script, before))


def declared_heads(versions: Path = MIGRATIONS / "versions") -> frozenset[str] | None:
    """The head revisions the migration files declare, read without importing them;
    None when a file does not state its revision and parents as plain literals (then
    only Alembic can tell)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted(versions.glob("*.py")):
        found: dict[str, object] = {}
        try:
            source = path.read_text(encoding="utf-8")
            with _AST_LOCK:
                tree = ast.parse(source)
            for node in tree.body:
                target = node.target if isinstance(node, ast.AnnAssign) else None
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    found[target.id] = ast.literal_eval(node.value)  # type: ignore[arg-type]
        except (OSError, SyntaxError, ValueError):
            return None
        revision, down = found.get("revision"), found.get("down_revision", ...)
        if not isinstance(revision, str) or down is ...:
            return None
        downs = (down,) if isinstance(down, str) else down or ()
        if not isinstance(downs, tuple | list) or not all(isinstance(d, str) for d in downs):
            return None
        revisions.add(revision)
        parents.update(downs)
    return frozenset(revisions - parents) if revisions else None


def at_heads(db: Database) -> bool:
    """True when the database stands exactly at the declared heads (nothing to apply)."""
    heads = declared_heads()
    if heads is None:
        return False
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return frozenset(rows) == heads
    except SQLAlchemyError:  # no table yet (a new database): Alembic creates it
        return False


def _lineage(script: ScriptDirectory, heads: set[str]) -> set[str]:
    """Every revision at or below ``heads``: what a database at those heads has applied."""
    if not heads:
        return set()
    return {rev.revision for rev in script.iterate_revisions(tuple(heads), "base")}


def upgrade_to(db: Database, revisions: tuple[str, ...]) -> None:
    """Migrate a new database to exactly these revisions (a restore's starting point)."""
    from alembic import command

    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for revision in revisions:
            command.upgrade(cfg, revision)


def pending(db: Database) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current != set(script.get_heads())


def _reason(exc: SQLAlchemyError) -> str:
    # The driver's message can hold the URL with a password: keep the class only.
    orig = getattr(exc, "orig", None)
    return (orig or exc).__class__.__name__
