"""A database already at head starts without Alembic; one behind is still migrated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage import migrate
from storage.db import Database
from tests.conftest import REPO


def test_declared_heads_are_alembics_heads() -> None:
    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.declared_heads() == frozenset(script.get_heads())


def test_an_unreadable_revision_file_leaves_the_decision_to_alembic(tmp_path: Path) -> None:
    (tmp_path / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (tmp_path / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n')
    assert migrate.declared_heads(tmp_path) == {"0002"}
    (tmp_path / "0003_c.py").write_text('revision = make_id()\ndown_revision = "0002"\n')
    assert migrate.declared_heads(tmp_path) is None


def test_a_migrated_database_starts_without_importing_alembic(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert migrate.upgrade(db)
        assert migrate.at_heads(db)
    finally:
        db.dispose()
    probe = (
        "import sys\n"
        "from storage.db import Database\n"
        "from storage import migrate\n"
        f"db = Database({db_url!r})\n"
        "print(migrate.upgrade(db), 'alembic' in sys.modules, 'mako' in sys.modules)\n"
        "db.dispose()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["[]", "False", "False"]


def test_a_database_behind_the_heads_is_still_migrated(db_url: str) -> None:
    db = Database(db_url)
    try:
        assert not migrate.at_heads(db)  # new: no alembic_version table yet
        migrate.upgrade_to(db, ("0001",))
        assert not migrate.at_heads(db)
        applied = migrate.upgrade(db)
        assert "0001" not in applied and set(migrate.declared_heads() or ()) <= set(applied)
        assert migrate.at_heads(db)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM subscribers")).scalar() == 0
    finally:
        db.dispose()
