"""``asnbot`` command line. User mistakes get one clear line and exit 2, never a traceback.

Each command imports what it uses when it runs: ``asnbot ask --json`` loads
neither the database layer nor the channels (issue 15's memory target).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import logsetup, reminders_cli
from bot.config import ConfigError, Settings, load_settings
from bot.kbload import KnowledgeLoadError, knowledge_base
from handlers.roles import Role
from storage import malloc
from storage.errors import DatabaseError

if TYPE_CHECKING:
    from bot.wiring import App

log = logging.getLogger("asnbot")
JAKARTA = ZoneInfo("Asia/Jakarta")

EXIT_USAGE = 2
EXIT_FAIL = 1


class CliError(Exception):
    """A problem the user can fix; printed as one line."""


def _settings(args: argparse.Namespace, quiet: bool = False) -> Settings:
    settings = load_settings(args.config)
    # In an interactive command the terminal is the conversation: only problems are logged.
    level = settings.logging.level
    if quiet and level in ("DEBUG", "INFO"):
        level = "WARNING"
    logsetup.setup(
        level,
        settings.logging.format,
        secrets=[v for v in vars(settings.secrets).values() if v],
    )
    return settings


def _app(args: argparse.Namespace, quiet: bool = False, **kwargs: object) -> App:
    from bot.wiring import build_app

    app = build_app(_settings(args, quiet), **kwargs)  # type: ignore[arg-type]
    if app.key.generated_at is not None:
        print(
            f"asnbot: no ASNBOT_SECRET_KEY set; created a local key in {app.key.generated_at} "
            "(keep it: without it stored tips cannot be read).",
            file=sys.stderr,
        )
    return app


# --- commands -------------------------------------------------------------


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.channels import console
    from bot.consoleloop import console_session
    from bot.scheduler import scheduler_component

    granted = {f"console:{args.user}": {Role(args.role)}} if args.role else None
    app = _app(args, quiet=True, granted=granted)
    identity = f"console:{args.user}"
    try:
        # The scheduler ticks as in `asnbot run`: pushes reach the session.
        session = console_session(
            app, identity, console.stdin_lines(), [scheduler_component(app)], not args.quiet
        )
        return asyncio.run(session)
    finally:
        app.close()


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runner import run

    app = _app(args)
    try:
        return run(app)
    finally:
        app.close()


def cmd_ask(args: argparse.Namespace) -> int:
    """JSON through the chat's routing without storage; text through the chat itself."""
    from bot.askpath import ask_text, write_json, write_many

    settings = _settings(args)
    options = {"top": args.top, "max_chars": settings.chat.max_text_chars}
    if args.question == ["-"] and args.json:
        return write_many(knowledge_base(settings), sys.stdin, sys.stdout, **options)
    question = " ".join(args.question).strip()
    if not question or question == "-":
        raise CliError(
            'give a question, e.g. asnbot ask "boleh like status caleg?" (or --json - for stdin)'
        )
    if args.json:
        write_json(knowledge_base(settings), question, sys.stdout, **options)
        return 0
    app = _app(args, quiet=True)
    try:
        return asyncio.run(ask_text(app, question))
    finally:
        app.close()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bot.wiring import open_database

    settings = _settings(args)
    db = open_database(settings)
    db.dispose()
    print("database is at the latest version")
    return 0


def cmd_knowledge_check(args: argparse.Namespace) -> int:
    from handlers.context import utc_now
    from knowledge.verdicts import stale_entries

    kb = knowledge_base(_settings(args))
    defects = kb.check()
    for line in defects:
        print(line)
    # Stale entries are a reminder to re-read the law, not a defect: the exit code ignores them.
    today = args.today or utc_now().astimezone(JAKARTA).date()
    warnings = stale_entries(kb.entries, today)
    for line in warnings:
        print(f"warning: {line}")
    print(
        f"{len(kb.entries)} entries, {len(kb.regulations)} regulations, "
        f"{len(defects)} defects, {len(warnings)} warnings"
    )
    return 1 if defects else 0


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date like 2026-12-05: {text!r}") from exc


def cmd_knowledge_eval(args: argparse.Namespace) -> int:
    from knowledge import evaluate

    settings = _settings(args)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    report = evaluate(knowledge_base(settings), path)
    print(json.dumps(report.to_json(), ensure_ascii=False) if args.json else report.format())
    return 0


def cmd_knowledge_build_cache(args: argparse.Namespace) -> int:
    """Build the knowledge cache ahead (a deploy step), so no worker builds it at start."""
    import time

    from knowledge.base import DATA_DIR
    from knowledge.cache import ensure
    from knowledge.coverage import COVERAGE_FILE

    settings = _settings(args)
    if not settings.knowledge.cache_dir:
        raise CliError("[knowledge] cache_dir is empty: the cache is switched off")
    started = time.perf_counter()
    try:
        kb, built = ensure(
            DATA_DIR, COVERAGE_FILE, Path(settings.knowledge.cache_dir), force=args.force
        )
    except (OSError, ValueError) as exc:
        raise KnowledgeLoadError(f"knowledge base cannot be loaded: {exc}") from exc
    seconds = time.perf_counter() - started
    what = "built" if built else "already current"
    print(
        f"knowledge cache {what} in {settings.knowledge.cache_dir} "
        f"({len(kb.entries)} entries, {seconds:.2f} s)"
    )
    return 0


def cmd_knowledge_gaps(args: argparse.Namespace) -> int:
    from bot.secretkey import resolve
    from bot.wiring import build_tip_kit, open_database
    from storage import kbstats

    settings = _settings(args)
    secret = resolve(settings)  # the questions are sealed like tip text
    db = open_database(settings)
    try:
        vault = build_tip_kit(settings, db, secret.value).vault
        gaps = asyncio.run(kbstats.top_gaps(db, vault, args.limit))
    finally:
        db.dispose()
    if not gaps:
        print("no gaps recorded")
    for gap in gaps:
        print(f"{gap.count:5d}  {gap.text}")
    return 0


# --- parser ---------------------------------------------------------------


def _add_config(p: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # SUPPRESS on sub-commands, so `asnbot --config F chat` and `asnbot chat --config F`
    # both work: a sub-parser default would otherwise overwrite the global value.
    p.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="settings file (default: config.toml or $ASNBOT_CONFIG)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asnbot",
        description="Chatbot for civil-servant (ASN) neutrality: answers, tips, reminders.",
    )
    _add_config(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="run every configured channel, the web server and the scheduler")
    _add_config(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("chat", help="talk to the bot in this terminal (reads stdin line by line)")
    _add_config(p)
    p.add_argument("--user", default="local", help="console user id (identity console:<ID>)")
    p.add_argument(
        "--role", choices=[r.value for r in Role], help="grant this role for the session"
    )
    p.add_argument("--quiet", action="store_true", help="no introduction line")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ask", help="answer one question (or one per line from stdin: --json -)")
    _add_config(p)
    p.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    p.add_argument("--top", type=int, default=3, help="how many suggestions at most (default 3)")
    p.add_argument("question", nargs="*", help="the question, or - to read one per line from stdin")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("db", help="database maintenance")
    _add_config(p)
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION")
    q = dsub.add_parser("upgrade", help="apply migrations up to the latest version")
    _add_config(q)
    q.set_defaults(func=cmd_db_upgrade)

    p = sub.add_parser("knowledge", help="knowledge-base tools")
    _add_config(p)
    ksub = p.add_subparsers(dest="knowledge_command", metavar="ACTION")
    q = ksub.add_parser("check", help="lint the knowledge base; non-zero exit on a defect")
    _add_config(q)
    q.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date review ages are measured against (default: today in WIB)",
    )
    q.set_defaults(func=cmd_knowledge_check)
    q = ksub.add_parser("eval", help="accuracy report on a JSON Lines question set")
    _add_config(q)
    q.add_argument("file", help="questions.jsonl")
    q.add_argument("--json", action="store_true", help="print the report as JSON")
    q.set_defaults(func=cmd_knowledge_eval)
    q = ksub.add_parser(
        "build-cache", help="build the knowledge cache ahead of a start (a deploy step)"
    )
    _add_config(q)
    q.add_argument("--force", action="store_true", help="rebuild even when the cache is current")
    q.set_defaults(func=cmd_knowledge_build_cache)
    from bot.learncli import add_parser as add_learn

    _add_config(add_learn(ksub))
    q = ksub.add_parser("gaps", help="the most frequent questions answered with low confidence")
    _add_config(q)
    q.add_argument("--limit", type=int, default=30)
    q.set_defaults(func=cmd_knowledge_gaps)

    for extend in EXTENSIONS:
        extend(sub, _add_config)
    return parser


def _tips_commands(
    sub: argparse._SubParsersAction, add_config: Callable[[argparse.ArgumentParser], None]
) -> None:
    from bot.tipscli import register

    register(sub, add_config)


def _backup_commands(
    sub: argparse._SubParsersAction, add_config: Callable[[argparse.ArgumentParser], None]
) -> None:
    from bot.backupcli import register

    register(sub, add_config)


def _eval_commands(
    sub: argparse._SubParsersAction, add_config: Callable[[argparse.ArgumentParser], None]
) -> None:
    from bot.evalcli import register

    register(sub, add_config)


# Later features add their sub-commands here (reminders, tips, keys).
EXTENSIONS: list[
    Callable[[argparse._SubParsersAction, Callable[[argparse.ArgumentParser], None]], None]
] = [_tips_commands, reminders_cli.add_commands, _backup_commands, _eval_commands]


def main(argv: Sequence[str] | None = None) -> int:
    malloc.steady_mmap_threshold()
    parser = build_parser()
    args = parser.parse_args(argv)
    # A sub-command's --config wins over the global one; both are accepted.
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(func(args) or 0)
    except ConfigError as exc:
        print(f"asnbot: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(f"asnbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DatabaseError as exc:
        print(f"asnbot: database error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KnowledgeLoadError as exc:
        print(f"asnbot: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
