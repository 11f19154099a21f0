"""Free text: intent first, then the knowledge base; honest when unsure."""

from __future__ import annotations

import logging

from handlers import deeplinks, gaplog
from handlers.basic import MENU, empty
from handlers.context import Context
from handlers.markup import Trusted
from handlers.messages import Choice, Incoming, Reply
from knowledge import Answer, Entry
from storage import kbstats

log = logging.getLogger(__name__)

MAX_BUTTON_CHARS = 60


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_CHARS else text[: MAX_BUTTON_CHARS - 1].rstrip() + "…"


def entry_reply(entry: Entry, ctx: Context) -> Reply:
    """One answer bubble: verdict, why, legal basis, related and feedback buttons."""
    related = [e for e in (ctx.kb.entry(r) for r in entry.related[:3]) if e is not None]
    choices = tuple(Choice(f"faq:{e.id}", _short(e.question), literal=True) for e in related)
    choices += (
        Choice(f"fb:{entry.id}:up", "feedback.up"),
        Choice(f"fb:{entry.id}:down", "feedback.down"),
    )
    return Reply(
        "answer",
        {
            "verdict": entry.verdict,
            "question": entry.question,
            "answer": Trusted(entry.answer),
            "sources": list(entry.sources),
            "reviewed": entry.reviewed.isoformat(),
        },
        choices=choices,
    )


def _did_you_mean(answer: Answer) -> Reply:
    choices = tuple(
        Choice(f"faq:{s.id}", _short(s.question), literal=True) for s in answer.suggestions
    )
    return Reply("did_you_mean", {}, choices=(*choices, Choice("menu:menu", "menu.back")))


async def answer(msg: Incoming, ctx: Context) -> list[Reply]:
    """A question in everyday language; answers, suggests, or says it does not know."""
    text = msg.text.strip()
    if not text:
        return await empty(msg, ctx)
    result = ctx.kb.ask(text[: ctx.services.limits.max_text_chars])
    if result.intent in ("tip", "subscribe"):
        routed = await deeplinks.follow(
            "lapor" if result.intent == "tip" else "langganan", msg, ctx
        )
        if routed is not None:
            return routed
    if result.intent == "greeting":
        return [Reply(f"smalltalk_{result.small_talk or 'hello'}", {}, choices=MENU)]
    if result.match is not None:
        entry = ctx.kb.entry(result.match.id)
        if entry is not None:
            return [entry_reply(entry, ctx)]
    await gaplog.record_question(ctx, text)
    if result.suggestions:
        return [_did_you_mean(result)]
    return [Reply("unknown_question", {}, choices=MENU)]


async def show_entry(msg: Incoming, ctx: Context) -> list[Reply]:
    """A question button (related, did-you-mean, deep link tanya_<id>) was pressed."""
    entry_id = (msg.payload or "").removeprefix("faq:")
    entry = ctx.kb.entry(entry_id)
    if entry is None:
        return [Reply("unknown_question", {}, choices=MENU)]
    return [entry_reply(entry, ctx)]


async def feedback(msg: Incoming, ctx: Context) -> list[Reply]:
    """👍/👎 on an answer: counted per entry, without identity; 👎 joins the gaps."""
    _, entry_id, vote = ((msg.payload or "") + "::").split(":")[:3]
    entry = ctx.kb.entry(entry_id)
    if entry is None or vote not in ("up", "down"):
        return [Reply("feedback_thanks", {"vote": "unknown"})]
    counted = await kbstats.record_vote(ctx.db, ctx.who, entry.id, vote == "up", ctx.now())
    if vote == "down":
        await gaplog.record_down_vote(ctx, entry)
    return [Reply("feedback_thanks", {"vote": vote if counted else "again"})]
