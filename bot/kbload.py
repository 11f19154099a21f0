"""The knowledge base for a command, through ``[knowledge] cache_dir``.

Kept apart from ``bot.wiring``: ``asnbot ask --json`` needs the knowledge base
and nothing of the database, media or channels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge import KnowledgeBase, load_knowledge_base

if TYPE_CHECKING:
    from bot.config import Settings


class KnowledgeLoadError(RuntimeError):
    """The knowledge base's data files cannot be read; the message names the problem."""


def knowledge_base(settings: Settings | None = None) -> KnowledgeBase:
    """The packaged knowledge base, through ``[knowledge] cache_dir`` when settings are given."""
    cache_dir = settings.knowledge.cache_dir if settings is not None else None
    try:
        return load_knowledge_base(cache_dir=cache_dir or None)
    except (OSError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise KnowledgeLoadError(f"knowledge base cannot be loaded: {exc}") from exc
