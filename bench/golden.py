"""Frozen answers of the knowledge base, to prove a speed-up changed none of them.

    python -m bench.golden            # compare today's answers with the golden file
    python -m bench.golden --write    # record today's answers (only from trusted code)
    python -m bench.golden --show 500 # print up to 500 differences (default 20)

The questions are tests/eval/questions.jsonl, the development set
tests/eval/dev/dev.jsonl (never the blind set) and one systematic variant of
each: a typo, a dropped word, or everyday slang, in turn. They are written
into the golden file itself, so the test that reads it
(tests/knowledge/test_golden_answers.py) does not depend on this generator.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import Answer, KnowledgeBase, load_knowledge_base  # noqa: E402

GOLDEN = ROOT / "tests" / "knowledge" / "golden" / "answers.jsonl"
SOURCES = (
    ROOT / "tests" / "eval" / "questions.jsonl",
    ROOT / "tests" / "eval" / "dev" / "dev.jsonl",
)
# Formal word -> what people type. Applied word by word, whole words only.
SLANG = {
    "tidak": "gak",
    "saya": "sy",
    "yang": "yg",
    "apakah": "apa",
    "bagaimana": "gimana",
    "untuk": "utk",
    "dengan": "dgn",
    "sudah": "udah",
    "kalau": "kalo",
    "jika": "kalo",
    "tahu": "tau",
    "saja": "aja",
    "juga": "jg",
    "karena": "krn",
    "bisa": "bs",
    "boleh": "boleh gk",
    "ikut": "ikutan",
    "tetapi": "tp",
    "sebagai": "sbg",
    "pegawai": "pegawe",
}
SCORE_TOLERANCE = 0.002  # scores are rounded to 3 decimals; allow float noise


def typo(text: str, rng: random.Random) -> str:
    """Swap two adjacent letters of one longer word."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) > 3]
    if not long:
        return text + " ya"
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def drop_word(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) < 3:
        return text + " kak"
    del words[rng.randrange(len(words))]
    return " ".join(words)


def slang(text: str, rng: random.Random) -> str:
    out = re.sub(r"[A-Za-z]+", lambda w: SLANG.get(w.group(0).lower(), w.group(0)), text)
    if out == text:
        out = text.rstrip("?") + rng.choice((" dong", " min?", " gmn ya"))
    return out.lower()


VARIANTS = (typo, drop_word, slang)


def questions() -> list[str]:
    """Every source question, then one variant of each (deterministic)."""
    base: list[str] = []
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                base.append(json.loads(line)["question"])
    rng = random.Random(15)
    variants = [VARIANTS[i % len(VARIANTS)](q, rng) for i, q in enumerate(base)]
    return list(dict.fromkeys(base + variants))


def record(question: str, answer: Answer) -> dict[str, Any]:
    """What a person would notice of an answer: intent, entry, verdict, score, suggestions."""
    match = answer.match
    return {
        "q": question,
        "intent": answer.intent,
        "report": answer.report,
        "id": None if match is None else match.id,
        "verdict": None if match is None else match.verdict,
        "score": None if match is None else match.score,
        "suggest": [[s.id, s.score] for s in answer.suggestions],
    }


def answers(kb: KnowledgeBase, items: Iterable[str]) -> list[dict[str, Any]]:
    return [record(q, kb.ask(q)) for q in items]


def read_golden(path: Path = GOLDEN) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def differences(golden: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[str]:
    """One line per question whose answer moved (ids differ, or a score beyond tolerance)."""
    out: list[str] = []
    for old, new in zip(golden, now, strict=True):
        if _key(old) != _key(new) or not _scores_close(old, new):
            out.append(f"{old['q']!r}: was {_show(old)}, now {_show(new)}")
    return out


def _key(rec: dict[str, Any]) -> tuple[Any, ...]:
    return (
        rec["intent"],
        rec["report"],
        rec["id"],
        rec["verdict"],
        tuple(i for i, _ in rec["suggest"]),
    )


def _scores_close(old: dict[str, Any], new: dict[str, Any]) -> bool:
    pairs = [(old["score"], new["score"])] + [
        (a, b) for (_, a), (_, b) in zip(old["suggest"], new["suggest"], strict=True)
    ]
    return all(
        (a is None and b is None)
        or (a is not None and b is not None and abs(a - b) <= SCORE_TOLERANCE)
        for a, b in pairs
    )


def _show(rec: dict[str, Any]) -> str:
    return f"{rec['intent']} {rec['id']} {rec['score']} {rec['suggest']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="record today's answers")
    parser.add_argument("--show", type=int, default=20, help="differences printed (default 20)")
    args = parser.parse_args()
    kb = load_knowledge_base()
    if args.write:
        items = questions()
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(r, ensure_ascii=False) for r in answers(kb, items)]
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} answers written to {GOLDEN.relative_to(ROOT)}")
        return
    golden = read_golden()
    diff = differences(golden, answers(kb, [r["q"] for r in golden]))
    print(f"{len(golden) - len(diff)} of {len(golden)} answers unchanged")
    for line in diff[: args.show]:
        print("  " + line)
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
