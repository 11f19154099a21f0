"""The matcher's speed-ups change no answer: 2,312 questions against frozen answers.

golden/answers.jsonl was recorded by `python -m bench.golden --write` from
the code before issue 15's matcher work: the labelled questions, the
development set (never the blind set) and a typo, dropped-word or slang
variant of each. Every answer must name the same intent, entry, verdict and
suggestions, with scores within rounding noise. A change to the knowledge
files or to the matcher's weights moves answers on purpose: record the file
again from that commit (and say so in its message).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge import Answer, load_knowledge_base

GOLDEN = Path(__file__).parent / "golden" / "answers.jsonl"
TOLERANCE = 0.002  # scores are rounded to 3 decimals by the knowledge base


def _records() -> list[dict[str, Any]]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def _moved(old: dict[str, Any], new: Answer) -> bool:
    match = new.match
    if (old["intent"], old["report"]) != (new.intent, new.report):
        return True
    if (old["id"], old["verdict"]) != (
        (None, None) if match is None else (match.id, match.verdict)
    ):
        return True
    if match is not None and abs(old["score"] - match.score) > TOLERANCE:
        return True
    if [i for i, _ in old["suggest"]] != [s.id for s in new.suggestions]:
        return True
    return any(
        abs(score - s.score) > TOLERANCE
        for (_, score), s in zip(old["suggest"], new.suggestions, strict=True)
    )


def test_the_golden_file_is_big_enough() -> None:
    records = _records()
    assert len(records) >= 2000
    assert sum(r["id"] is not None for r in records) >= 1500  # mostly real answers


def test_answers_match_the_golden_file() -> None:
    kb = load_knowledge_base()
    records = _records()
    moved = [
        f"{r['q']!r}: was {r['intent']} {r['id']} {r['score']} {r['suggest']}, now "
        f"{a.intent} {a.match and a.match.id} {a.match and a.match.score} "
        f"{[(s.id, s.score) for s in a.suggestions]}"
        for r in records
        if _moved(r, a := kb.ask(r["q"]))
    ]
    assert not moved, f"{len(moved)} of {len(records)} answers moved:\n" + "\n".join(moved[:20])
