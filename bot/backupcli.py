"""``asnbot backup FILE`` / ``asnbot restore FILE``: database and media, sealed together."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.config import ConfigError, Settings
from bot.secretkey import resolve

AddConfig = Callable[[argparse.ArgumentParser], None]
PURPOSE = "backup-v1"


def _progress(line: str) -> None:
    print(f"  {line}", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    # The database layer is imported when the command runs, not when the parser is built.
    from bot.cli import CliError, _settings
    from bot.wiring import open_database
    from storage import backup as store
    from storage.keys import derive

    settings = _settings(args, quiet=True)
    secret = resolve(settings)
    target = Path(args.file)
    if target.is_dir():
        raise CliError(f"{target}: is a folder; give a file name")
    part = target.with_name(target.name + ".part")
    db = open_database(settings)
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            report = store.backup(
                db,
                Path(settings.storage.media_dir),
                out,
                derive(secret.value, PURPOSE),
                datetime.now(UTC),
                _progress,
            )
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise CliError(f"{target}: cannot write the backup ({exc.strerror})") from None
    finally:
        db.dispose()
    rows = sum(report.rows.values())
    print(
        f"backup written to {target}: {rows} rows in {len(report.rows)} tables, "
        f"{report.media} media files"
    )
    if secret.generated_at is not None or not settings.secrets.secret_key:
        print(
            "keep the secret key file beside the database: the backup opens only with it",
            file=sys.stderr,
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from bot.cli import CliError, _settings
    from storage import backup as store
    from storage.db import Database
    from storage.keys import derive

    settings = _settings(args, quiet=True)
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"{source}: no such file")
    key = derive(_existing_secret(settings), PURPOSE)
    db = Database(settings.storage.url, busy_timeout_ms=settings.storage.busy_timeout_ms)
    try:
        with source.open("rb") as src:
            report = store.restore(
                db,
                Path(settings.storage.media_dir),
                src,
                key,
                force=args.force,
                progress=_progress,
            )
    except (store.BackupError, ValueError) as exc:
        raise CliError(f"restore failed, nothing was changed: {exc}") from None
    finally:
        db.dispose()
    rows = sum(report.rows.values())
    print(
        f"restored {rows} rows in {len(report.rows)} tables and {report.media} media files "
        f"from {source}; the database is at the latest version"
    )
    return 0


def _existing_secret(settings: Settings) -> str:
    """The secret that opens the backup; never a newly generated one, which could not."""
    if not settings.secrets.secret_key:
        url = settings.storage.url
        key_file = Path(url.removeprefix("sqlite:///").split("?", 1)[0]).parent / "secret.key"
        if url.startswith("sqlite:///") and not key_file.exists():
            raise ConfigError(
                "ASNBOT_SECRET_KEY: not set, and no secret.key beside the database; set the "
                f"secret of the installation that made the backup (or copy its {key_file.name})"
            )
    return resolve(settings).value


def register(sub: argparse._SubParsersAction, add_config: AddConfig) -> None:
    p = sub.add_parser("backup", help="write the database and media to one sealed file")
    add_config(p)
    p.add_argument("file", help="where to write the backup (mode 0600)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="load a backup into an empty database and media folder")
    add_config(p)
    p.add_argument("file", help="a file written by asnbot backup")
    p.add_argument("--force", action="store_true", help="replace data already in the database")
    p.set_defaults(func=cmd_restore)
