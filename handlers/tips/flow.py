"""One entry for every ``tip.*`` conversation step: expiry first, then the step's handler.

Steps: ``tip.content`` → ``tip.q.office|place|occurred|category`` →
``tip.summary`` (⇄ ``tip.edit`` → ``tip.fix.<field>``) → sent → ``tip.view``
(receipt or /status) → ``tip.adding``; ``tip.code`` waits for a typed code.
``tip.expired`` is what an idle draft leaves once swept: the next message
hears that the unsent report was discarded. ``tip.offer`` (a message held as
a possible tip, see ``offer``) is no step of the flow: the chat goes on around it.
"""

from __future__ import annotations

from dataclasses import replace

from handlers import ask, wants
from handlers.basic import MENU, menu_reply
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import draft as drafts
from handlers.tips import intake, offer, status, summary
from handlers.tips.draft import EXPIRED, OFFER, Draft
from handlers.tips.kit import kit
from storage.conversations import State

# Steps where typed text goes into the tip, so a question there must be told apart.
TAKES_TEXT = ("tip.content", "tip.summary", "tip.adding", "tip.q.", "tip.fix.")
PENDING_CHOICES = (
    Choice("tipq:add", "tipq.add"),
    Choice("tipq:answer", "tipq.answer"),
)
SEND_PAYLOADS = ("tip:send", "tipview:send")


def matches(msg: Incoming, state: State) -> bool:
    """Tip steps read content, buttons and /kirim; other commands keep their meaning."""
    return (
        state.step is not None
        and state.step.startswith("tip.")
        and state.step != OFFER
        and msg.command in (None, "kirim")
    )


def is_cancel(msg: Incoming, state: State) -> bool:
    return msg.command == "batal" and state.step is not None and state.step.startswith("tip.")


async def on_step(msg: Incoming, ctx: Context) -> list[Reply]:
    step = ctx.state.step or ""
    if step in ("tip.view", "tip.code"):
        return await _lookup_steps(msg, ctx, step)
    if step == EXPIRED or drafts.expired(ctx):
        return await _expired(msg, ctx)
    draft = drafts.load(ctx)
    if draft is None:  # state from an older key or damaged: start clean, store nothing
        return await _expired(msg, ctx)
    return intake.mid_report(ctx, await _writing(msg, ctx, draft, step))


async def _writing(msg: Incoming, ctx: Context, draft: Draft, step: str) -> list[Reply]:
    payload = msg.payload or ""
    if payload == "tip:cancel":
        return await summary.cancel(msg, ctx)
    if payload.startswith("faq:"):  # under an answer given mid-report: the draft stays
        return await ask.show_entry(msg, ctx)
    if payload.startswith("fb:"):
        return await ask.feedback(msg, ctx)
    if payload.startswith("tipq:") or draft.pending is not None:
        return await _pending(msg, ctx, draft, step)
    if step.startswith(TAKES_TEXT) and _is_question(msg, ctx):
        draft.pending = msg.text.strip()[: kit(ctx).limits.max_text_chars]
        drafts.save(ctx, draft, step, **_kept(ctx))
        return [Reply("tip_question_or_content", {"sending": False}, choices=PENDING_CHOICES)]
    return await _step(msg, ctx, draft, step)


async def _step(msg: Incoming, ctx: Context, draft: Draft, step: str) -> list[Reply]:
    payload = msg.payload or ""
    if step == "tip.adding":
        return await status.adding(msg, ctx, draft)
    if msg.command == "kirim" or payload == "tip:send":
        return await summary.submit(msg, ctx, draft)
    if step == "tip.content":
        if payload == "tip:next":
            return intake.ask(ctx, draft, intake.FIELDS[0])
        return await intake.content(msg, ctx, draft)
    if step.startswith(("tip.q.", "tip.fix.")):
        field = step.rsplit(".", 1)[1]
        return await intake.answer(msg, ctx, draft, field, fixing=step.startswith("tip.fix."))
    if step == "tip.summary":
        return await summary.at_summary(msg, ctx, draft)
    if step == "tip.edit":
        return await summary.at_edit(msg, ctx, draft)
    drafts.discard(ctx)
    return [menu_reply()]


def _is_question(msg: Incoming, ctx: Context) -> bool:
    """Plain text that reads as a question the knowledge base can answer."""
    if msg.command is not None or msg.payload is not None or msg.attachments:
        return False
    return wants.is_question(msg.text, ctx.kb)


def _kept(ctx: Context) -> dict[str, object]:
    """Sealed values besides the draft that a step keeps (the tip being added to)."""
    return {k: v for k, v in ctx.state.data.items() if k == drafts.REF}


async def _pending(msg: Incoming, ctx: Context, draft: Draft, step: str) -> list[Reply]:
    """The message that read as a question: added, answered, or asked about again."""
    text = draft.pending or ""
    draft.pending = None
    payload = msg.payload or ""
    if not text:  # a stale button: nothing waits, show where the writing stands
        return await _step(replace(msg, text="", payload=None), ctx, draft, step)
    if payload == "tipq:answer":
        drafts.save(ctx, draft, step, **_kept(ctx))
        return await ask.replies_for(ctx.kb.ask(text), ctx)
    if payload == "tipq:add":
        return await _step(replace(msg, text=text, payload=None), ctx, draft, step)
    if msg.command == "kirim" or payload in SEND_PAYLOADS:
        # Sending now would file or drop it without a word: ask first.
        draft.pending = text
        drafts.save(ctx, draft, step, **_kept(ctx))
        return [Reply("tip_question_or_content", {"sending": True}, choices=PENDING_CHOICES)]
    # Anything else goes on writing: the question joins the report, and says so.
    draft.parts.append(text)
    return [Reply("tip_pending_added"), *await _writing(msg, ctx, draft, step)]


async def _expired(msg: Incoming, ctx: Context) -> list[Reply]:
    """The unsent report is gone; the message itself is answered or held anew."""
    drafts.discard(ctx)
    notice = Reply("tip_expired", {"minutes": kit(ctx).limits.draft_idle_minutes})
    if msg.command is not None or msg.payload is not None:
        return [replace(notice, choices=MENU)]  # a button or /kirim of the old draft
    if not msg.attachments and wants.for_the_bot(msg.text, ctx.kb):
        return [notice, *await ctx.route_again(msg)]
    # Likely the rest of the story: kept as a possible new tip, not as a question.
    notes = await offer.hold(msg, ctx, msg.text)
    if not offer.holding(ctx):
        return [notice, *notes]
    return [notice, *notes, Reply("tip_restart_offer", choices=(offer.TAKE, offer.DROP))]


async def _lookup_steps(msg: Incoming, ctx: Context, step: str) -> list[Reply]:
    fresh = not drafts.expired(ctx)
    if step == "tip.view" and fresh and msg.command == "kirim":
        again = summary.receipt_again(ctx)  # the code did not arrive: say it again
        if again is not None:
            return again
    if step == "tip.code" and fresh and msg.text.strip() and msg.payload is None:
        return await status.lookup(msg.text, ctx)
    if step == "tip.view" and fresh and (msg.payload or "").startswith("tipview:"):
        return await status.at_view(msg, ctx)
    # Anything else leaves the tip: forget the pointer, then treat the message afresh.
    ctx.state.reset()
    return await ctx.route_again(msg)
