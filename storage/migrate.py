"""Apply Alembic migrations from code, so every command works on a fresh checkout."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database, DatabaseError

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: Database) -> list[str]:
    """Migrate to every head; returns the revisions applied (empty if current)."""
    cfg = _config()
    try:
        with db.engine.begin() as conn:
            before = set(MigrationContext.configure(conn).get_current_heads())
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
            after = set(MigrationContext.configure(conn).get_current_heads())
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot migrate the database: {_reason(exc)}") from exc
    return sorted(after - before)


def upgrade_to(db: Database, revisions: tuple[str, ...]) -> None:
    """Migrate a new database to exactly these revisions (a restore's starting point)."""
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for revision in revisions:
            command.upgrade(cfg, revision)


def pending(db: Database) -> bool:
    script = ScriptDirectory.from_config(_config())
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current != set(script.get_heads())


def _reason(exc: SQLAlchemyError) -> str:
    # The driver's message can hold the URL with a password: keep the class only.
    orig = getattr(exc, "orig", None)
    return (orig or exc).__class__.__name__
