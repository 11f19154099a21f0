"""The "Dasar hukum" button: the full references behind one answer."""

from __future__ import annotations

from typing import Any

from handlers.basic import MENU
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from knowledge import Entry
from knowledge.regulations import Regulation, read_citation

PREFIX = "law:"


def button_for(entry: Entry) -> Choice:
    return Choice(f"{PREFIX}{entry.id}", "law.button")


def plain_sources(entry: Entry, ctx: Context) -> list[str]:
    """The entry's citations as people read them, one per regulation:
    "UU Pemilu (UU 7/2017): Pasal 280 ayat (3), Pasal 494"."""
    return [
        f"{ref['plain']}: {', '.join(ref['articles'])}" if ref["articles"] else ref["plain"]
        for ref in _references(entry, ctx.kb.regulations)
    ]


def _references(entry: Entry, regs: dict[str, Regulation]) -> list[dict[str, Any]]:
    """One block per regulation, in the order the answer cites them, with its articles."""
    blocks: dict[str, dict[str, Any]] = {}
    for source in entry.sources:
        cited = read_citation(source, regs)
        reg = cited.regulation
        if reg is None:  # the lint forbids it; shown as written rather than dropped
            blocks.setdefault(source, {"unknown": True, "plain": source, "articles": []})
            continue
        block = blocks.setdefault(
            reg.short,
            {
                "unknown": False,
                "plain": reg.plain,
                "title": reg.title,
                "status": reg.status.replace(" ", "_"),
                "replaced_by": regs[reg.replaced_by].plain if reg.replaced_by else None,
                "link": reg.link,
                "articles": [],
            },
        )
        if cited.article and cited.article not in block["articles"]:
            block["articles"].append(cited.article)
    return list(blocks.values())


async def show(msg: Incoming, ctx: Context) -> list[Reply]:
    """The "Dasar hukum" button under an answer: titles, articles, status and links."""
    entry = ctx.kb.entry((msg.payload or "").removeprefix(PREFIX))
    if entry is None:
        return [Reply("unknown_question", {}, choices=MENU)]
    return [
        Reply(
            "law",
            {"question": entry.question, "refs": _references(entry, ctx.kb.regulations)},
            choices=(Choice(f"faq:{entry.id}", "law.back"),),
        )
    ]
