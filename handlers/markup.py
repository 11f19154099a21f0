"""The light markup templates are written in, and its translation per channel.

Templates use ``*bold*``, ``_italic_`` and ```code```. Values a template prints
are wrapped by the renderer in private-use markers (LIT_OPEN … LIT_CLOSE) so
each channel can escape them for its own format and never read markup in
them: a user who types ``*`` or ``<b>`` sees exactly that.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

LIT_OPEN = "\ue000"
LIT_CLOSE = "\ue001"
_SLOT = "\ue002{}\ue003"
_LITERAL = re.compile(f"{LIT_OPEN}(.*?){LIT_CLOSE}", re.S)
_SLOT_RE = re.compile("\ue002(\\d+)\ue003")

_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")


class Trusted(str):
    """Text of our own (e.g. a knowledge-base answer) whose markup is meant."""

    __slots__ = ()


def literal(value: str) -> str:
    """Mark user-supplied text as literal; strips any markers it carried."""
    clean = value.replace(LIT_OPEN, "").replace(LIT_CLOSE, "")
    return f"{LIT_OPEN}{clean}{LIT_CLOSE}"


def _convert(
    text: str,
    escape_markup: Callable[[str], str],
    escape_literal: Callable[[str], str],
    bold: str,
    italic: str,
    code: str,
) -> str:
    literals: list[str] = []

    def stash(m: re.Match[str]) -> str:
        literals.append(m.group(1))
        return _SLOT.format(len(literals) - 1)

    body = escape_markup(_LITERAL.sub(stash, text))
    body = _CODE.sub(lambda m: code.format(m.group(1)), body)
    body = _BOLD.sub(lambda m: bold.format(m.group(1)), body)
    body = _ITALIC.sub(lambda m: italic.format(m.group(1)), body)
    return _SLOT_RE.sub(lambda m: escape_literal(literals[int(m.group(1))]), body)


def _html_escape(text: str) -> str:
    return html.escape(text, quote=False)


def to_telegram_html(text: str) -> str:
    """Light markup → Telegram's HTML parse mode, literals HTML-escaped."""
    return _convert(text, _html_escape, _html_escape, "<b>{}</b>", "<i>{}</i>", "<code>{}</code>")


# WhatsApp has no escape character: a zero-width joiner after a markup
# character keeps it from pairing with another while it still reads the same.
_WA_MARKUP = re.compile(r"([*_~`])")


def _whatsapp_literal(text: str) -> str:
    return _WA_MARKUP.sub("\\1\u2060", text)


def to_whatsapp(text: str) -> str:
    """Light markup → WhatsApp's own markup, literals defused."""
    return _convert(text, lambda s: s, _whatsapp_literal, "*{}*", "_{}_", "```{}```")


def to_plain(text: str) -> str:
    """Light markup → plain text for the console and logs; markers dropped."""
    return _convert(text, lambda s: s, lambda s: s, "{}", "{}", "{}")


def split_text(text: str, limit: int) -> list[str]:
    """Cut formatted text into chunks of at most ``limit`` characters.

    Prefers paragraph, then line, then word boundaries, so a chunk never ends
    inside a word unless a single word is longer than the limit.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut <= limit // 4:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not chunks:
        chunks.append(rest)
    return chunks
