"""Admins' view of the knowledge base's weak spots."""

from __future__ import annotations

from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.tips.kit import kit
from storage import kbstats


async def gaps(msg: Incoming, ctx: Context) -> list[Reply]:
    """/gaps [N]: the most frequent questions answered with low confidence."""
    arg = msg.args.strip()
    limit = int(arg) if arg.isdecimal() and 0 < int(arg) <= 50 else 15
    rows = await kbstats.top_gaps(ctx.db, kit(ctx).vault, limit)
    return [Reply("gaps", {"gaps": [{"text": g.text, "count": g.count} for g in rows]})]
