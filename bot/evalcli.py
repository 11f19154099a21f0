"""``asnbot eval``: accuracy on the blind set (or a FILE), aggregates only.

Every item goes through ``bot.askpath.answer_json``, the chat's own path,
with no database. Individual items are printed only with ``--misses``; on
the blind set that also needs ``--yes-i-will-move-them``, because whoever
reads a blind failure must move that item to the development set
(tests/eval/README.md) or the set stops being blind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.askpath import answer_json
from knowledge import KnowledgeBase
from knowledge.blindeval import (
    FAQ,
    KINDS,
    OUT_OF_SCOPE,
    Baseline,
    Citations,
    Item,
    Score,
    Tally,
    read_items,
)

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "eval"
BLIND_DIR = EVAL_DIR / "blind"
BLIND_SET = BLIND_DIR / "blind.jsonl"
PROGRESS_EVERY = 100
MOVE_FLAG = "--yes-i-will-move-them"
BASELINE_RULE = (
    "rapidfuzz extractOne, token_sort_ratio, default_process, over every entry's "
    "question and phrasings; no threshold"
)
MOVE_REMINDER = (
    "asnbot eval: every blind item shown here must move to tests/eval/dev/dev.jsonl "
    "and be replaced (tests/eval/README.md)."
)
MISSES_WARNING = f"{MOVE_REMINDER} --misses on the blind set needs {MOVE_FLAG}."


def is_blind(path: Path) -> bool:
    return path.resolve().is_relative_to(BLIND_DIR.resolve())


@dataclass
class EvalRun:
    name: str
    items: list[Item]
    bot: Score
    bot_seconds: float
    baseline: Score | None = None
    baseline_seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        kinds = {k: sum(1 for i in self.items if i.kind == k) for k in KINDS}
        data: dict[str, Any] = {
            "file": self.name,
            "questions": len(self.items),
            "kinds": {k: n for k, n in kinds.items() if n},
            "asnbot": self.bot.to_json(),
            "seconds": round(self.bot_seconds, 3),
            "questions_per_second": round(_rate(len(self.items), self.bot_seconds), 1),
        }
        if self.baseline is not None:
            data["baseline"] = self.baseline.to_json() | {"rule": BASELINE_RULE}
            data["baseline_seconds"] = round(self.baseline_seconds, 3)
        return data


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else 0.0


def run_eval(
    kb: KnowledgeBase,
    items: list[Item],
    *,
    name: str = "-",
    baseline: bool = False,
    max_chars: int | None = None,
    progress: TextIO | None = None,
) -> EvalRun:
    """Scores every item through the chat's path (and the baseline, if asked) in one run."""
    citations = Citations(kb.regulations)
    options: dict[str, Any] = {} if max_chars is None else {"max_chars": max_chars}
    score = Score(citations)
    started = time.perf_counter()
    for done, item in enumerate(items, start=1):
        score.add(item, answer_json(kb, item.question, **options))
        if progress is not None and done % PROGRESS_EVERY == 0:
            print(f"asnbot eval: {done}/{len(items)} questions", file=progress, flush=True)
    run = EvalRun(name, items, score, time.perf_counter() - started)
    if baseline:
        started = time.perf_counter()
        fuzzy, run.baseline = Baseline(kb), Score(citations)
        for item in items:
            run.baseline.add(item, fuzzy.answer(item.question))
        run.baseline_seconds = time.perf_counter() - started
    return run


# --- text output ------------------------------------------------------------


def _cell(num: int, den: int) -> str:
    return f"{num / den:.1%} ({num}/{den})" if den else "-"


def _rows(t: Tally) -> list[tuple[str, str]]:
    n = t.total[FAQ]
    rows: list[tuple[str, str]] = []
    if n:
        rows += [
            ("faq: fully correct (verdict + law)", _cell(t.ok[FAQ], n)),
            ("faq: verdict right", _cell(t.faq["verdict_ok"], n)),
            ("faq: answered", _cell(t.faq["answered"], n)),
            ("faq: honest unknown (no answer)", _cell(t.faq["unknown"], n)),
            ("faq: answered, wrong verdict", _cell(t.faq["wrong_verdict"], n)),
            ("dilarang answered boleh", str(t.faq["dilarang_as_boleh"])),
            ("dilarang answered boleh_bersyarat", str(t.faq["dilarang_as_boleh_bersyarat"])),
        ]
        if t.entry_labelled:
            rows.append(("faq: top-1 entry", _cell(t.faq["top1"], t.entry_labelled)))
    labels = {OUT_OF_SCOPE: "out of scope answered honestly"}
    for kind in KINDS[1:]:
        if t.total[kind]:
            label = labels.get(kind, f"{kind} routed")
            rows.append((label, _cell(t.ok[kind], t.total[kind])))
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*header), *(fmt.format(*r) for r in rows)]


def _short(t: Tally, kind: str) -> str:
    n = t.total[kind]
    return f"{t.ok[kind] / n:.0%} {t.ok[kind]}/{n}" if n else "-"


def format_run(run: EvalRun) -> str:
    counts = run.to_json()["kinds"]
    kinds = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
    lines = [f"asnbot eval {run.name}: {len(run.items)} questions ({kinds})", ""]
    header = ["measure", "asnbot"]
    rows = [[label, cell] for label, cell in _rows(run.bot.overall)]
    if run.baseline is not None:
        header.append("baseline")
        for row, (_, cell) in zip(rows, _rows(run.baseline.overall), strict=True):
            row.append(cell)
    lines += _table(header, rows)
    present = [k for k in KINDS if run.bot.overall.total[k]]
    base = run.baseline if FAQ in present else None
    names = {FAQ: "faq full", OUT_OF_SCOPE: "oos honest"}
    reg_header = ["register", "n", *(names.get(k, k) for k in present)]
    reg_header += ["faq full (baseline)"] if base else []
    reg_rows = []
    for register, tally in sorted(run.bot.registers.items()):
        row = [register, str(sum(tally.total.values())), *(_short(tally, k) for k in present)]
        if base is not None:
            row.append(_short(base.registers[register], FAQ))
        reg_rows.append(row)
    lines += [
        "",
        "by register",
        *_table(reg_header, reg_rows),
    ]
    lines.append("")
    rate = _rate(len(run.items), run.bot_seconds)
    timing = f"asnbot: {run.bot_seconds:.1f} s, {rate:.0f} questions/s"
    if run.baseline is not None:
        timing += f"; baseline: {run.baseline_seconds:.1f} s ({BASELINE_RULE})"
    lines.append(timing)
    return "\n".join(lines)


def miss_records(score: Score) -> list[dict[str, Any]]:
    """Each failed item with what was wanted and what came back."""
    records = []
    for item, result in score.misses:
        match = result.get("match") or {}
        records.append(
            {
                "id": item.id,
                "kind": item.kind,
                "register": item.register,
                "question": item.question,
                "want": {"verdict": item.verdict, "cite_any": list(item.cite_any)},
                "got": {
                    "intent": result.get("intent"),
                    "id": match.get("id"),
                    "verdict": match.get("verdict"),
                    "sources": list(match.get("sources") or []),
                },
            }
        )
    return records


def format_misses(records: list[dict[str, Any]]) -> str:
    lines = [f"misses ({len(records)}):"]
    for miss in records:
        want, got = miss["want"], miss["got"]
        if miss["kind"] == FAQ:
            wanted = f"{want['verdict']}, citing any of {'; '.join(want['cite_any'])}"
        else:
            wanted = "no answer" if miss["kind"] == OUT_OF_SCOPE else f"intent {miss['kind']}"
        answer = f"intent {got['intent']}"
        if got["id"] is not None:
            answer += f", {got['id']} {got['verdict']}: {'; '.join(got['sources'][:4])}"
        lines += [
            f"[{miss['id']}] {miss['kind']}/{miss['register']}: {miss['question']!r}",
            f"    want {wanted}",
            f"    got  {answer}",
        ]
    return "\n".join(lines)


# --- the command ------------------------------------------------------------


def _display_name(path: Path) -> str:
    """The set's path from the project root when it lies inside it (never this machine's)."""
    root = EVAL_DIR.parents[1]
    resolved = path.resolve()
    if resolved.is_relative_to(root):
        return resolved.relative_to(root).as_posix()
    return path.as_posix() if not path.is_absolute() else path.name


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.cli import CliError, _settings
    from bot.kbload import knowledge_base

    path = Path(args.file) if args.file else BLIND_SET
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    if args.misses and is_blind(path):
        if not args.yes_i_will_move_them:
            print(MISSES_WARNING, file=sys.stderr)
            return 2
        print(MOVE_REMINDER, file=sys.stderr)
    settings = _settings(args, quiet=True)
    kb = knowledge_base(settings)
    try:
        items = read_items(path, kb)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    name = _display_name(path)
    run = run_eval(
        kb,
        items,
        name=name,
        baseline=args.baseline,
        max_chars=settings.chat.max_text_chars,
        progress=sys.stderr,
    )
    misses = miss_records(run.bot) if args.misses else None
    if args.json:
        data = run.to_json() | ({} if misses is None else {"misses": misses})
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_run(run))
        if misses is not None:
            print(format_misses(misses))
    return 0


def register(
    sub: argparse._SubParsersAction, add_config: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser(
        "eval", help="accuracy on the blind set (or FILE), by verdict and regulation"
    )
    add_config(p)
    p.add_argument("file", nargs="?", help="a JSON Lines set (default: tests/eval/blind)")
    p.add_argument(
        "--baseline", action="store_true", help="also score plain rapidfuzz in the same run"
    )
    p.add_argument("--json", action="store_true", help="print the aggregates as JSON")
    p.add_argument(
        "--misses",
        action="store_true",
        help=f"also print each failed item (on the blind set only with {MOVE_FLAG})",
    )
    p.add_argument(MOVE_FLAG, action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_eval)
