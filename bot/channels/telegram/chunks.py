"""Cutting light-markup text to Telegram's limits before it becomes HTML.

Cut before converting, so no chunk ends inside an HTML tag or entity; and a
literal (user text) cut in two is closed and reopened, so its second half is
still escaped and never read as markup.
"""

from __future__ import annotations

from handlers.markup import LIT_CLOSE, LIT_OPEN

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


def _cut_at(window: str, limit: int) -> int:
    # Paragraph, then line, then word; a hard cut only for a run with no space.
    for sep in ("\n\n", "\n", " "):
        at = window.rfind(sep)
        if at > limit // 4:
            return at
    return limit


def _units(ch: str) -> int:
    # Telegram counts UTF-16 code units: an emoji outside the BMP counts twice.
    if ch in (LIT_OPEN, LIT_CLOSE):
        return 0
    return 2 if ord(ch) > 0xFFFF else 1


def visible_len(text: str) -> int:
    return sum(_units(ch) for ch in text)


def split_markup(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Chunks of at most ``limit`` visible characters, literals kept balanced."""
    if limit < 2:
        raise ValueError("limit too small")
    chunks: list[str] = []
    rest = text
    # Literal markers take no room once converted, so closing and reopening a
    # literal at a cut costs nothing against the limit.
    while visible_len(rest) > limit:
        window = _window(rest, limit)
        cut = _cut_at(window, len(window))
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if _open_literal(head):
            head += LIT_CLOSE
            rest = LIT_OPEN + rest
        chunks.append(head)
    if rest.strip(LIT_OPEN + LIT_CLOSE).strip() or not chunks:
        chunks.append(rest)
    return chunks


def _window(text: str, budget: int) -> str:
    """The longest prefix of ``text`` holding ``budget`` visible characters."""
    seen = 0
    for i, ch in enumerate(text):
        seen += _units(ch)
        if seen > budget:
            return text[:i]
    return text


def _open_literal(text: str) -> bool:
    return text.rfind(LIT_OPEN) > text.rfind(LIT_CLOSE)
