"""``asnbot reminders run-due [--now ISO-8601]``: what the scheduler's tick does, once."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from datetime import datetime

from handlers.reminders.timing import zone


def parse_now(text: str) -> datetime:
    """ISO-8601; without an offset the time is WIB (Asia/Jakarta), like campaign dates."""
    from bot.cli import CliError

    try:
        at = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CliError(
            f"--now: {text!r} is not an ISO-8601 time like 2024-11-20T07:30+07:00"
        ) from None
    return at if at.tzinfo else at.replace(tzinfo=zone("WIB"))


def cmd_run_due(args: argparse.Namespace) -> int:
    from bot.cli import _app
    from bot.senders import build_senders, close_senders
    from bot.ticker import Ticker, TickReport

    now = parse_now(args.now) if args.now else None
    app = _app(args)

    async def once() -> TickReport:
        senders = build_senders(app)
        try:
            return await Ticker(app, senders).run_due(now)
        finally:
            await close_senders(senders)

    try:
        report = asyncio.run(once())
    finally:
        app.close()
    print(report.line())
    return 0


def add_commands(
    sub: argparse._SubParsersAction, add_config: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("reminders", help="campaign reminders and the outbox")
    add_config(p)
    rsub = p.add_subparsers(dest="reminders_command", metavar="ACTION")
    q = rsub.add_parser(
        "run-due", help="send what is due at that instant (reminders, broadcasts) and exit"
    )
    add_config(q)
    q.add_argument("--now", metavar="ISO-8601", help="the instant (default: now; WIB if no offset)")
    q.set_defaults(func=cmd_run_due)
