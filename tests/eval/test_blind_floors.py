"""Floors on the blind set, and ``asnbot eval`` end to end.

The blind set is read only by the scorer; these tests print aggregates only
(tests/eval/README.md): a failing floor names the figure, never an item.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.evalcli import BLIND_SET, MOVE_FLAG, run_eval
from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.blindeval import Baseline, read_items
from tests.conftest import REPO, cli_env

FIXTURE = Path(__file__).parent / "fixtures" / "mixed.jsonl"

# The targets: fully correct (verdict and a required regulation) >= 90%,
# out of scope answered honestly >= 90%, tip intents routed >= 95%, and no
# question whose right verdict is dilarang answered boleh. These floors are
# ratchets at the level measured when the set arrived, less about 3 points
# (blind.jsonl, 356 items: fully correct 62.0%, out of scope 75.9%, tips 44.7%,
# greetings 54.5%, dilarang answered boleh 1), raised after the routing work
# (out of scope 88.9%, tips 60.5%, greetings 68.2%), after the frame layer
# (fully correct 66.5%) and the knowledge round on the dev misses (66.1% alone),
# and after both together (71.1%), after the regional and chat lexicon
# (fully correct 73.1%, regional 45% -> 70%), after the out-of-scope topics
# (scope.toml) and frames.toml [never] (alone: fully correct 72.7%, out of scope
# 96.3%, dilarang answered boleh 0), and after the tip detection was generalised
# beyond the dev wording (alone: tips 86.8%); all three together: fully correct
# 75.2%, out of scope 96.3%, tips 86.8%, greetings 72.7%, dilarang answered boleh
# 0 (the target, held from now on); after the chat-register tip round
# (tips 89.5%) and the info-question round (fully correct 75.6%); after the
# info entries on sanctions, duties and documents (fully correct 78.1%), the
# register round (English, regional, formal words and courtesies) and the routing
# round (out of scope 98.1%, tips 92.1%, greetings 86.4%; each routing floor one
# item below its measure); after the second round of the night (acts, who/status,
# routing: fully correct 80.6%, tips 94.7%, greetings 90.9%); after the rounds of
# 2026-12-06 (who is asked about, acts and kinds of question, regional words, routing:
# fully correct 82.6%, greetings 95.5%); after the afternoon rounds of 2026-12-06 (regional
# company, routing, wrong verdicts, unanswered questions, the held-out batch's misses:
# fully correct 83.5%, out of scope 100%); after the evening rounds of 2026-12-06
# (running for office, acts of office, routing and information, regional words, allowed
# acts, rights and free actors, tips: fully correct 83.9%); after the learned examples
# (fully correct 84.7%); after the night round of 2026-12-06 (allowed acts, typed-in-haste
# words, information and tips: fully correct 87.2%, floor one item below); after the
# morning round of 2026-12-07 (routing, allowed acts: fully correct 87.6%, tips 97.4%, the
# issue's tip target 95% now a floor). Raise them as
# accuracy improves; never lower them to let a change through.
FULLY_CORRECT_FLOOR = 0.87
OUT_OF_SCOPE_FLOOR = 0.98
TIP_FLOOR = 0.95
GREETING_FLOOR = 0.90
DILARANG_AS_BOLEH_MAX = 0


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def blind(kb: KnowledgeBase) -> dict[str, Any]:
    # The floors must never pass by skipping: the blind set is part of the repo.
    assert BLIND_SET.is_file(), f"{BLIND_SET.name} is missing"
    overall = run_eval(kb, read_items(BLIND_SET, kb)).to_json()["asnbot"]["overall"]
    return overall


def _rate(kind: dict[str, int]) -> float:
    return kind["ok"] / kind["n"]


def test_blind_fully_correct_floor(blind: dict[str, Any]) -> None:
    assert blind["faq"]["n"] >= 200
    assert _rate(blind["faq"]) >= FULLY_CORRECT_FLOOR, blind["faq"]


def test_blind_out_of_scope_answered_honestly(blind: dict[str, Any]) -> None:
    assert _rate(blind["out_of_scope"]) >= OUT_OF_SCOPE_FLOOR, blind["out_of_scope"]


def test_blind_tips_routed(blind: dict[str, Any]) -> None:
    assert _rate(blind["tip"]) >= TIP_FLOOR, blind["tip"]


def test_blind_greetings_routed(blind: dict[str, Any]) -> None:
    assert _rate(blind["greeting"]) >= GREETING_FLOOR, blind["greeting"]


def test_blind_dilarang_never_more_often_answered_boleh(blind: dict[str, Any]) -> None:
    assert blind["faq"]["dilarang_as_boleh"] <= DILARANG_AS_BOLEH_MAX, blind["faq"]


def test_entry_labelled_sets_are_scored_by_entry_too(kb: KnowledgeBase, tmp_path: Path) -> None:
    entry = kb.entries[0]
    lines = [
        {"question": entry.question, "expected": entry.id},
        {"question": "resep rendang padang gimana", "expected": "@unknown"},
        {"question": "halo", "expected": "@greeting"},
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    got = run_eval(kb, read_items(path, kb)).to_json()["asnbot"]["overall"]
    # The canonical question finds its own entry, whose verdict and sources are the labels.
    assert (got["faq"]["top1_entry"], got["faq"]["fully_correct"]) == (1, 1)
    assert got["out_of_scope"] == {"n": 1, "ok": 1}
    assert got["greeting"] == {"n": 1, "ok": 1}


def test_baseline_answers_with_the_entry_of_the_nearest_phrasing(kb: KnowledgeBase) -> None:
    fuzzy = Baseline(kb)
    entry = kb.entries[5]
    got = fuzzy.answer(entry.alternates[0].upper() + "?")
    assert got["match"]["score"] == 1.0  # exact once case and punctuation are set aside
    assert got["match"]["verdict"] == kb.entry(got["match"]["id"]).verdict  # type: ignore[union-attr]
    # Never an honest "I don't know": the baseline has no threshold.
    assert fuzzy.answer("resep rendang padang")["match"] is not None


# --- the command, as a subprocess -------------------------------------------------


def _eval(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), "eval", *args],
        capture_output=True,
        text=True,
        env=cli_env(tmp_path),
        timeout=120,
        cwd=REPO,
    )


def test_eval_prints_aggregates_and_never_the_questions(tmp_path: Path) -> None:
    questions = [json.loads(line)["question"] for line in FIXTURE.read_text().splitlines()]
    text = _eval("--baseline", str(FIXTURE), tmp_path=tmp_path)
    as_json = _eval("--json", "--baseline", str(FIXTURE), tmp_path=tmp_path)
    assert text.returncode == 0 and as_json.returncode == 0, text.stderr + as_json.stderr
    assert "faq: fully correct (verdict + law)" in text.stdout and "baseline" in text.stdout
    assert "questions/s" in text.stdout
    data = json.loads(as_json.stdout)
    assert data["kinds"] == {"faq": 2, "out_of_scope": 1, "tip": 1, "greeting": 1}
    assert data["asnbot"]["overall"]["faq"]["n"] == 2
    assert data["baseline"]["overall"]["out_of_scope"] == {"n": 1, "ok": 0}
    for out in (text.stdout + text.stderr, as_json.stdout + as_json.stderr):
        assert not [q for q in questions if q in out]
    # No database is made: an evaluation stores nothing.
    assert not (tmp_path / "bot.db").exists()


def test_eval_misses_shows_each_failure_of_a_dev_file(tmp_path: Path) -> None:
    text = _eval("--misses", str(FIXTURE), tmp_path=tmp_path)
    as_json = _eval("--misses", "--json", str(FIXTURE), tmp_path=tmp_path)
    assert text.returncode == 0 and as_json.returncode == 0, text.stderr + as_json.stderr
    data = json.loads(as_json.stdout)
    failed = sum(k["n"] - k["ok"] for k in data["asnbot"]["overall"].values())
    assert len(data["misses"]) == failed
    for miss in data["misses"]:
        assert f"[{miss['id']}] {miss['kind']}/{miss['register']}: {miss['question']!r}" in (
            text.stdout
        )


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('{"question": "x", "kind": "faq", "verdict": "boleh"}\n', "line 1: a faq item needs"),
        ('{"question": "x", "kind": "faq"\n', "line 1: Expecting"),
        ('\n{"question": "x", "kind": "rumour"}\n', "line 2: unknown kind 'rumour'"),
        ('{"question": "x", "expected": "no-such-entry"}\n', "line 1: no entry 'no-such-entry'"),
        ('{"kind": "tip"}\n', "line 1: no 'question' field"),
    ],
)
def test_a_malformed_set_is_refused_naming_the_line(
    kb: KnowledgeBase, tmp_path: Path, content: str, error: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        read_items(path, kb)


def test_eval_on_a_bad_file_says_so_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"question": "x"}\n', encoding="utf-8")
    proc = _eval(str(path), tmp_path=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "asnbot: bad.jsonl line 1: no 'kind' field (nor an entry label in 'expected')"
    ]
    missing = _eval(str(tmp_path / "nope.jsonl"), tmp_path=tmp_path)
    assert missing.returncode == 2 and "nope.jsonl: no such file" in missing.stderr


def test_eval_misses_on_the_blind_set_refuses_without_the_explicit_flag(
    tmp_path: Path,
) -> None:
    held_out = BLIND_SET.with_name("held12.jsonl")  # kept under the same rules
    for args in (
        ["--misses"],
        ["--misses", str(BLIND_SET)],
        ["--misses", "--json"],
        ["--misses", str(held_out)],
    ):
        proc = _eval(*args, tmp_path=tmp_path)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert MOVE_FLAG in proc.stderr and "tests/eval/dev/dev.jsonl" in proc.stderr
