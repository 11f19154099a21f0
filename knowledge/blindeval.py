"""Scoring for ``asnbot eval``: answers judged by verdict and regulation, not entry id.

A blind item (tests/eval/README.md) says which verdict the answer must give
and which regulations it may cite (any one of them); restructuring entries
never changes that truth. An entry-labelled set (tests/eval/questions.jsonl,
``{"question", "expected": entry id | "@unknown" | "@tip" ...}``) is read
into the same shape: the entry's verdict and sources become the labels, and
top-1 by entry id is counted beside them.

Scores are computed from the JSON of ``asnbot ask --json`` (INTERFACES.md),
so the chat's routing is measured, and the rapidfuzz baseline
(``baseline_answer``) is scored by the very same rules.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.evaluate import INTENT_LABELS, UNKNOWN_LABEL
from knowledge.regulations import Regulation
from knowledge.verdicts import YES

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

FAQ = "faq"
OUT_OF_SCOPE = "out_of_scope"
ROUTED_KINDS = ("tip", "greeting", "subscribe")  # right when the intent is the kind itself
KINDS = (FAQ, OUT_OF_SCOPE, *ROUTED_KINDS)
# What is counted about an in-scope answer besides "fully correct".
FAQ_FLAGS = (
    "verdict_ok",
    "answered",
    "unknown",
    "wrong_verdict",
    "dilarang_as_boleh",
    "dilarang_as_boleh_bersyarat",
)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    question: str
    kind: str
    verdict: str | None = None
    cite_any: tuple[str, ...] = ()
    register: str = "-"
    entry_id: str | None = None  # entry-labelled sets only


def read_items(path: Path, kb: KnowledgeBase) -> list[Item]:
    """Every item of a JSON Lines set, blind-style or entry-labelled; a bad line raises."""
    items: list[Item] = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                items.append(_item(json.loads(line), lineno, kb))
            except KeyError as exc:
                raise ValueError(f"{Path(path).name} line {lineno}: no {exc} field") from exc
            except (json.JSONDecodeError, TypeError, ValueError) as exc:
                raise ValueError(f"{Path(path).name} line {lineno}: {exc}") from exc
    return items


def _item(obj: dict[str, Any], lineno: int, kb: KnowledgeBase) -> Item:
    question = str(obj["question"])
    if "kind" not in obj and "expected" not in obj:
        raise ValueError("no 'kind' field (nor an entry label in 'expected')")
    if "kind" not in obj:
        return _entry_labelled(question, str(obj["expected"]), lineno, kb)
    kind = str(obj["kind"])
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    verdict = obj.get("verdict")
    cites = tuple(str(c) for c in obj.get("cite_any") or ())
    if kind == FAQ and (not verdict or not cites):
        raise ValueError("a faq item needs a verdict and cite_any")
    return Item(
        id=str(obj.get("id", lineno)),
        question=question,
        kind=kind,
        verdict=verdict,
        cite_any=cites,
        register=str(obj.get("register") or "-"),
    )


def _entry_labelled(question: str, expected: str, lineno: int, kb: KnowledgeBase) -> Item:
    if expected == UNKNOWN_LABEL:
        return Item(str(lineno), question, OUT_OF_SCOPE)
    if expected in INTENT_LABELS:
        return Item(str(lineno), question, INTENT_LABELS[expected])
    entry = kb.entry(expected)
    if entry is None:
        raise ValueError(f"no entry {expected!r}")
    return Item(str(lineno), question, FAQ, entry.verdict, entry.sources, entry_id=entry.id)


# --- citations --------------------------------------------------------------

_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")
_NOISE = re.compile(r"[(),;]")


def _norm(text: str) -> str:
    """Case, spacing, brackets, trailing dots and leading zeros ("01/2023") made equal."""
    text = _NOISE.sub(" ", text.casefold())
    return " ".join(_LEADING_ZEROS.sub("", text).split()).rstrip(".")


class Citations:
    """Compares citations through the names the regulation registry knows.

    "UU ASN (UU 20/2023) Pasal 9" and "Undang-Undang Nomor 20 Tahun 2023
    Pasal 9" both read as "uu 20/2023 pasal 9"; text the registry does not
    name is compared as written (normalised).
    """

    def __init__(self, regulations: dict[str, Regulation]) -> None:
        names: dict[str, str] = {}
        for reg in regulations.values():
            short = _norm(reg.short)
            for name in (
                reg.short,
                reg.plain,
                reg.title,
                reg.title.split(" tentang ")[0],
                f"{reg.kind} Nomor {reg.number} Tahun {reg.year}",
                f"{reg.kind} {reg.number}/{reg.year}",
            ):
                names.setdefault(_norm(name), short)
        # Longest first, so a longer name is never read as a shorter one it starts with.
        self._names = sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True)

    def canonical(self, citation: str) -> str:
        text = _norm(citation)
        for name, short in self._names:
            if text == name or text.startswith(name + " "):
                return short + text[len(name) :]
        return text

    def cites(self, sources: list[str] | tuple[str, ...], wanted: tuple[str, ...]) -> bool:
        """True when a source is a wanted citation or that citation with more detail."""
        have = [self.canonical(s) for s in sources]
        for want in (self.canonical(w) for w in wanted):
            if any(s == want or s.startswith(want + " ") for s in have):
                return True
        return False


# --- scoring ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool  # the headline measure of the item's kind
    flags: frozenset[str]


def judge(item: Item, result: dict[str, Any], citations: Citations) -> Outcome:
    """What one answer (``asnbot ask --json`` shape) earns for one item."""
    match = result.get("match")
    intent = result.get("intent")
    flags: set[str] = set()
    if item.kind == OUT_OF_SCOPE:
        ok = match is None and intent != "tip"
    elif item.kind in ROUTED_KINDS:
        ok = intent == item.kind
    elif match is None:
        ok = False
        flags.add("unknown")
    else:
        flags.add("answered")
        verdict = match.get("verdict")
        if verdict == item.verdict:
            flags.add("verdict_ok")
        else:
            flags.add("wrong_verdict")
            if item.verdict == "dilarang" and verdict in YES:
                flags.add(f"dilarang_as_{verdict}")
        if item.entry_id is not None and match.get("id") == item.entry_id:
            flags.add("top1")
        ok = "verdict_ok" in flags and citations.cites(match.get("sources") or [], item.cite_any)
    return Outcome(ok, frozenset(flags))


@dataclass
class Tally:
    """Counts for one group of items (all of them, or one register)."""

    total: Counter[str] = field(default_factory=Counter)  # items per kind
    ok: Counter[str] = field(default_factory=Counter)  # headline successes per kind
    faq: Counter[str] = field(default_factory=Counter)  # faq flags
    entry_labelled: int = 0

    def add(self, item: Item, outcome: Outcome) -> None:
        self.total[item.kind] += 1
        self.ok[item.kind] += int(outcome.ok)
        self.faq.update(outcome.flags)
        self.entry_labelled += int(item.entry_id is not None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for kind in KINDS:
            if self.total[kind]:
                data[kind] = {"n": self.total[kind], "ok": self.ok[kind]}
        if self.total[FAQ]:
            data[FAQ] |= {
                "fully_correct": self.ok[FAQ],
                **{k: self.faq[k] for k in FAQ_FLAGS},
            }
            if self.entry_labelled:
                data[FAQ]["top1_entry"] = self.faq["top1"]
        return data


@dataclass
class Score:
    """The tally of a whole run, overall and per register; misses kept aside."""

    citations: Citations
    overall: Tally = field(default_factory=Tally)
    registers: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[Item, dict[str, Any]]] = field(default_factory=list)

    def add(self, item: Item, result: dict[str, Any]) -> Outcome:
        outcome = judge(item, result, self.citations)
        self.overall.add(item, outcome)
        self.registers.setdefault(item.register, Tally()).add(item, outcome)
        if not outcome.ok:
            self.misses.append((item, result))
        return outcome

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_json(),
            "by_register": {r: t.to_json() for r, t in sorted(self.registers.items())},
        }


# --- the plain rapidfuzz baseline ---------------------------------------------


class Baseline:
    """``rapidfuzz.process.extractOne`` with token_sort_ratio over every entry's
    question and phrasings, learned examples included as the matcher has them
    (rapidfuzz's default_process: lower case, no punctuation), no threshold: it
    always answers with the best entry."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._entries = kb.entries
        self._choices: list[str] = []
        self._owner: list[int] = []
        for index, entry in enumerate(kb.entries):
            for text in (entry.question, *entry.alternates, *entry.examples):
                self._choices.append(text)
                self._owner.append(index)

    def answer(self, question: str) -> dict[str, Any]:
        from rapidfuzz import fuzz, process, utils

        best = process.extractOne(
            question, self._choices, scorer=fuzz.token_sort_ratio, processor=utils.default_process
        )
        result: dict[str, Any] = {"query": question, "intent": FAQ, "match": None}
        if best is not None:
            entry = self._entries[self._owner[best[2]]]
            result["match"] = {
                "id": entry.id,
                "question": entry.question,
                "verdict": entry.verdict,
                "sources": list(entry.sources),
                "score": round(best[1] / 100.0, 4),
            }
        return result
