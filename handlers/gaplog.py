"""The unanswered-questions log (``/gaps``): what goes in, and how long it stays.

Only a question goes in, masked (``knowledge.gapfilter``); never a receipt
code, a number or a report. Stored sealed, dated to the day, and dropped once
nobody has asked it for ``[knowledge] gap_retention_days``.
"""

from __future__ import annotations

from datetime import datetime

from handlers.context import Context, Services
from handlers.tips.kit import kit
from knowledge import Entry
from knowledge.gapfilter import gap_text
from storage import kbstats


async def record_question(ctx: Context, message: str) -> bool:
    """Logs ``message`` if it is a question the log may keep; True if it was logged."""
    text = gap_text(ctx.kb, message)
    if text is None:
        return False
    await kbstats.record_gap(ctx.db, kit(ctx).vault, text, ctx.now())
    return True


async def record_down_vote(ctx: Context, entry: Entry) -> None:
    """A 👎 on an answer joins the log as the entry's own question (our text, not theirs)."""
    text = f"[{entry.id}] {ctx.kb.normalize(entry.question)}"
    await kbstats.record_gap(ctx.db, kit(ctx).vault, text, ctx.now())


async def record_wrong_part(ctx: Context, entry: Entry, part: str) -> None:
    """Which part of an answer a 👎 said was wrong (actor, activity, context, answer):
    the entry and the part only, never who said it."""
    text = f"[{entry.id}] salah: {part}"
    await kbstats.record_gap(ctx.db, kit(ctx).vault, text, ctx.now())


async def purge(services: Services, now: datetime) -> int:
    """Drops questions not asked again within the retention period (a daily job)."""
    return await kbstats.purge_gaps(services.db, now, services.limits.gap_retention_days)
