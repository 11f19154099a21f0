"""Admin actions that change a tip: /setstatus, /reply, /note, and the "Tolak" button.

A tip held by another admin (an active claim) refuses them; on an unheld tip
the action claims it. Every action is audited; the tipster hears of status
changes and replies only if they opted in, and only through the outbox.
"""

from __future__ import annotations

from handlers.admin.common import STATUS_WORDS, actor, record, tip_id
from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.tips import alerts
from handlers.tips.kit import kit
from storage import tipactions
from storage.tipactions import Change
from storage.tips import AUTHORITIES

MAX_TEXT = 3000


async def set_status(msg: Incoming, ctx: Context) -> list[Reply]:
    """/setstatus ID STATUS [AUTHORITY] REASON — the reason is required; the tipster sees it."""
    words = msg.args.split(maxsplit=2)
    number = tip_id(words[0]) if words else None
    status = STATUS_WORDS.get(words[1].lower()) if len(words) > 1 else None
    rest = words[2].strip() if len(words) > 2 else ""
    if number is None or status is None:
        return [Reply("admin_usage", {"command": "setstatus"})]
    if not await tipactions.exists(ctx.db, number):  # before asking for anything more
        return [Reply("admin_tip_unknown", {"id": number})]
    authority = None
    if status == "forwarded":
        head, _, tail = rest.partition(" ")
        if head.lower() not in AUTHORITIES:
            return [Reply("admin_usage", {"command": "setstatus_forwarded"})]
        authority, rest = head.lower(), tail.strip()
    if not rest:
        return [Reply("admin_reason_needed", {"id": number, "status": status})]
    return await _apply_status(msg, ctx, number, status, rest[:MAX_TEXT], authority)


async def _apply_status(
    msg: Incoming, ctx: Context, number: int, status: str, reason: str, authority: str | None
) -> list[Reply]:
    tk = kit(ctx)
    now = ctx.now()
    change = await tipactions.set_status(
        ctx.db, tk.vault, number, status, reason, actor(msg), now, tk.limits.claim_idle, authority
    )
    refusal = _refusal(change, number)
    if refusal or change is None:
        return refusal
    detail = f"{change.previous}->{status}" + (f" ({authority})" if authority else "")
    await record(ctx, msg, "tip.status", number, detail)
    told = await alerts.tell_tipster(
        ctx.services, change.notify_ref, change.event_id or 0, "tip_notify_status", now
    )
    return [
        Reply(
            "admin_status_set",
            {"id": number, "status": status, "authority": authority or "", "told": told},
        )
    ]


async def reply(msg: Incoming, ctx: Context) -> list[Reply]:
    """/reply ID TEXT: reaches the tipster anonymously (read with /status)."""
    return await _event(msg, ctx, "reply")


async def note(msg: Incoming, ctx: Context) -> list[Reply]:
    """/note ID TEXT: internal, never shown to the tipster."""
    return await _event(msg, ctx, "note")


async def _event(msg: Incoming, ctx: Context, kind: str) -> list[Reply]:
    words = msg.args.split(maxsplit=1)
    number = tip_id(words[0]) if words else None
    text = words[1].strip() if len(words) > 1 else ""
    if number is None or not text:
        return [Reply("admin_usage", {"command": kind})]
    tk = kit(ctx)
    now = ctx.now()
    change = await tipactions.add_event(
        ctx.db,
        tk.vault,
        number,
        kind,
        text[:MAX_TEXT],
        actor(msg),
        now,
        tk.limits.claim_idle,
        need_hold=kind == "reply",
    )
    refusal = _refusal(change, number)
    if refusal or change is None:
        return refusal
    await record(ctx, msg, f"tip.{kind}", number)
    told = False
    if kind == "reply":
        told = await alerts.tell_tipster(
            ctx.services, change.notify_ref, change.event_id or 0, "tip_notify_reply", now
        )
    return [Reply(f"admin_{kind}_added", {"id": number, "told": told})]


async def reject_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """ "Tolak" under an alert: asks for the reason, which the tipster will read."""
    number = tip_id((msg.payload or "").removeprefix("tipadm:reject:"))
    if number is None:
        return [Reply("admin_usage", {"command": "setstatus"})]
    ctx.state.go("tipadm.reject", tip=number)
    return [Reply("admin_reject_ask", {"id": number})]


async def reject_reason(msg: Incoming, ctx: Context) -> list[Reply]:
    """The reason typed after "Tolak"."""
    number = ctx.state.data.get("tip")
    ctx.state.reset()
    reason = msg.text.strip() if msg.payload is None and msg.command is None else ""
    if not isinstance(number, int) or not reason:
        # Anything but a reason (a command, a button) drops the rejection: nothing changes.
        return [Reply("admin_reject_dropped", {"id": number if isinstance(number, int) else 0})]
    return await _apply_status(msg, ctx, number, "rejected", reason[:MAX_TEXT], None)


def _refusal(change: Change | None, number: int) -> list[Reply]:
    if change is None:
        return [Reply("admin_tip_unknown", {"id": number})]
    if not change.ok:
        return [
            Reply("admin_claim_held", {"id": number, "holder": change.holder or "", "minutes": 0})
        ]
    return []
