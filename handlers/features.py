"""Entry points of features, in one place so the menu, deep links and the
free-text step (tip, subscribe) all lead to the same handler."""

from __future__ import annotations

from handlers import subscribe
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.tips import intake


async def ask_prompt(_msg: Incoming, _ctx: Context) -> list[Reply]:
    """Invites a question and gives examples."""
    return [Reply("ask_prompt")]


async def tip_start(msg: Incoming, ctx: Context) -> list[Reply]:
    """The anonymous tip: promise first, then what happened (``handlers.tips``)."""
    return await intake.start(msg, ctx)


async def subscribe_start(msg: Incoming, ctx: Context) -> list[Reply]:
    """Reminders: asks the time zone, then the office."""
    return await subscribe.start(msg, ctx)
