"""/export (CSV of the filtered tips), /stats (counts and a chart), /audit."""

from __future__ import annotations

import asyncio
import csv
import io

from handlers.admin.chart import bar_chart
from handlers.admin.common import parse_filters, record
from handlers.context import Context
from handlers.localtime import stamp
from handlers.messages import Document, Incoming, Photo, Reply
from handlers.tips.kit import kit
from storage import audit, tips
from storage.tips import TipDetail

CSV_COLUMNS = (
    "id",
    "created_at",
    "status",
    "status_changed_at",
    "category",
    "office",
    "place",
    "occurred",
    "text",
    "photos",
    "replies",
    "notes",
    "additions",
    "claimed_by",
)
AUDIT_PAGE = 20


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: defuse it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[TipDetail]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for d in rows:
        count = {k: sum(1 for e in d.events if e.kind == k) for k in ("reply", "note", "addition")}
        writer.writerow(
            [
                _cell(v)
                for v in (
                    d.id,
                    d.created_at.isoformat(timespec="seconds"),
                    d.status,
                    d.status_changed_at.isoformat(timespec="seconds"),
                    d.category,
                    d.office,
                    d.place,
                    d.occurred,
                    d.body,
                    len(d.media),
                    count["reply"],
                    count["note"],
                    count["addition"],
                    d.claimed_by,
                )
            ]
        )
    # A byte-order mark so spreadsheet programs read the UTF-8 correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


async def export(msg: Incoming, ctx: Context) -> list[Reply]:
    """/export [status…|terbuka] [category]: every matching tip (all statuses by default)."""
    f = parse_filters(msg.args.split(), ())
    if f.unknown:
        return [Reply("admin_usage", {"command": "export"})]
    rows = await tips.export(ctx.db, kit(ctx).vault, f.statuses, f.category)
    name = f"tips-{ctx.now().strftime('%Y%m%d-%H%M')}.csv"
    await record(ctx, msg, "tip.export", None, f"{len(rows)} rows {f.encode()}")
    context = {"count": len(rows), "statuses": list(f.statuses), "category": f.category or ""}
    return [Reply("admin_export", context, documents=(Document(to_csv(rows), name),))]


async def stats(_msg: Incoming, ctx: Context) -> list[Reply]:
    """/stats: counts by status, category and week, and a weekly chart."""
    s = await tips.stats(ctx.db)
    weeks = list(s.by_week.items())[-12:]
    chart = await asyncio.to_thread(bar_chart, weeks) if weeks else None
    context = {
        "total": sum(s.by_status.values()),
        "by_status": sorted(s.by_status.items()),
        "by_category": sorted(s.by_category.items(), key=lambda kv: (-kv[1], kv[0])),
        "by_week": weeks,
    }
    photos = (Photo(chart, mime="image/png"),) if chart else ()
    return [Reply("admin_stats", context, photos=photos)]


async def audit_log(msg: Incoming, ctx: Context) -> list[Reply]:
    """/audit [page]: the latest privileged actions, newest first."""
    arg = msg.args.strip()
    page = int(arg) if arg.isdecimal() and 0 < int(arg) < 10_000 else 1
    rows = await audit.recent(ctx.db, AUDIT_PAGE, (page - 1) * AUDIT_PAGE)
    entries = [
        {
            "at": stamp(r.at),
            "actor": r.actor,
            "action": r.action,
            "target": r.target or "",
            "detail": r.detail or "",
        }
        for r in rows
    ]
    return [Reply("admin_audit", {"entries": entries, "page": page})]
