"""Answers from the knowledge base: the answer bubble, "did you mean", honest unknown.

What a message is (a question, a tip, a greeting) is decided above, in
``handlers.freetext``; this module only answers.
"""

from __future__ import annotations

import logging

from handlers import gaplog, law
from handlers.basic import MENU
from handlers.context import Context
from handlers.markup import Trusted
from handlers.messages import Choice, Incoming, Reply
from knowledge import Answer, Entry, Frame
from knowledge.framemap import RULE_TOPIC, AskBack
from storage import kbstats

log = logging.getLogger(__name__)

MAX_BUTTON_CHARS = 60
# After a 👎: which part of the reading was wrong (payload "fbw:<part>:<entry id>").
WRONG_PARTS = ("actor", "activity", "context", "answer")


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_CHARS else text[: MAX_BUTTON_CHARS - 1].rstrip() + "…"


def entry_reply(
    entry: Entry, ctx: Context, first: tuple[Choice, ...] = (), frame: Frame | None = None
) -> Reply:
    """One answer bubble: verdict, why, legal basis (plain names), what was
    understood of the question, related, feedback buttons, and the full
    references behind a "Dasar hukum" button.

    ``first``: buttons above the others (e.g. "📝 Laporkan ini secara anonim")."""
    related = [e for e in (ctx.kb.entry(r) for r in entry.related[:3]) if e is not None]
    choices = first + tuple(
        Choice(f"faq:{e.id}", _short(e.question), literal=True) for e in related
    )
    choices += (
        Choice(f"fb:{entry.id}:up", "feedback.up"),
        Choice(f"fb:{entry.id}:down", "feedback.down"),
        # Last, so it gets a row of its own under the feedback pair on every screen.
        law.button_for(entry),
    )
    return Reply(
        "answer",
        {
            "verdict": entry.verdict,
            "question": entry.question,
            "answer": Trusted(entry.answer),
            "sources": law.plain_sources(entry, ctx),
            "reviewed": entry.reviewed.isoformat(),
            # "Saya memahami: PPPK · menjadi saksi paslon di TPS": a misreading shows at once
            "understood": "" if frame is None or frame.empty else frame.text("id"),
            "understood_en": "" if frame is None or frame.empty else frame.text("en"),
            "general": entry.topic == RULE_TOPIC,  # a general rule, said as one
        },
        choices=choices,
    )


def ask_back_reply(ask: AskBack) -> Reply:
    """One short question whose buttons each open the answer for that branch."""
    choices = tuple(Choice(f"faq:{o.entry}", o.label) for o in ask.options)
    return Reply("frame_ask", {"question": ask.question}, choices=choices)


def _did_you_mean(answer: Answer) -> Reply:
    choices = tuple(
        Choice(f"faq:{s.id}", _short(s.question), literal=True) for s in answer.suggestions
    )
    return Reply("did_you_mean", {}, choices=(*choices, Choice("menu:menu", "menu.back")))


async def replies_for(result: Answer, ctx: Context, first: tuple[Choice, ...] = ()) -> list[Reply]:
    """The answer to a looked-up question; below the bar, "did you mean" or an honest
    "I don't know", and the question joins the unanswered log."""
    if result.match is not None:
        entry = ctx.kb.entry(result.match.id)
        if entry is not None:
            ask = ctx.kb.framemap.ask_back(result.frame)
            if ask is not None and not first and entry.id in {o.entry for o in ask.options}:
                return [ask_back_reply(ask)]
            return [entry_reply(entry, ctx, first, result.frame)]
    await gaplog.record_question(ctx, result.query)
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
    thanks = Reply("feedback_thanks", {"vote": vote if counted else "again"})
    if vote != "down":
        return [thanks]
    await gaplog.record_down_vote(ctx, entry)
    if not counted:
        return [thanks]
    parts = tuple(Choice(f"fbw:{part}:{entry.id}", f"feedback.{part}") for part in WRONG_PARTS)
    return [thanks, Reply("feedback_which", {}, choices=parts)]


async def wrong_part(msg: Incoming, ctx: Context) -> list[Reply]:
    """After a 👎, the part that was wrong: joins the gaps log with the entry, no identity."""
    _, part, entry_id = ((msg.payload or "") + "::").split(":")[:3]
    entry = ctx.kb.entry(entry_id)
    if entry is None or part not in WRONG_PARTS:
        return [Reply("feedback_thanks", {"vote": "unknown"})]
    await gaplog.record_wrong_part(ctx, entry, part)
    return [Reply("feedback_part_noted", {"part": part})]
