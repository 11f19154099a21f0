"""/langganan: time zone (buttons), optional office, confirmation. /berhenti: at once.

Steps: ``sub.awaiting_tz`` → ``sub.awaiting_office`` → subscribed. A typed
zone ("wita") or office works as well as a button, on every channel.
"""

from __future__ import annotations

from handlers.campaigns import load
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply, clean_text
from handlers.reminders.calendar import current
from handlers.reminders.planner import policy_of
from handlers.reminders.timing import ZONES, parse_zone
from storage import outbox, subscribers

MAX_OFFICE_CHARS = 120
MAX_OFFICE_BUTTONS = 8
SKIP = "-"
PUSHED_KINDS = ("reminder", "broadcast")
ZONE_CHOICES = tuple(Choice(f"sub:tz:{tz}", f"zone.{tz}") for tz in ZONES)


async def start(msg: Incoming, ctx: Context) -> list[Reply]:
    """/langganan [WIB|WITA|WIT]: asks the zone unless given, then the office."""
    given = msg.args.strip()
    if given:
        tz = parse_zone(given.split()[0])
        if tz is None:
            ctx.state.go("sub.awaiting_tz")
            return [Reply("subscribe_bad_zone", {"given": given[:20]}, choices=ZONE_CHOICES)]
        return _ask_office(tz, ctx)
    ctx.state.go("sub.awaiting_tz")
    mine = [s for s in await subscribers.of(ctx.db, ctx.who) if s.active]
    current_tz = mine[0].tz if mine else None
    return [Reply("subscribe_ask_zone", {"current": current_tz}, choices=ZONE_CHOICES)]


def _ask_office(tz: str, ctx: Context) -> list[Reply]:
    offices = list(ctx.services.roles.known_offices()[:MAX_OFFICE_BUTTONS])
    ctx.state.go("sub.awaiting_office", tz=tz, offices=offices)
    choices = tuple(Choice(f"sub:office:{i}", name, literal=True) for i, name in enumerate(offices))
    skip = Choice(f"sub:office:{SKIP}", "subscribe.skip_office")
    return [Reply("subscribe_ask_office", {"tz": tz}, choices=(*choices, skip))]


async def button(msg: Incoming, ctx: Context) -> list[Reply]:
    """A zone or office button."""
    kind, _, value = (msg.payload or "").removeprefix("sub:").partition(":")
    if kind == "tz" and value in ZONES:
        return _ask_office(value, ctx)
    if kind == "office" and ctx.state.step == "sub.awaiting_office":
        offices = list(ctx.state.data.get("offices", []))
        tz = str(ctx.state.data.get("tz", "WIB"))
        if value == SKIP:
            return await _subscribe(tz, None, msg, ctx)
        if value.isdecimal() and int(value) < len(offices):
            return await _subscribe(tz, str(offices[int(value)]), msg, ctx)
    return await start(msg, ctx)  # a stale button: start over


async def step(msg: Incoming, ctx: Context) -> list[Reply]:
    """Typed text while subscribing: a zone name, or the office."""
    text = " ".join(clean_text(msg.text).split())
    if ctx.state.step == "sub.awaiting_tz":
        tz = parse_zone(text)
        if tz is None:
            return [Reply("subscribe_bad_zone", {"given": text[:20]}, choices=ZONE_CHOICES)]
        return _ask_office(tz, ctx)
    tz = str(ctx.state.data.get("tz", "WIB"))
    # A bare number is a mistyped choice, not the name of an office.
    if not text or not any(ch.isalpha() for ch in text):
        return _ask_office(tz, ctx)
    if text.endswith("?"):  # a question, not an office: answer it, forget the step
        ctx.state.reset()
        return await ctx.route_again(msg)
    known = {o.casefold(): o for o in ctx.services.roles.known_offices()}
    office = known.get(text.casefold(), text[:MAX_OFFICE_CHARS])
    return await _subscribe(tz, office, msg, ctx)


async def _subscribe(tz: str, office: str | None, msg: Incoming, ctx: Context) -> list[Reply]:
    await subscribers.subscribe(
        ctx.db, msg.channel, msg.chat, ctx.who, tz, office, ctx.locale, ctx.now()
    )
    ctx.state.reset()
    campaigns = await load(ctx.db)
    now = ctx.now()
    running = current(campaigns, now)
    upcoming = [c for c in campaigns if c.start > c.day_at(now)]
    return [
        Reply(
            "subscribed",
            {
                "tz": tz,
                "office": office,
                "local_time": policy_of(ctx.services).local_time.strftime("%H:%M"),
                "campaign": running[0].name if running else None,
                "next_campaign": upcoming[0].name if upcoming else None,
                "next_start": upcoming[0].start.isoformat() if upcoming else None,
            },
        )
    ]


async def stop(msg: Incoming, ctx: Context) -> list[Reply]:
    """/berhenti: no reminder or broadcast reaches this person from now on."""
    mine = [s for s in await subscribers.of(ctx.db, ctx.who) if s.active]
    await subscribers.unsubscribe(ctx.db, ctx.who, ctx.now())
    for sub in mine:  # already queued but not sent: cancelled too
        await outbox.cancel_for_chat(ctx.db, sub.channel, sub.chat, PUSHED_KINDS)
    if ctx.state.step and ctx.state.step.startswith("sub."):
        ctx.state.reset()
    return [Reply("unsubscribed", {"was_subscribed": bool(mine)})]
