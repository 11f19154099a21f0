"""How much learned examples help on questions they were not learned from.

    python -m bench.learn_cv            # every fold below, about ten minutes
    python -m bench.learn_cv held5      # one fold (d3332-d3571)

A development-set score after `asnbot knowledge learn` is a training score:
those questions are now phrasings. This bench holds one batch out at a time
(whole batches, so the writer's style is held out too), learns examples from
the rest of the development set, and prints the held-out batch's fully
correct share without and with the examples, from the same run. Batches are
the held-out batches of tests/eval/dev/SOURCES.md §7. Never the blind set.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.askpath import answer_json  # noqa: E402
from bot.learncli import DEV_SET, blind_questions, same_text  # noqa: E402
from knowledge.base import DATA_DIR, build_knowledge_base  # noqa: E402
from knowledge.blindeval import FAQ, Citations, Item, judge, read_items  # noqa: E402
from knowledge.coverage import COVERAGE_FILE  # noqa: E402
from knowledge.framemap import FRAMES_FILE  # noqa: E402
from knowledge.learned import Labelled, authored_phrasings, learn, with_examples  # noqa: E402

FOLDS = {
    "held1": (972, 1171),
    "held2": (1412, 1611),
    "held3": (2052, 2251),
    "held4": (2252, 2491),
    "held5": (3332, 3571),
}


def _number(item: Item) -> int:
    return int(item.id[1:]) if item.id[1:].isdigit() else -1


def _score(
    answer: Callable[[str], dict[str, Any]], items: list[Item], citations: Citations
) -> Counter[str]:
    c: Counter[str] = Counter()
    for item in items:
        outcome = judge(item, answer(item.question), citations)
        c[f"{item.kind} {'ok' if outcome.ok else 'miss'}"] += 1
        c[item.kind] += 1
        if {"dilarang_as_boleh", "dilarang_as_boleh_bersyarat"} & outcome.flags:
            c["dilarang answered yes"] += 1
        if item.kind == FAQ:
            c["wrong verdict"] += "wrong_verdict" in outcome.flags
            c["unknown"] += "unknown" in outcome.flags
    return c


def _line(name: str, c: Counter[str]) -> str:
    parts = []
    for kind in ("faq", "out_of_scope", "tip", "greeting"):
        if c[kind]:
            parts.append(
                f"{kind} {c[kind + ' ok']}/{c[kind]} ({100 * c[kind + ' ok'] / c[kind]:.1f}%)"
            )
    parts.append(f"faq wrong verdict {c['wrong verdict']} unknown {c['unknown']}")
    parts.append(f"dilarang answered yes {c['dilarang answered yes']}")
    return f"  {name:<10} " + "  ".join(parts)


def main(names: list[str]) -> None:
    base = build_knowledge_base(DATA_DIR, COVERAGE_FILE, frames_file=FRAMES_FILE, learned=False)
    citations = Citations(base.regulations)
    items = read_items(DEV_SET, base)
    verdicts = {e.id: e.verdict for e in base.entries}
    sources = {e.id: e.sources for e in base.entries}
    answers: dict[str, dict[str, Any]] = {}
    taken = authored_phrasings(base)
    blind = blind_questions()

    def answer(question: str) -> dict[str, Any]:
        if question not in answers:  # every fold asks the same questions of `base`
            answers[question] = answer_json(base, question)
        return answers[question]

    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        lo, hi = FOLDS[name]
        held = [i for i in items if lo <= _number(i) <= hi]
        train = [
            Labelled(i.id, i.question, i.verdict, tuple(i.cite_any))
            for i in items
            if not lo <= _number(i) <= hi
            and i.kind == FAQ
            and i.verdict
            and i.cite_any
            and same_text(i.question) not in blind
        ]
        examples = learn(train, answer, verdicts, sources, citations.cites, taken, base.normalize)
        learned = with_examples(base, examples)
        print(
            f"{name}: d{lo:04d}-d{hi:04d}, {len(held)} items; {len(examples)} examples learned",
            flush=True,
        )
        variants = {
            "without": lambda q, kb=base: answer_json(kb, q),
            "with": lambda q, kb=learned: answer_json(kb, q),
        }
        for label, ask in variants.items():
            c = _score(ask, held, citations)
            totals[label].update(c)
            print(_line(label, c), flush=True)
    if len(names) > 1:
        print("all folds:")
        for label, c in totals.items():
            print(_line(label, c))


if __name__ == "__main__":
    main(sys.argv[1:] or list(FOLDS))
