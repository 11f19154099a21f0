"""The queue: /tips (open tips, newest first, paged, filtered), /tip ID, /claim ID."""

from __future__ import annotations

from handlers.admin.common import (
    Filters,
    actor,
    decode_filters,
    parse_filters,
    record,
    tip_id,
)
from handlers.context import Context
from handlers.localtime import stamp
from handlers.messages import Choice, Incoming, Photo, Reply
from handlers.tips.kit import kit
from storage import tipactions, tips
from storage.tips import OPEN, TipDetail, claim_active

MAX_PHOTOS_SHOWN = 10
PREVIEW_CHARS = 80
FORCE_WORDS = ("paksa", "force", "alih", "takeover")


async def list_tips(msg: Incoming, ctx: Context) -> list[Reply]:
    """/tips [status|semua] [category] [page]: newest first."""
    return await _page(ctx, parse_filters(msg.args.split(), OPEN))


async def page_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """The "next page" button under /tips: ``tipadm:page:N:statuses:category``."""
    _, _, rest = (msg.payload or "").partition("tipadm:page:")
    number, _, filters = rest.partition(":")
    base = decode_filters(filters)
    page = int(number) if number.isdecimal() else 1
    return await _page(ctx, Filters(base.statuses, base.category, page))


async def _page(ctx: Context, f: Filters) -> list[Reply]:
    size = kit(ctx).limits.page_size
    rows, total = await tips.listing(
        ctx.db, kit(ctx).vault, f.statuses, f.category, (f.page - 1) * size, size
    )
    pages = max(1, -(-total // size))
    asked = f.page
    if f.page > pages:  # past the end: the last page, and a word that it is the last
        f = Filters(f.statuses, f.category, pages, f.unknown)
        rows, _ = await tips.listing(
            ctx.db, kit(ctx).vault, f.statuses, f.category, (pages - 1) * size, size
        )
    now = ctx.now()
    idle = kit(ctx).limits.claim_idle
    items = [
        {
            "id": r.id,
            "status": r.status,
            "category": r.category or "",
            "created": stamp(r.created_at),
            "holder": r.claimed_by if claim_active(r.claimed_at, now, idle) else "",
            "photos": r.photos,
            "preview": _preview(r.preview),
        }
        for r in rows
    ]
    choices: tuple[Choice, ...] = ()
    if f.page < pages:
        choices = (Choice(f"tipadm:page:{f.page + 1}:{f.encode()}", "admin.next_page"),)
    context = {
        "tips": items,
        "page": f.page,
        "pages": pages,
        "total": total,
        "statuses": list(f.statuses),
        "category": f.category or "",
        "unknown": list(f.unknown),
        "beyond": asked if asked != f.page else None,
    }
    return [Reply("admin_tips", context, choices=choices)]


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


async def show(msg: Incoming, ctx: Context) -> list[Reply]:
    """/tip ID: everything about one tip, with its photos."""
    number = tip_id(msg.args.split()[0] if msg.args.split() else "")
    if number is None:
        return [Reply("admin_usage", {"command": "tip"})]
    detail = await tips.detail(ctx.db, kit(ctx).vault, number)
    if detail is None:
        return [Reply("admin_tip_unknown", {"id": number})]
    await record(ctx, msg, "tip.view", number)
    return [_detail_reply(ctx, detail)]


def _detail_reply(ctx: Context, d: TipDetail) -> Reply:
    media = kit(ctx).media
    photos = []
    for m in d.media:
        if not m.purged and len(photos) < MAX_PHOTOS_SHOWN and media.exists(m.file_name):
            photos.append(Photo(media.get(m.file_name)))
    now = ctx.now()
    events = [
        {
            "at": stamp(e.at),
            "kind": e.kind,
            "status": e.status or "",
            "authority": e.authority or "",
            "body": e.body or "",
            "actor": e.actor or "",
        }
        for e in d.events
    ]
    context = {
        "id": d.id,
        "status": d.status,
        "category": d.category or "",
        "created": stamp(d.created_at),
        "body": d.body,
        "office": d.office or "",
        "place": d.place or "",
        "occurred": d.occurred or "",
        "holder": d.holder(now, kit(ctx).limits.claim_idle) or "",
        "notify": d.notify,
        "events": events,
        "photos": len(d.media),
        "purged": sum(1 for m in d.media if m.purged),
    }
    # Someone holds it (the viewer included): "Ambil" would only be refused or be a no-op.
    claim = () if context["holder"] else (Choice(f"tipadm:claim:{d.id}", "admin.claim"),)
    choices = (*claim, Choice(f"tipadm:reject:{d.id}", "admin.reject"))
    return Reply("admin_tip", context, choices=choices, photos=tuple(photos))


async def claim(msg: Incoming, ctx: Context) -> list[Reply]:
    """/claim ID [paksa]: take the tip; an active claim of another admin needs "paksa"."""
    words = msg.args.split()
    number = tip_id(words[0]) if words else None
    if number is None:
        return [Reply("admin_usage", {"command": "claim"})]
    force = any(w.lower() in FORCE_WORDS for w in words[1:])
    return await _claim(msg, ctx, number, force)


async def claim_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """The "Ambil" button under a new-tip alert."""
    number = tip_id((msg.payload or "").removeprefix("tipadm:claim:"))
    if number is None:
        return [Reply("admin_usage", {"command": "claim"})]
    return await _claim(msg, ctx, number, force=False)


async def _claim(msg: Incoming, ctx: Context, number: int, force: bool) -> list[Reply]:
    tk = kit(ctx)
    change = await tipactions.claim(
        ctx.db, number, actor(msg), ctx.now(), tk.limits.claim_idle, force
    )
    if change is None:
        return [Reply("admin_tip_unknown", {"id": number})]
    if not change.ok:
        return [
            Reply(
                "admin_claim_held",
                {
                    "id": number,
                    "holder": change.holder or "",
                    "minutes": tk.limits.claim_idle_minutes,
                },
            )
        ]
    await record(
        ctx, msg, "tip.claim", number, f"from {change.previous}" if change.previous else ""
    )
    return [Reply("admin_claimed", {"id": number, "previous": change.previous or ""})]
