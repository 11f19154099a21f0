"""Apply Alembic migrations from code, so every command works on a fresh checkout."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database, DatabaseError

MIGRATIONS = Path(__file__).parent / "migrations"
# Workers starting together on one PostgreSQL migrate one after another, not in a race.
_LOCK = 0x6173_6E62_6F74_6D67  # "asnbotmg"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: Database, target: str = "heads") -> list[str]:
    """Migrate to every head (or ``target``); returns the revisions applied."""
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


def _lineage(script: ScriptDirectory, heads: set[str]) -> set[str]:
    """Every revision at or below ``heads``: what a database at those heads has applied."""
    if not heads:
        return set()
    return {rev.revision for rev in script.iterate_revisions(tuple(heads), "base")}


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
