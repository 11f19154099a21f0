"""Writing a tip: the promise, then what happened, then four skippable questions."""

from __future__ import annotations

from dataclasses import replace

from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import draft as drafts
from handlers.tips import photos
from handlers.tips.draft import Draft
from handlers.tips.kit import kit
from handlers.tips.overview import summary
from storage.tips import CATEGORIES

FIELDS = ("office", "place", "occurred")  # asked in this order, then the category
MAX_FIELD_CHARS = 300

CONTENT_CHOICES = (
    Choice("tip:next", "tip.next"),
    Choice("tip:send", "tip.send"),
    Choice("tip:cancel", "tip.cancel"),
)
SKIP = Choice("tip:skip", "tip.skip")


def category_choices() -> tuple[Choice, ...]:
    return (*(Choice(f"tipcat:{c}", f"category.{c}") for c in CATEGORIES), SKIP)


async def start(msg: Incoming, ctx: Context) -> list[Reply]:
    """/lapor: the honest promise first, then asks what happened."""
    if msg.is_group:
        return [Reply("tip_private_only")]
    held = drafts.load(ctx) if ctx.state.step == drafts.OFFER and not drafts.expired(ctx) else None
    if held is not None and held.has_content:
        return begin_with(ctx, held)  # "/lapor" right after the bot offered to report a message
    drafts.discard(ctx)  # a new /lapor replaces an unfinished one, files and all
    drafts.save(ctx, Draft(), "tip.content")
    return [promise(ctx), *mid_report(ctx, [Reply("tip_ask_content", choices=CONTENT_CHOICES[2:])])]


def begin_with(ctx: Context, held: Draft) -> list[Reply]:
    """A tip whose first message was written before it started ("Laporkan ini")."""
    drafts.save(ctx, held, "tip.content")
    return [promise(ctx), *mid_report(ctx, [noted(held, carried=True)])]


def promise(ctx: Context) -> Reply:
    """What is kept and what never is, shown before anything is taken."""
    limits = kit(ctx).limits
    return Reply(
        "tip_promise",
        {
            "retention_days": limits.media_retention_days,
            "max_photos": limits.max_photos,
            "idle_minutes": limits.draft_idle_minutes,
        },
    )


def mid_report(ctx: Context, replies: list[Reply]) -> list[Reply]:
    """Under the last reply, while a tip is being written: how to send or leave it."""
    if not replies or not drafts.is_writing(ctx.state.step):
        return replies
    footer = Reply(
        "tip_draft_footer",
        {
            "adding": ctx.state.step == "tip.adding",
            "idle_minutes": kit(ctx).limits.draft_idle_minutes,
        },
    )
    return [*replies[:-1], replace(replies[-1], footer=footer)]


async def add_content(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """Text and photos of one message into the draft; notes about anything refused."""
    notes: list[Reply] = []
    text = msg.text.strip() if msg.command is None and msg.payload is None else ""
    if text:
        room = kit(ctx).limits.max_text_chars - draft.chars
        if room <= 0 or len(text) > room:
            notes.append(Reply("tip_text_truncated", {"max": kit(ctx).limits.max_text_chars}))
        if room > 0:
            draft.parts.append(text[:room])
    if msg.attachments:
        notes += await photos.take(msg, ctx, draft)
    return notes


def noted(draft: Draft, carried: bool = False) -> Reply:
    """``carried``: the content came from a message held before the tip began."""
    return Reply(
        "tip_content_noted",
        {"parts": len(draft.parts), "photos": len(draft.photos), "carried": carried},
        choices=CONTENT_CHOICES,
    )


async def content(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """What happened: any number of messages, text and photos in any order."""
    notes = await add_content(msg, ctx, draft)
    drafts.save(ctx, draft, "tip.content")
    return [*notes, noted(draft)]


def ask(ctx: Context, draft: Draft, field: str, *, fixing: bool = False) -> list[Reply]:
    """Asks for one field (office, place, occurred, category); each can be skipped."""
    step = f"tip.{'fix' if fixing else 'q'}.{field}"
    drafts.save(ctx, draft, step)
    if field == "category":
        return [Reply("tip_ask_category", {"fixing": fixing}, choices=category_choices())]
    if field == "content":
        return [Reply("tip_ask_new_content")]
    return [Reply(f"tip_ask_{field}", {"fixing": fixing}, choices=(SKIP,))]


def next_field(field: str) -> str | None:
    order = (*FIELDS, "category")
    i = order.index(field)
    return order[i + 1] if i + 1 < len(order) else None


async def answer(
    msg: Incoming, ctx: Context, draft: Draft, field: str, fixing: bool
) -> list[Reply]:
    """An answer (or a skip) to one question; photos sent meanwhile are kept."""
    payload = msg.payload or ""
    notes: list[Reply] = []
    if msg.attachments:
        notes = await photos.take(msg, ctx, draft)
        if not msg.text.strip():
            return [*notes, *ask(ctx, draft, field, fixing=fixing)]
    if field == "content":
        text = msg.text.strip()
        if text:
            draft.parts = []
            notes += await add_content(msg, ctx, draft)
        return [*notes, *summary(ctx, draft)]
    if field == "category":
        chosen = payload.removeprefix("tipcat:")
        if chosen in CATEGORIES:
            draft.category = chosen
        elif payload != "tip:skip":
            return [Reply("tip_category_unknown"), *ask(ctx, draft, field, fixing=fixing)]
    elif payload != "tip:skip":
        text = msg.text.strip()
        if not text:
            return [*notes, *ask(ctx, draft, field, fixing=fixing)]
        setattr(draft, field, text[:MAX_FIELD_CHARS])
    following = None if fixing else next_field(field)
    if following is None:
        return [*notes, *summary(ctx, draft)]
    return [*notes, *ask(ctx, draft, following)]
