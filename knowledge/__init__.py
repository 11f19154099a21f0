"""asnbot's knowledge engine: FAQ data, regulation registry, normalizer, matcher.

Imports nothing from the project's other packages.
"""

from knowledge.base import (
    Answer,
    KnowledgeBase,
    Match,
    Suggestion,
    load_knowledge_base,
)
from knowledge.entries import Entry
from knowledge.evaluate import EvalReport, evaluate
from knowledge.frames import Frame
from knowledge.regulations import Regulation

__all__ = [
    "Answer",
    "Entry",
    "EvalReport",
    "Frame",
    "KnowledgeBase",
    "Match",
    "Regulation",
    "Suggestion",
    "evaluate",
    "load_knowledge_base",
]
