"""Matcher.rank with a floor: the same ranking whenever an entry reaches the floor,
and nothing (the costly rapidfuzz scores never computed) when none can."""

from __future__ import annotations

import random

import pytest

from knowledge import matcher as m
from knowledge.matcher import Matcher


def _index(entries: int, seed: int = 3) -> tuple[Matcher, list[str]]:
    rng = random.Random(seed)
    vocab = [f"kata{i}" for i in range(80)]

    def text() -> str:
        return " ".join(rng.sample(vocab, rng.randint(3, 8)))

    phrasings = [[text() for _ in range(3)] for _ in range(entries)]
    queries = [text() for _ in range(60)] + [p[0] for p in phrasings[:20]]
    return Matcher(phrasings, None, discriminative=False), queries


# Below and above FUZZY_CANDIDATES: every entry scored by rapidfuzz, or the best few.
@pytest.mark.parametrize("entries", [30, 3 * m.FUZZY_CANDIDATES])
def test_a_floor_changes_nothing_but_whether_a_hopeless_ranking_is_finished(
    entries: int,
) -> None:
    matcher, queries = _index(entries)
    finished = unfinished = 0
    for query in queries:
        full = matcher.rank(query, 5)
        for floor in (0.2, 0.35, m.ANSWER_THRESHOLD, 0.7):
            floored = matcher.rank(query, 5, floor)
            if floored:
                finished += 1
                assert floored == full  # the same entries and scores, to the last bit
            else:
                unfinished += 1
                assert full[0].score < floor  # no entry could have reached it
    assert finished and unfinished  # both ways taken


def test_a_ranking_without_a_floor_is_always_finished() -> None:
    matcher, queries = _index(40)
    assert all(matcher.rank(q, 3) for q in queries)
