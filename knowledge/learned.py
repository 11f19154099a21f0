"""Learned examples: development questions that become extra phrasings.

The authored phrasings were written by the same hands as the entries, and a
matcher trained on them learns that team's way of asking. The development
set (tests/eval/dev/dev.jsonl) holds thousands of questions written by
people who never saw the knowledge base, each labelled with its right
verdict and the regulations a right answer cites. An item becomes an
example of an entry when that entry's verdict is the label's and its
sources cite one of the label's regulations, and the entry is what the bot
answers (or, when the bot answers wrongly, the best-ranked candidate that
fits the label). An example never carries a verdict its entry does not
give, so it cannot teach the matcher a "boleh" the label forbids.

Examples live in ``knowledge/faq/learned.jsonl``, one object per line
(``{"entry", "text", "verdict", "from"}``), are written by ``asnbot
knowledge learn`` and never from the blind set (tests/eval/README.md).

They feed a second matcher (authored phrasings and examples together) that
is asked only when the authored one finds no sure answer (KnowledgeBase._ask):
mixed into the one matcher they pulled questions the authored phrasings
placed right towards other entries (measured: bench/learn_cv.py, README).
What the person reads, the checks of the authored phrasings and the words the
entries are said to use stay the authored ones.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

LEARNED_FILE = "learned.jsonl"
FIELDS = frozenset({"entry", "text", "verdict", "from"})


@dataclass(frozen=True, slots=True)
class Example:
    entry: str
    text: str
    verdict: str
    source: str  # the development item's id

    def to_json(self) -> dict[str, str]:
        return {
            "entry": self.entry,
            "text": self.text,
            "verdict": self.verdict,
            "from": self.source,
        }


def read_examples(
    path: Path, verdicts: dict[str, str]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Example texts by entry id, and one defect line per bad example.

    ``verdicts``: every loaded entry's verdict by id. An example of an unknown
    entry, or whose verdict its entry no longer gives (the entry was rewritten
    after the examples were learned), is a defect and is not used.
    """
    found: dict[str, list[str]] = {}
    defects: list[str] = []
    if not path.is_file():
        return {}, defects
    seen: set[tuple[str, str]] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name}: cannot be read: {exc}"]
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {lineno}"
        example, problem = _parse(line)
        if example is None:
            defects.append(f"{where}: {problem}")
        elif example.entry not in verdicts:
            defects.append(f"{where}: unknown entry {example.entry!r}")
        elif verdicts[example.entry] != example.verdict:
            defects.append(
                f"{where}: learned as {example.verdict} but {example.entry} says "
                f"{verdicts[example.entry]} (run asnbot knowledge learn again)"
            )
        elif (example.entry, example.text) in seen:
            defects.append(f"{where}: repeats an example of {example.entry}")
        else:
            seen.add((example.entry, example.text))
            found.setdefault(example.entry, []).append(example.text)
    return {k: tuple(v) for k, v in found.items()}, defects


def _parse(line: str) -> tuple[Example | None, str]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON: {exc.msg}"
    if not isinstance(raw, dict) or set(raw) != FIELDS:
        return None, f"needs exactly the fields {', '.join(sorted(FIELDS))}"
    if not all(isinstance(raw[k], str) and raw[k].strip() for k in FIELDS):
        return None, "every field must be a non-empty string"
    return Example(raw["entry"], raw["text"].strip(), raw["verdict"], raw["from"]), ""


@dataclass(frozen=True, slots=True)
class Labelled:
    """What ``learn`` needs of a development item."""

    id: str
    question: str
    verdict: str
    cite_any: tuple[str, ...]


def learn(
    items: Iterable[Labelled],
    answer: Callable[[str], dict[str, Any]],
    verdicts: dict[str, str],
    sources: dict[str, tuple[str, ...]],
    cites: Callable[[tuple[str, ...], tuple[str, ...]], bool],
    taken: dict[str, str],
    normalize: Callable[[str], str],
    max_chars: int | None = None,
) -> list[Example]:
    """One example per item whose answer, or best-ranked fitting candidate, is an
    entry with the item's verdict citing one of its regulations; in item order.

    ``answer``: the chat's answer (``asnbot ask --json`` shape) from a knowledge
    base without learned examples, so that learning again gives the same file.
    ``taken``: every authored phrasing, normalized, and its entry. A question
    that normalizes to a phrasing already there adds nothing to its own entry
    and would contradict another's, so it is not learned.
    ``max_chars``: the chat's limit on a message (the caller's ``[chat]
    max_text_chars``); a longer question is none a person could send, so it is not
    learned either.
    """
    out: list[Example] = []
    taken = dict(taken)
    for item in items:
        if max_chars is not None and len(item.question.strip()) > max_chars:
            continue
        key = normalize(item.question)
        if not key or key in taken:
            continue
        result = answer(item.question)
        candidates = [result.get("match"), *result.get("suggestions", ())]
        for cand in candidates:
            entry = (cand or {}).get("id")
            if entry not in verdicts:  # no answer, or a general rule (no entry of its own)
                continue
            if verdicts[entry] == item.verdict and cites(sources[entry], item.cite_any):
                out.append(Example(entry, item.question.strip(), item.verdict, item.id))
                taken[key] = entry
                break
    return out


def authored_phrasings(kb: KnowledgeBase) -> dict[str, str]:
    """Every authored phrasing (question and alternates), normalized, and its entry."""
    return {
        norm: e.id
        for e, norms in zip(kb.entries, kb.phrasings, strict=True)
        for norm in norms[: 1 + len(e.alternates)]
        if norm
    }


def with_examples(kb: KnowledgeBase, examples: Iterable[Example]) -> KnowledgeBase:
    """The same knowledge base with these examples (and no others) as its entries'."""
    from knowledge.base import KnowledgeBase

    by_entry: dict[str, list[str]] = {}
    for ex in examples:
        by_entry.setdefault(ex.entry, []).append(ex.text)
    entries = tuple(
        dataclasses.replace(e, examples=tuple(by_entry.get(e.id, ()))) for e in kb.entries
    )
    return KnowledgeBase(
        entries=entries,
        regulations=kb.regulations,
        coverage_file=kb.coverage_file,
        frames_file=kb.frames_file,
    )


def write_examples(path: Path, examples: Iterable[Example]) -> int:
    """Write the examples (one JSON object per line, in order); how many were written."""
    lines = [json.dumps(e.to_json(), ensure_ascii=False) for e in examples]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)
