"""Accuracy report of the knowledge base on a labelled question set (JSON Lines)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.base import Answer, KnowledgeBase

INTENT_LABELS = {"@tip": "tip", "@subscribe": "subscribe", "@greeting": "greeting"}
UNKNOWN_LABEL = "@unknown"


@dataclass(frozen=True, slots=True)
class Miss:
    question: str
    expected: str
    got: str  # matched id, "@intent", or "-" for no match
    score: float
    suggestions: tuple[str, ...]


@dataclass
class EvalReport:
    total: int = 0
    faq_total: int = 0
    top1: int = 0  # answered with confidence, and with the right entry
    rank1: int = 0  # the first candidate shown (answer or first "did you mean") is right
    top3: int = 0
    answered: int = 0  # faq questions that got a match at all
    verdict_ok: int = 0
    unknown_total: int = 0
    unknown_tp: int = 0  # out-of-scope, answered honestly
    unknown_fp: int = 0  # in-scope, wrongly told "I don't know"
    intent_total: dict[str, int] = field(default_factory=dict)
    intent_ok: dict[str, int] = field(default_factory=dict)
    bad_labels: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    median_ms: float = 0.0
    max_ms: float = 0.0

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else 0.0

    @property
    def top1_accuracy(self) -> float:
        return self._ratio(self.top1, self.faq_total)

    @property
    def rank1_accuracy(self) -> float:
        return self._ratio(self.rank1, self.faq_total)

    @property
    def top3_accuracy(self) -> float:
        return self._ratio(self.top3, self.faq_total)

    @property
    def verdict_accuracy(self) -> float:
        return self._ratio(self.verdict_ok, self.answered)

    @property
    def unknown_precision(self) -> float:
        return self._ratio(self.unknown_tp, self.unknown_tp + self.unknown_fp)

    @property
    def unknown_recall(self) -> float:
        return self._ratio(self.unknown_tp, self.unknown_total)

    def intent_accuracy(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(self.intent_total)
        return self._ratio(
            sum(self.intent_ok.get(k, 0) for k in kinds),
            sum(self.intent_total.get(k, 0) for k in kinds),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["misses"] = [asdict(m) | {"suggestions": list(m.suggestions)} for m in self.misses]
        data.update(
            top1_accuracy=self.top1_accuracy,
            rank1_accuracy=self.rank1_accuracy,
            top3_accuracy=self.top3_accuracy,
            verdict_accuracy=self.verdict_accuracy,
            unknown_precision=self.unknown_precision,
            unknown_recall=self.unknown_recall,
            intent_accuracy={k: self.intent_accuracy(k) for k in self.intent_total},
        )
        return data

    def format(self, max_misses: int = 40) -> str:
        pct = "{:.1%}".format
        lines = [
            f"questions: {self.total} ({self.faq_total} in scope, "
            f"{self.unknown_total} out of scope, {sum(self.intent_total.values())} intents)",
            f"top-1 accuracy: {pct(self.top1_accuracy)} ({self.top1}/{self.faq_total})",
            f"rank-1 accuracy: {pct(self.rank1_accuracy)} ({self.rank1}/{self.faq_total}, "
            "first candidate, did-you-mean included)",
            f"top-3 accuracy: {pct(self.top3_accuracy)} ({self.top3}/{self.faq_total})",
            f"verdict accuracy: {pct(self.verdict_accuracy)} "
            f"({self.verdict_ok}/{self.answered} answered)",
            f"honest unknown: precision {pct(self.unknown_precision)}, "
            f"recall {pct(self.unknown_recall)} ({self.unknown_tp}/{self.unknown_total})",
        ]
        for kind in sorted(self.intent_total):
            ok, tot = self.intent_ok.get(kind, 0), self.intent_total[kind]
            lines.append(f"intent {kind}: {pct(self.intent_accuracy(kind))} ({ok}/{tot})")
        lines.append(f"latency: median {self.median_ms:.2f} ms, max {self.max_ms:.2f} ms")
        for label in self.bad_labels:
            lines.append(f"bad label: {label}")
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            for miss in self.misses[:max_misses]:
                sugg = f" [did you mean: {', '.join(miss.suggestions)}]" if miss.suggestions else ""
                lines.append(
                    f"  {miss.question!r}: expected {miss.expected}, got {miss.got} "
                    f"({miss.score:.2f}){sugg}"
                )
            if len(self.misses) > max_misses:
                lines.append(f"  ... {len(self.misses) - max_misses} more")
        return "\n".join(lines)


def read_questions(path: Path) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                items.append((str(obj["question"]), str(obj["expected"])))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{Path(path).name} line {lineno}: {exc}") from exc
    return items


def _got(answer: Answer) -> tuple[str, float]:
    if answer.match is not None:
        return answer.match.id, answer.match.score
    if answer.intent in ("tip", "subscribe", "greeting"):
        return "@" + answer.intent, 0.0
    return "-", answer.suggestions[0].score if answer.suggestions else 0.0


def evaluate(kb: KnowledgeBase, path: Path) -> EvalReport:
    report = EvalReport()
    times: list[float] = []
    for question, expected in read_questions(path):
        report.total += 1
        answer = kb.ask(question, top=3)
        times.append(answer.elapsed_ms)
        got, score = _got(answer)
        honest = answer.match is None and answer.intent != "tip"
        ok: bool
        if expected in INTENT_LABELS:
            kind = INTENT_LABELS[expected]
            report.intent_total[kind] = report.intent_total.get(kind, 0) + 1
            ok = answer.intent == kind
            report.intent_ok[kind] = report.intent_ok.get(kind, 0) + int(ok)
        elif expected == UNKNOWN_LABEL:
            report.unknown_total += 1
            ok = honest
            report.unknown_tp += int(ok)
        else:
            entry = kb.entry(expected)
            if entry is None:
                report.bad_labels.append(f"{question!r}: no entry {expected!r}")
                continue
            report.faq_total += 1
            ok = answer.match is not None and answer.match.id == expected
            report.top1 += int(ok)
            ids = ([answer.match.id] if answer.match else []) + [s.id for s in answer.suggestions]
            report.rank1 += int(ids[:1] == [expected])
            report.top3 += int(expected in ids[:3])
            if answer.match is not None:
                report.answered += 1
                report.verdict_ok += int(answer.match.verdict == entry.verdict)
            elif honest:
                report.unknown_fp += 1
        if not ok:
            report.misses.append(
                Miss(question, expected, got, score, tuple(s.id for s in answer.suggestions))
            )
    if times:
        times.sort()
        report.median_ms = times[len(times) // 2]
        report.max_ms = times[-1]
    return report


def leave_one_out(kb: KnowledgeBase) -> tuple[int, int, list[tuple[str, str, str]]]:
    """Hold out each alternate in turn and see whether it still finds its entry.

    A check of how well the alternates generalize, used for calibration when
    no labelled question set exists. Returns (hits, total, misses).
    """
    from knowledge.matcher import Matcher

    hits = total = 0
    misses: list[tuple[str, str, str]] = []
    for idx, entry in enumerate(kb.entries):
        for k, raw in enumerate(entry.alternates, start=1):
            phrasings = [list(p) for p in kb.phrasings]
            held = phrasings[idx].pop(k)
            if not held:
                continue
            # Without the softmax model: it would be retrained for every
            # phrasing (about a second each).
            ranked = Matcher(phrasings, discriminative=False).rank(held, 1)
            total += 1
            if ranked and ranked[0].index == idx:
                hits += 1
            elif ranked:
                misses.append((entry.id, raw, kb.entries[ranked[0].index].id))
    return hits, total, misses
