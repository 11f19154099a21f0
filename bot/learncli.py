"""``asnbot knowledge learn``: development questions become the matcher's examples.

Reads a labelled set (the development set by default), answers every in-scope
item with a knowledge base that has no learned examples, and writes
knowledge/faq/learned.jsonl (knowledge/learned.py says which items qualify).
Refuses the blind set: its questions must never shape the matcher.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from bot.askpath import answer_json
from bot.evalcli import BLIND_DIR, EVAL_DIR, is_blind
from knowledge.base import DATA_DIR, build_knowledge_base
from knowledge.blindeval import FAQ, Citations, read_items
from knowledge.coverage import COVERAGE_FILE
from knowledge.framemap import FRAMES_FILE
from knowledge.learned import (
    LEARNED_FILE,
    Labelled,
    authored_phrasings,
    learn,
    write_examples,
)

DEV_SET = EVAL_DIR / "dev" / "dev.jsonl"
PROGRESS_EVERY = 250


class LearnError(RuntimeError):
    """The set cannot be learned from; the message says why."""


def same_text(text: str) -> str:
    """A question as compared with the blind set: spacing and case ignored."""
    return " ".join(text.split()).casefold()


def blind_questions() -> frozenset[str]:
    """Every blind and reserve question (read by the program, never printed)."""
    found: set[str] = set()
    for path in sorted(BLIND_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.add(same_text(json.loads(line).get("question", "")))
    return frozenset(found)


def run(
    source: Path, out: Path, progress: Callable[[str], None], max_chars: int | None = None
) -> tuple[int, int, int]:
    """Learn from ``source`` into ``out``: (in-scope items read, examples, entries);
    ``max_chars``: the chat's limit on a message, longer questions not learned."""
    if is_blind(source):
        raise LearnError(f"{source}: the blind set is never learned from (tests/eval/README.md)")
    if not source.is_file():
        raise LearnError(f"{source}: no such file")
    kb = build_knowledge_base(DATA_DIR, COVERAGE_FILE, frames_file=FRAMES_FILE, learned=False)
    blind = blind_questions()
    items = [
        Labelled(i.id, i.question, i.verdict, tuple(i.cite_any))
        for i in read_items(source, kb)
        if i.kind == FAQ and i.verdict and i.cite_any
    ]
    # A development question that a blind item repeats word for word would turn
    # that blind item into a memory test; counted, never shown.
    learnable = [i for i in items if same_text(i.question) not in blind]
    if len(learnable) < len(items):
        progress(f"{len(items) - len(learnable)} questions repeat blind items: not learned")
    items = learnable
    citations = Citations(kb.regulations)
    done = 0

    def answer(question: str) -> dict:
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(f"{done}/{len(items)} questions answered")
        return answer_json(kb, question)

    examples = learn(
        items,
        answer,
        {e.id: e.verdict for e in kb.entries},
        {e.id: e.sources for e in kb.entries},
        lambda sources, wanted: citations.cites(sources, wanted),
        authored_phrasings(kb),
        kb.normalize,
        max_chars,
    )
    write_examples(out, examples)
    return len(items), len(examples), len({e.entry for e in examples})


def cmd_knowledge_learn(args: argparse.Namespace) -> int:
    from bot.cli import CliError, _settings

    source, out = Path(args.file), Path(args.out)
    limit = _settings(args).chat.max_text_chars
    try:
        read, written, entries = run(source, out, lambda line: print(line, file=sys.stderr), limit)
    except LearnError as exc:
        raise CliError(str(exc)) from exc
    print(f"{written} examples for {entries} entries from {read} in-scope questions -> {out}")
    return 0


def add_parser(ksub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    q = ksub.add_parser(
        "learn", help="write the matcher's learned examples from a labelled (non-blind) set"
    )
    q.add_argument("file", nargs="?", default=str(DEV_SET), help="labelled set (default: dev)")
    q.add_argument("--out", default=str(DATA_DIR / LEARNED_FILE), help="examples file to write")
    q.set_defaults(func=cmd_knowledge_learn)
    return q
