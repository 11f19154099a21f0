"""Matcher.rank of a few entries scores rapidfuzz only for the candidates that could
reach the k best; what a person is told must not change by it. Against the whole
ranking (every candidate scored), on the real knowledge base and questions of the
evaluation set: the same entries, in the same order, with the same scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge import matcher as m

QUESTIONS = Path(__file__).parent.parent / "eval" / "questions.jsonl"


def _questions(n: int) -> list[str]:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    return [r["question"] for r in rows if r.get("question")][:n]


def _whole(matcher: m.Matcher, query: str, k: int) -> list[m.Scored]:
    found = matcher._scores(query)
    assert found is not None
    scores, proba = found
    return m._top(scores, proba, min(k, matcher.size))


@pytest.mark.parametrize("k", [1, 4, 10])
def test_a_short_ranking_is_the_whole_rankings_head(kb: KnowledgeBase, k: int) -> None:
    matcher = kb.matcher
    questions = _questions(150)
    assert len(questions) == 150
    for query in questions:
        normalized = kb.normalizer.normalize(query)
        assert matcher.rank(normalized, k) == _whole(matcher, normalized, k), query


@pytest.mark.parametrize("k", [4, 10])
@pytest.mark.parametrize("which", ["authored", "learned"])
def test_a_floored_ranking_is_the_whole_rankings_head_or_nothing(
    kb: KnowledgeBase, k: int, which: str
) -> None:
    """With a floor (the learned matcher's second pass asks at T1), a ranking first
    scores the few candidates that could reach the floor, then the likeliest k: the
    k best of the whole ranking when its best reaches the floor, else nothing."""
    matcher = kb.matcher if which == "authored" else kb.learned
    assert matcher is not None
    floor = m.ANSWER_THRESHOLD
    reached = 0
    for query in _questions(300):
        normalized = kb.normalizer.normalize(query)
        if not normalized:  # ("halo": no words to rank, and the ask ranks none)
            continue
        whole = _whole(matcher, normalized, k)
        expected = whole if whole and whole[0].score >= floor else []
        assert matcher.rank(normalized, k, floor) == expected, query
        reached += bool(expected)
    assert 0 < reached < 300  # (both outcomes are exercised)
