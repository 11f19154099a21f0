"""What a person is told, in the shape the knowledge tests compare."""

from __future__ import annotations

from knowledge import KnowledgeBase


def verdict_and_entry(kb: KnowledgeBase, text: str) -> tuple[str, str]:
    """The answer's verdict and entry id; the question must be answered."""
    answer = kb.ask(text)
    assert answer.match is not None, text
    return answer.match.verdict, answer.match.id
