"""/siaran (HR officers): preview, recipient count, Kirim/Batal; schedule; cancel.

An officer reaches the subscribers of their own office (``[roles]
hr_offices``); only an admin without an office reaches everyone. The text is
always shown literally: markup an officer types is not interpreted.
Subscribers in their quiet hours get it when those end, in their own zone;
the preview says how many and when, and offers to send it as urgent instead.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from handlers.context import Context
from handlers.localtime import parts
from handlers.messages import Choice, Incoming, Reply
from handlers.reminders.planner import policy_of
from handlers.reminders.timing import ZONES, zone
from handlers.roles import Role
from storage import audit, broadcasts, subscribers

MAX_CHARS = 1400  # fits WhatsApp's 1,600 with the header and the footer
MAX_AHEAD = timedelta(days=90)
STOP_WORDS = ("batal", "cancel", "stop", "hentikan")
URGENT_WORDS = ("mendesak", "segera", "urgent")  # "/ya mendesak": the typed urgent button
STEP = "bc.confirm"
_WHEN = re.compile(
    r"^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)"
    r"(?:\s+(WIB|WITA|WIT)\b)?\s*",
    re.I,
)


def _office_scope(msg: Incoming, ctx: Context) -> tuple[bool, str | None]:
    """(allowed, office): an office from config, or everyone for an admin without one."""
    office = ctx.services.roles.office_of(msg.identity)
    if office is not None:
        return True, office
    return Role.ADMIN in ctx.roles, None


def _parse_when(args: str, now: datetime) -> tuple[datetime | None, str]:
    """A leading "2026-12-01T08:00 [WITA]" schedules; WIB unless an offset or zone is given."""
    m = _WHEN.match(args)
    if not m:
        return None, args
    text = m.group(1).replace(" ", "T", 1)
    at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if at.tzinfo is None:
        at = at.replace(tzinfo=zone((m.group(2) or "WIB").upper()))
    return at, args[m.end() :]


def _quiet_hours(ctx: Context) -> str:
    policy = policy_of(ctx.services)
    return f"{policy.quiet_start:%H:%M}-{policy.quiet_end:%H:%M}"


async def _held(
    ctx: Context, office: str | None, at: datetime
) -> tuple[int, list[dict[str, object]]]:
    """(recipients, per zone in quiet hours at ``at``: how many and when they will get it)."""
    by_zone = await subscribers.count_by_zone(ctx.db, office)
    policy = policy_of(ctx.services)
    held = [
        {"count": by_zone[tz], **parts(policy.release(tz, at), tz)}
        for tz in ZONES
        if by_zone.get(tz) and policy.release(tz, at) > at
    ]
    return sum(by_zone.values()), held


async def siaran(msg: Incoming, ctx: Context) -> list[Reply]:
    """/siaran TEKS: preview and count; /siaran batal N stops one; /siaran alone lists."""
    allowed, office = _office_scope(msg, ctx)
    if not allowed:
        return [Reply("broadcast_no_office")]
    args = msg.args.strip()
    first, _, rest = args.partition(" ")
    if first.lower() in STOP_WORDS and rest.strip().lstrip("#").isdecimal():
        return await _stop(int(rest.strip().lstrip("#")), msg, ctx)
    if not args:
        return await _usage(ctx)
    now = ctx.now()
    try:
        at, text = _parse_when(args, now)
    except ValueError:
        return [Reply("broadcast_error", {"code": "bad_time"})]
    text = text.strip()
    if not text:
        return [Reply("broadcast_error", {"code": "empty"})]
    if len(text) > MAX_CHARS:
        return [
            Reply("broadcast_error", {"code": "too_long", "length": len(text), "limit": MAX_CHARS})
        ]
    if at is not None and at <= now:
        return [Reply("broadcast_error", {"code": "past", **parts(at)})]
    if at is not None and at - now > MAX_AHEAD:
        return [Reply("broadcast_error", {"code": "too_far", "days": MAX_AHEAD.days})]
    count, held = await _held(ctx, office, at or now)
    if count == 0:
        return [Reply("broadcast_error", {"code": "no_recipients", "office": office})]
    nonce = secrets.token_hex(8)
    ctx.state.go(STEP, text=text, office=office, at=at.isoformat() if at else None, nonce=nonce)
    choices = (
        Choice(f"bc:send:{nonce}", "broadcast.send"),
        # Only when someone would wait: sending through their quiet hours is a choice.
        *((Choice(f"bc:urgent:{nonce}", "broadcast.urgent"),) if held else ()),
        Choice(f"bc:drop:{nonce}", "broadcast.drop"),
    )
    context = {
        "count": count,
        "office": office,
        "when": parts(at) if at else None,
        "held": held,
        "quiet": _quiet_hours(ctx),
    }
    return [
        Reply("broadcast", {"office": office, "text": text}),
        Reply("broadcast_confirm", context, choices=choices),
    ]


async def confirm(msg: Incoming, ctx: Context) -> list[Reply]:
    """Kirim (or /ya) queues the previewed broadcast; Mendesak queues it to go through
    quiet hours; Batal drops it. Once only."""
    action, _, nonce = (msg.payload or "bc:send:").removeprefix("bc:").partition(":")
    if msg.payload is None and msg.args.strip().lower() in URGENT_WORDS:
        action = "urgent"
    data = ctx.state.data
    if ctx.state.step != STEP or (msg.payload and nonce != data.get("nonce")):
        return [Reply("broadcast_nothing")]
    ctx.state.reset()
    if action == "drop":
        return [Reply("broadcast_dropped")]
    now = ctx.now()
    at = datetime.fromisoformat(data["at"]) if data.get("at") else now
    office = data.get("office")
    info = await broadcasts.create(
        ctx.db,
        str(data["nonce"]),
        ctx.who,
        msg.channel,
        msg.chat,
        office,
        str(data["text"]),
        ctx.locale,
        at,
        now,
        urgent=action == "urgent",
    )
    detail = f"office={office or '*'} at={at.isoformat()} chars={len(info.text)}"
    detail += " urgent" if info.urgent else ""
    await audit.record(ctx.db, now, ctx.who, "broadcast.create", f"#{info.id}", detail)
    wake = ctx.services.extra.get("wake_outbox")
    if callable(wake):
        wake()  # the scheduler starts the fan-out now rather than at its next tick
    return [
        Reply(
            "broadcast_queued",
            {"id": info.id, "when": parts(at) if at > now else None, "urgent": info.urgent},
            choices=(Choice(f"bc:stop:{info.id}", "broadcast.stop"),),
        )
    ]


async def stop_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """The "Hentikan" button under a queued broadcast."""
    number = (msg.payload or "").removeprefix("bc:stop:")
    if not number.isdecimal():
        return [Reply("broadcast_nothing")]
    return await _stop(int(number), msg, ctx)


async def _stop(broadcast_id: int, _msg: Incoming, ctx: Context) -> list[Reply]:
    info = await broadcasts.get(ctx.db, broadcast_id)
    if info is None or (info.created_by != ctx.who and Role.ADMIN not in ctx.roles):
        return [Reply("broadcast_error", {"code": "unknown_id", "id": broadcast_id})]
    cancelled = await broadcasts.cancel(ctx.db, broadcast_id, ctx.now())
    if cancelled is None:
        return [Reply("broadcast_error", {"code": "already_over", "id": broadcast_id})]
    await audit.record(ctx.db, ctx.now(), ctx.who, "broadcast.cancel", f"#{broadcast_id}")
    return [Reply("broadcast_stopped", {"id": broadcast_id, "cancelled": cancelled})]


async def _usage(ctx: Context) -> list[Reply]:
    mine = await broadcasts.recent(ctx.db, None if Role.ADMIN in ctx.roles else ctx.who)
    listed = [
        {"id": b.id, "status": b.status, "total": b.total, **parts(b.not_before)} for b in mine
    ]
    context = {
        "recent": listed,
        "limit": MAX_CHARS,
        "zones": list(ZONES),
        "quiet": _quiet_hours(ctx),
    }
    return [Reply("broadcast_usage", context)]
