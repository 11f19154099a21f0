"""Benchmark of the knowledge matcher (run by hand: python bench/matcher.py).

Prints the cold start of ``asnbot ask --json halo`` (a fresh process: first
with an empty knowledge cache, then reading it), index build time,
per-question latency (median, p99) and peak memory for the real knowledge
base and for 10x and 50x synthetic copies of it, next to plain
rapidfuzz.process.extractOne over the raw canonical questions.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import KnowledgeBase, load_knowledge_base  # noqa: E402
from knowledge.entries import Entry  # noqa: E402
from knowledge.evaluate import read_questions  # noqa: E402

QUESTIONS = ROOT / "tests" / "eval" / "questions.jsonl"


def perturb(text: str, rng: random.Random) -> str:
    """Shuffle words, drop a word, or swap two letters."""
    words = text.split()
    choice = rng.randrange(3)
    if choice == 0 and len(words) > 2:
        rng.shuffle(words)
    elif choice == 1 and len(words) > 3:
        del words[rng.randrange(len(words))]
    else:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def scaled_entries(entries: tuple[Entry, ...], factor: int, seed: int = 7) -> tuple[Entry, ...]:
    rng = random.Random(seed)
    out = list(entries)
    for copy in range(1, factor):
        for e in entries:
            out.append(
                dataclasses.replace(
                    e,
                    id=f"{e.id}-x{copy}",
                    question=perturb(e.question, rng),
                    alternates=tuple(perturb(a, rng) for a in e.alternates),
                )
            )
    return tuple(out)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def bench(base: KnowledgeBase, factor: int, queries: list[str]) -> None:
    entries = scaled_entries(base.entries, factor)
    # Build time and latency without tracemalloc (it slows Python down a lot);
    # memory in a second build with it.
    t0 = time.perf_counter()
    kb = KnowledgeBase(entries=entries, regulations=base.regulations)
    build_ms = (time.perf_counter() - t0) * 1000
    for q in queries[:20]:  # warm the stemmer cache like a running bot
        kb.ask(q)
    lat = []
    for q in queries:
        t = time.perf_counter()
        kb.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
    del kb
    tracemalloc.start()
    kb = KnowledgeBase(entries=entries, regulations=base.regulations)
    for q in queries[:50]:
        kb.ask(q)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    raw = [e.question for e in entries]
    raw_lat = []
    for q in queries:
        t = time.perf_counter()
        process.extractOne(q, raw, scorer=fuzz.WRatio, processor=utils.default_process)
        raw_lat.append((time.perf_counter() - t) * 1000)
    print(
        f"{factor:>3}x  entries {len(entries):>5}  phrasings {len(kb.matcher.choices):>6}  "
        f"build {build_ms:8.1f} ms  peak {peak / 2**20:6.1f} MiB  "
        f"ask median {statistics.median(lat):6.2f} ms  p99 {percentile(lat, 99):6.2f} ms  |  "
        f"extractOne median {statistics.median(raw_lat):6.2f} ms  "
        f"p99 {percentile(raw_lat, 99):6.2f} ms"
    )


def baseline_accuracy(kb: KnowledgeBase, items: list[tuple[str, str]]) -> None:
    raw = [e.question for e in kb.entries]
    faq = [(q, exp) for q, exp in items if not exp.startswith("@") and kb.entry(exp)]
    if not faq:
        return
    ours = sum(1 for q, exp in faq if (a := kb.ask(q)).match is not None and a.match.id == exp)
    line = f"top-1 on {len(faq)} in-scope questions: asnbot {ours / len(faq):.1%}"
    for name, scorer in (("WRatio", fuzz.WRatio), ("token_sort_ratio", fuzz.token_sort_ratio)):
        hits = 0
        for q, exp in faq:
            best = process.extractOne(q, raw, scorer=scorer, processor=utils.default_process)
            hits += int(best is not None and kb.entries[best[2]].id == exp)
        line += f", extractOne({name}) over canonical questions {hits / len(faq):.1%}"
    print(line)


def cold_start(runs: int = 3) -> None:
    """Wall seconds from process start to the answer, as a person's first ask pays it."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ASNBOT_KNOWLEDGE_CACHE_DIR": tmp, "ASNBOT_LOGGING_LEVEL": "WARNING"}
        argv = [sys.executable, "-m", "bot", "ask", "--json", "halo"]

        def once() -> float:
            t = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
            return time.perf_counter() - t

        empty = once()
        hits = [once() for _ in range(runs)]
    print(
        f"cold ask (new process): empty cache {empty:.2f} s, "
        f"cache read median {statistics.median(hits):.2f} s "
        f"({', '.join(f'{h:.2f}' for h in hits)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factors", default="1,10,50")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start runs")
    args = parser.parse_args()
    if not args.no_cold:
        cold_start()
    t0 = time.perf_counter()
    base = load_knowledge_base()
    ms = (time.perf_counter() - t0) * 1000
    print(f"load in-process without cache (first, incl. lexicon and stemmer): {ms:.0f} ms")
    items = read_questions(QUESTIONS) if QUESTIONS.exists() else []
    queries = [q for q, _ in items] or [a for e in base.entries for a in e.alternates]
    print(f"{len(base.entries)} entries, {len(queries)} queries")
    for factor in (int(f) for f in args.factors.split(",")):
        bench(base, factor, queries)
    baseline_accuracy(base, items)


if __name__ == "__main__":
    main()
