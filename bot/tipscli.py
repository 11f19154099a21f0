"""``asnbot tips list|show|export|purge|nudge`` and ``asnbot keys rotate``.

Operators at the terminal are trusted, but see no more than an admin in the
chat: the database holds nothing about who sent a tip, so nothing can show it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import ConfigError

if TYPE_CHECKING:
    from bot.wiring import App

# Each command imports the database layer and the tip machinery when it runs:
# building the parser for any other command must not load them.

AddConfig = Callable[[argparse.ArgumentParser], None]
NEW_SECRET_ENV = "ASNBOT_NEW_SECRET_KEY"  # noqa: S105 - a variable name, not a secret


def _with_app(args: argparse.Namespace, work: Callable[[App], int]) -> int:
    from bot.cli import _app

    app = _app(args, quiet=True)
    try:
        return work(app)
    finally:
        app.close()


def cmd_list(args: argparse.Namespace) -> int:
    from handlers.admin.common import parse_filters
    from handlers.localtime import stamp
    from handlers.tips.kit import kit
    from storage import tips
    from storage.tips import OPEN

    def work(app: App) -> int:
        f = parse_filters(args.filters, OPEN)
        tk = kit(app.services)
        rows, total = asyncio.run(
            tips.listing(app.services.db, tk.vault, f.statuses, f.category, 0, args.limit)
        )
        for r in rows:
            preview = " ".join(r.preview.split())[:70]
            print(
                f"#{r.id}\t{r.status}\t{r.category or '-'}\t"
                f"{stamp(r.created_at)}\t{r.photos} photo(s)\t{preview}"
            )
        print(f"{len(rows)} of {total} tips")
        return 0

    return _with_app(args, work)


def cmd_show(args: argparse.Namespace) -> int:
    from handlers.localtime import stamp
    from handlers.tips.kit import kit
    from storage import tips

    def work(app: App) -> int:
        from bot.cli import CliError

        tk = kit(app.services)
        d = asyncio.run(tips.detail(app.services.db, tk.vault, args.id))
        if d is None:
            raise CliError(f"no tip #{args.id}")
        print(f"tip #{d.id}  status {d.status}  category {d.category or '-'}")
        print(f"created {stamp(d.created_at)}  claimed by {d.claimed_by or '-'}")
        for label, value in (("office", d.office), ("place", d.place), ("when", d.occurred)):
            print(f"{label}: {value or '-'}")
        print(f"tipster notified of replies: {'yes' if d.notify else 'no'}")
        print("\n" + d.body + "\n")
        for e in d.events:
            what = e.status if e.kind == "status" else e.kind
            print(f"{stamp(e.at)}  {what}  {e.actor or 'tipster'}  {e.body or ''}")
        for m in d.media:
            state = "purged" if m.purged else f"sha256 {m.sha256}"
            print(f"photo {m.id}: {state}")
            if args.photos and not m.purged and tk.media.exists(m.file_name):
                out = Path(args.photos)
                out.mkdir(parents=True, exist_ok=True)
                (out / f"tip{d.id}-photo{m.id}.jpg").write_bytes(tk.media.get(m.file_name))
        return 0

    return _with_app(args, work)


def cmd_export(args: argparse.Namespace) -> int:
    from handlers.admin.common import parse_filters
    from handlers.admin.reports import to_csv
    from handlers.tips.kit import kit
    from storage import tips

    def work(app: App) -> int:
        f = parse_filters(args.filters, ())
        rows = asyncio.run(
            tips.export(app.services.db, kit(app.services).vault, f.statuses, f.category)
        )
        data = to_csv(rows)
        if args.output == "-":
            sys.stdout.buffer.write(data)
        else:
            fd = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            print(f"{len(rows)} tips written to {args.output}", file=sys.stderr)
        return 0

    return _with_app(args, work)


def cmd_purge(args: argparse.Namespace) -> int:
    from handlers.tips import maintenance

    def work(app: App) -> int:
        n = asyncio.run(maintenance.purge_media(app.services, app.services.clock()))
        print(f"{n} photo file(s) deleted")
        return 0

    return _with_app(args, work)


def cmd_nudge(args: argparse.Namespace) -> int:
    from handlers.tips import maintenance

    def work(app: App) -> int:
        n = asyncio.run(maintenance.enqueue_sla_nudges(app.services, app.services.clock()))
        print(f"{n} reminder(s) queued for admins")
        return 0

    return _with_app(args, work)


def cmd_rotate(args: argparse.Namespace) -> int:
    from bot.cli import CliError, _settings
    from bot.secretkey import resolve
    from bot.wiring import open_database
    from storage import rotation
    from storage.keys import MIN_SECRET_CHARS
    from storage.media import MediaStore
    from storage.vault import VaultError, open_vault

    settings = _settings(args)
    secret = resolve(settings).value
    new_secret = os.environ.get(NEW_SECRET_ENV) or None
    if new_secret is not None and len(new_secret) < MIN_SECRET_CHARS:
        raise ConfigError(f"{NEW_SECRET_ENV}: must have at least {MIN_SECRET_CHARS} characters")
    db = open_database(settings)
    try:
        from datetime import UTC, datetime

        now = datetime.now(UTC)
        try:
            old = open_vault(db, secret, now)
        except VaultError as exc:
            raise ConfigError(str(exc)) from None
        media = MediaStore(settings.storage.media_dir, old)
        try:
            new = rotation.next_vault(old, secret, new_secret)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        report = rotation.rotate(db, media, old, new, now)
    finally:
        db.dispose()
    print(
        f"re-encrypted to key version {report.new_version}: {report.tips} tips, "
        f"{report.events} events, {report.files} photos, {report.states} conversations, "
        f"{report.outbox} queued messages, {report.inbox} waiting updates, "
        f"{report.gaps} unanswered questions"
    )
    if new_secret:
        print(
            f"now replace ASNBOT_SECRET_KEY with the value of {NEW_SECRET_ENV} and restart; "
            "conversations in progress and rate limits start afresh (they are keyed by it)",
            file=sys.stderr,
        )
    return 0


def register(sub: argparse._SubParsersAction, add_config: AddConfig) -> None:
    p = sub.add_parser("tips", help="anonymous tips: list, show, export, purge, nudge")
    add_config(p)
    tsub = p.add_subparsers(dest="tips_command", metavar="ACTION")
    q = tsub.add_parser("list", help="open tips, newest first (filters like /tips)")
    add_config(q)
    q.add_argument("filters", nargs="*", help="status words (or 'semua'), category")
    q.add_argument("--limit", type=int, default=50)
    q.set_defaults(func=cmd_list)
    q = tsub.add_parser("show", help="one tip with its history")
    add_config(q)
    q.add_argument("id", type=int)
    q.add_argument("--photos", metavar="DIR", help="also write its clean photos to DIR")
    q.set_defaults(func=cmd_show)
    q = tsub.add_parser("export", help="CSV of the tips (filters like /export)")
    add_config(q)
    q.add_argument("filters", nargs="*")
    q.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    q.set_defaults(func=cmd_export)
    q = tsub.add_parser("purge", help="delete photos past retention and orphaned files")
    add_config(q)
    q.set_defaults(func=cmd_purge)
    q = tsub.add_parser("nudge", help="queue the admins' reminder about stale tips")
    add_config(q)
    q.set_defaults(func=cmd_nudge)

    p = sub.add_parser("keys", help="encryption keys")
    add_config(p)
    ksub = p.add_subparsers(dest="keys_command", metavar="ACTION")
    q = ksub.add_parser(
        "rotate",
        help=f"re-encrypt everything to a new key version (from ${NEW_SECRET_ENV} if set)",
    )
    add_config(q)
    q.set_defaults(func=cmd_rotate)
