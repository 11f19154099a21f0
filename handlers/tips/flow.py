"""One entry for every ``tip.*`` conversation step: expiry first, then the step's handler.

Steps: ``tip.content`` → ``tip.q.office|place|occurred|category`` →
``tip.summary`` (⇄ ``tip.edit`` → ``tip.fix.<field>``) → sent → ``tip.view``
(receipt or /status) → ``tip.adding``; ``tip.code`` waits for a typed code.
"""

from __future__ import annotations

from handlers.basic import empty, menu_reply, refused
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.router import NoRoute
from handlers.tips import draft as drafts
from handlers.tips import intake, status, summary
from handlers.tips.kit import kit
from storage.conversations import State


def matches(msg: Incoming, state: State) -> bool:
    """Tip steps read content, buttons and /kirim; other commands keep their meaning."""
    return (
        state.step is not None and state.step.startswith("tip.") and msg.command in (None, "kirim")
    )


def is_cancel(msg: Incoming, state: State) -> bool:
    return msg.command == "batal" and state.step is not None and state.step.startswith("tip.")


async def on_step(msg: Incoming, ctx: Context) -> list[Reply]:
    step = ctx.state.step or ""
    if step in ("tip.view", "tip.code"):
        return await _lookup_steps(msg, ctx, step)
    if drafts.expired(ctx):
        drafts.discard(ctx)
        minutes = kit(ctx).limits.draft_idle_minutes
        return [menu_reply("tip_expired", minutes=minutes)]
    draft = drafts.load(ctx)
    if draft is None:  # state from an older key or damaged: start clean, store nothing
        drafts.discard(ctx)
        return [menu_reply("tip_expired", minutes=kit(ctx).limits.draft_idle_minutes)]
    if step == "tip.adding":
        return await status.adding(msg, ctx, draft)
    payload = msg.payload or ""
    if payload == "tip:cancel":
        return await summary.cancel(msg, ctx)
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
    return await reroute(msg, ctx)


async def reroute(msg: Incoming, ctx: Context) -> list[Reply]:
    from handlers.routes import build_router  # late: the routes import this module

    route = build_router().match(msg, ctx.state)
    if isinstance(route, NoRoute):
        return await empty(msg, ctx)
    if route.role is not None and route.role not in ctx.roles:
        return await refused(msg, ctx)
    return await route.handler(msg, ctx)
