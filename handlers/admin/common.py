"""Small shared pieces of the admin commands: argument parsing and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.context import Context
from handlers.messages import Incoming
from storage import audit
from storage.tips import CATEGORIES, OPEN, STATUSES

# Words admins may type for each status, in both languages.
STATUS_WORDS = {
    "new": "new",
    "baru": "new",
    "reviewing": "reviewing",
    "review": "reviewing",
    "ditinjau": "reviewing",
    "tinjau": "reviewing",
    "forwarded": "forwarded",
    "forward": "forwarded",
    "diteruskan": "forwarded",
    "teruskan": "forwarded",
    "closed": "closed",
    "close": "closed",
    "ditutup": "closed",
    "tutup": "closed",
    "selesai": "closed",
    "rejected": "rejected",
    "reject": "rejected",
    "ditolak": "rejected",
    "tolak": "rejected",
}
ALL_WORDS = ("semua", "all")
OPEN_WORDS = ("terbuka", "open")
PAGE_WORDS = ("halaman", "hal", "page")  # "/tips halaman 2": the number is the page


def actor(msg: Incoming) -> str:
    """Who did it, for the audit log and claims: the admin's configured identity."""
    return msg.identity[:80]


def tip_id(text: str) -> int | None:
    word = text.strip().lstrip("#")
    return int(word) if word.isdecimal() and 0 < len(word) <= 12 else None


@dataclass(frozen=True)
class Filters:
    statuses: tuple[str, ...]
    category: str | None
    page: int = 1
    unknown: tuple[str, ...] = ()

    def encode(self) -> str:
        return f"{','.join(self.statuses) or '-'}:{self.category or '-'}"


def parse_filters(words: list[str], default: tuple[str, ...]) -> Filters:
    """``[status…|semua|terbuka] [category] [page]`` in any order."""
    statuses: list[str] = []
    category = None
    page = 1
    unknown: list[str] = []
    every = False
    for raw in words:
        word = raw.lower().strip(",")
        if word in STATUS_WORDS:
            statuses.append(STATUS_WORDS[word])
        elif word in ALL_WORDS:
            every = True
        elif word in OPEN_WORDS:
            statuses.extend(OPEN)
        elif word in CATEGORIES:
            category = word
        elif word.isdecimal() and 0 < len(word) < 6:
            page = max(int(word), 1)
        elif word in PAGE_WORDS:
            continue
        elif word:
            unknown.append(raw[:30])
    chosen = () if every else tuple(dict.fromkeys(statuses)) or default
    return Filters(chosen, category, page, tuple(unknown))


def decode_filters(text: str) -> Filters:
    statuses, _, category = text.partition(":")
    return Filters(
        tuple(s for s in statuses.split(",") if s in STATUSES),
        category if category in CATEGORIES else None,
    )


async def record(
    ctx: Context, msg: Incoming, action: str, target: int | None, detail: str = ""
) -> None:
    """Appends to the audit log: who, what, which tip. Never tip text or reply text."""
    where = f"tip:{target}" if target is not None else None
    await audit.record(ctx.db, ctx.now(), actor(msg), action, where, detail or None)
