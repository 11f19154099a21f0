"""/status CODE: the tip's status, history and replies; add to it; opt in to be told.

Lookups are rate-limited per sender pseudonym (failures only), and a wrong
code gets the same answer as a code of no tip. The tip being looked at is
kept in state only sealed, and only while the person stays on it.
"""

from __future__ import annotations

from handlers.basic import menu_reply
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import alerts, intake
from handlers.tips import draft as drafts
from handlers.tips.draft import Draft
from handlers.tips.kit import kit
from handlers.wants import bare_code
from storage import attempts, receipts, tipactions, tips
from storage.conversations import State
from storage.tips import FINAL, TipDetail

ADD_CHOICES = (Choice("tipview:send", "tip.send"), Choice("tip:cancel", "tip.cancel"))


async def command(msg: Incoming, ctx: Context) -> list[Reply]:
    """/status CODE looks the tip up; /status alone asks for the code."""
    if msg.args.strip():
        return await lookup(msg.args, ctx)
    drafts.discard(ctx)
    drafts.enter(ctx, "tip.code")
    return [Reply("tip_status_ask")]


def is_typed_code(msg: Incoming, _state: State) -> bool:
    """A receipt code sent on its own, without /status."""
    return msg.command is None and msg.payload is None and bare_code(msg.text) is not None


async def typed_code(msg: Incoming, ctx: Context) -> list[Reply]:
    """``7G2K-Q9XM-4RTA`` alone: the same as /status 7G2K-Q9XM-4RTA."""
    return await lookup(bare_code(msg.text) or msg.text, ctx)


async def lookup(text: str, ctx: Context) -> list[Reply]:
    tk = kit(ctx)
    now = ctx.now()
    if await attempts.recent_failures(ctx.db, ctx.who, now) >= tk.limits.status_attempts_per_hour:
        ctx.state.reset()
        return [Reply("tip_status_slow")]
    canonical = receipts.normalize(text)
    tip_id = None
    if canonical is not None:
        tip_id = await tips.find_by_code_hash(ctx.db, tk.vault.keyed_hash(canonical))
    if tip_id is None:
        await attempts.record_failure(ctx.db, ctx.who, now)
        ctx.state.reset()
        return [menu_reply("tip_status_unknown" if canonical else "tip_status_format")]
    return await show(ctx, tip_id)


async def show(ctx: Context, tip_id: int) -> list[Reply]:
    detail = await tips.detail(ctx.db, kit(ctx).vault, tip_id)
    if detail is None:
        ctx.state.reset()
        return [menu_reply("tip_status_unknown")]
    drafts.enter(ctx, "tip.view", **{drafts.REF: drafts.seal_state(ctx, drafts.REF, tip_id)})
    return [Reply("tip_status", _view(detail), choices=_view_choices(detail))]


def _view(d: TipDetail) -> dict[str, object]:
    """What the tipster may see: status history with reasons, and admins' replies."""
    history = [
        {
            "at": e.at.date().isoformat(),
            "status": e.status,
            "authority": e.authority or "",
            "reason": e.body or "",
        }
        for e in d.events
        if e.kind == "status"
    ]
    replies = [
        {"at": e.at.date().isoformat(), "text": e.body or ""} for e in d.events if e.kind == "reply"
    ]
    return {
        "status": d.status,
        "created": d.created_at.date().isoformat(),
        "history": history,
        "replies": replies,
        "additions": sum(1 for e in d.events if e.kind == "addition"),
        "photos": len(d.media),
        "notify": d.notify,
        "final": d.status in FINAL,
    }


def _view_choices(d: TipDetail) -> tuple[Choice, ...]:
    if d.status in FINAL:
        return (Choice("tipview:done", "tip.done"),)
    switch = (
        Choice("tipview:notify:off", "tip.notify_off")
        if d.notify
        else Choice("tipview:notify:on", "tip.notify_on")
    )
    return (Choice("tipview:add", "tip.add"), switch, Choice("tipview:done", "tip.done"))


def _viewed(ctx: Context) -> int | None:
    value = drafts.open_state(ctx, drafts.REF)
    return value if isinstance(value, int) else None


async def at_view(msg: Incoming, ctx: Context) -> list[Reply]:
    """The buttons under a tip's status (or under the receipt)."""
    tip_id = _viewed(ctx)
    payload = msg.payload or ""
    if tip_id is None or payload == "tipview:done":
        ctx.state.reset()
        return [menu_reply()]
    if payload.startswith("tipview:notify:"):
        on = payload.endswith(":on")
        ref = (
            alerts.make_notify_ref(ctx.services, msg.channel, msg.chat, ctx.locale) if on else None
        )
        ok = await tips_set_notify(ctx, tip_id, ref)
        ctx.state.reset()
        if not ok:
            return [menu_reply("tip_closed_no_change")]
        return [menu_reply("tip_notify_on" if on else "tip_notify_off")]
    if payload == "tipview:add":
        detail = await tips.detail(ctx.db, kit(ctx).vault, tip_id)
        if detail is None or detail.status in FINAL:
            ctx.state.reset()
            return [menu_reply("tip_closed_no_change")]
        drafts.save(ctx, Draft(), "tip.adding", **{drafts.REF: ctx.state.data[drafts.REF]})
        return [Reply("tip_add_ask", choices=ADD_CHOICES[1:])]
    return await show(ctx, tip_id)


async def tips_set_notify(ctx: Context, tip_id: int, ref: str | None) -> bool:
    return await tipactions.set_notify(ctx.db, tip_id, ref)


async def adding(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """More text or photos for a sent tip; /kirim stores them as one addition."""
    ref = ctx.state.data.get(drafts.REF)
    tip_id = _viewed(ctx)
    if tip_id is None:
        drafts.discard(ctx)
        return [menu_reply()]
    if msg.command == "kirim" or msg.payload in ("tipview:send", "tip:send"):
        if not draft.has_content:
            return [Reply("tip_nothing_yet", choices=ADD_CHOICES[1:])]
        now = ctx.now()
        event_id = await tipactions.add_from_tipster(
            ctx.db, kit(ctx).vault, tip_id, draft.body, draft.photo_refs(), now
        )
        if event_id is None:
            drafts.discard(ctx)
            return [menu_reply("tip_closed_no_change")]
        ctx.state.reset()
        await alerts.tipster_added(ctx.services, tip_id, event_id, now)
        return [menu_reply("tip_added")]
    notes = await intake.add_content(msg, ctx, draft)
    drafts.save(ctx, draft, "tip.adding", **{drafts.REF: ref})
    return [
        *notes,
        Reply(
            "tip_add_noted",
            {"parts": len(draft.parts), "photos": len(draft.photos)},
            choices=ADD_CHOICES,
        ),
    ]
