"""Learned examples: development questions as extra phrasings (knowledge/learned.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.base import DATA_DIR, build_knowledge_base
from knowledge.blindeval import Citations
from knowledge.learned import (
    LEARNED_FILE,
    Example,
    Labelled,
    authored_phrasings,
    learn,
    read_examples,
)
from knowledge.matcher import ANSWER_THRESHOLD, Scored

FIXTURES = Path(__file__).parent / "fixtures" / "faq"
EVAL = Path(__file__).parents[1] / "eval"
CAR = "kampanye-mobil-dinas"
# Words no authored phrasing of the fixture uses: only an example can teach them.
ASKED = "kijang kantor dibawa ke posko relawan"
EXAMPLES = (
    "boleh ga kijang kantor dibawa ke posko relawan paslon",
    "kijang kantor dipakai bolak balik ke posko relawan caleg",
)


def _write(folder: Path, *rows: dict[str, str] | str) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (folder / LEARNED_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _row(entry: str, text: str, verdict: str = "dilarang", source: str = "d0001") -> dict:
    return {"entry": entry, "text": text, "verdict": verdict, "from": source}


def test_a_learned_example_teaches_the_matcher_words_no_authored_phrasing_has(
    data_dir: Path,
) -> None:
    before = build_knowledge_base(data_dir).ask(ASKED)
    assert before.match is None  # "did you mean" at best
    _write(data_dir, *(_row(CAR, t, source=f"d000{i}") for i, t in enumerate(EXAMPLES)))
    kb = build_knowledge_base(data_dir)
    assert kb.load_defects == []
    after = kb.ask(ASKED)
    assert after.match is not None and after.match.id == CAR
    assert after.match.verdict == "dilarang"
    # the example feeds the matcher only: what the person reads is the entry's own text
    entry = kb.entry(CAR)
    assert entry is not None and after.match.question == entry.question
    assert build_knowledge_base(data_dir, learned=False).ask(ASKED).match == before.match


def test_examples_never_move_a_question_the_authored_phrasings_answer(data_dir: Path) -> None:
    question = "min kalo pns like status caleg boleh gak sih"
    assert build_knowledge_base(data_dir).ask(question).match.id == "medsos-like-caleg"
    # examples that say the same words, filed (wrongly) under the car entry
    _write(
        data_dir,
        *(
            _row(CAR, f"{question} {tail}", source=f"d00{i}")
            for i, tail in enumerate(("ya", "dong", "kak", "pak", "min", "bro"))
        ),
    )
    kb = build_knowledge_base(data_dir)
    assert kb.learned is not None and kb.load_defects == []
    assert kb.ask(question).match.id == "medsos-like-caleg"


def test_a_bad_or_stale_example_is_a_defect_and_is_not_used(data_dir: Path) -> None:
    _write(
        data_dir,
        _row(CAR, EXAMPLES[0]),
        _row("no-such-entry", "apa saja"),
        _row(CAR, EXAMPLES[1], verdict="boleh"),  # the entry says dilarang now
        "{not json",
        {"entry": CAR, "text": "x"},
        _row(CAR, EXAMPLES[0]),  # twice
    )
    kb = build_knowledge_base(data_dir)
    defects = "\n".join(kb.check())
    assert "unknown entry 'no-such-entry'" in defects
    assert "learned as boleh but kampanye-mobil-dinas says dilarang" in defects
    assert "line 4: not valid JSON" in defects
    assert "line 5: needs exactly the fields" in defects
    assert "line 6: repeats an example" in defects
    entry = kb.entry(CAR)
    assert entry is not None and entry.examples == (EXAMPLES[0],)


def test_learn_takes_only_what_the_label_allows(data_dir: Path) -> None:
    kb = build_knowledge_base(data_dir, learned=False)
    citations = Citations(kb.regulations)
    by_id = {e.id: e for e in kb.entries}
    question = "pns pake mobil dinas buat jemput jurkam, boleh?"
    assert kb.ask(question).match.id == CAR  # the fixture answers it with the car entry
    right = Labelled("d0001", question, "dilarang", ("PP 94/2021",))
    yes = Labelled("d0002", question + " kan cuma sebentar", "boleh", ("PP 94/2021",))
    other_law = Labelled("d0003", question + " malam hari", "dilarang", ("UU 10/2016",))
    authored = Labelled("d0004", by_id[CAR].alternates[0], "dilarang", ("PP 94/2021",))
    found = learn(
        [right, yes, other_law, authored],
        lambda q: {"match": {"id": kb.ask(q).match.id}, "suggestions": []},
        {e.id: e.verdict for e in kb.entries},
        {e.id: e.sources for e in kb.entries},
        citations.cites,
        authored_phrasings(kb),
        kb.normalize,
    )
    # a "boleh" label never becomes an example of a ban (nor the other way round), a
    # regulation the entry does not cite is no fit, and an authored phrasing adds nothing
    assert found == [Example(CAR, question, "dilarang", "d0001")]


def test_learn_falls_back_to_a_fitting_suggestion_when_the_answer_does_not_fit(
    data_dir: Path,
) -> None:
    kb = build_knowledge_base(data_dir, learned=False)
    item = Labelled("d0009", "lapor ke mana kalau liat asn kampanye", "info", ("UU 7/2017",))
    answer = {"match": {"id": CAR}, "suggestions": [{"id": "kampanye-lapor-kemana"}]}
    found = learn(
        [item],
        lambda q: answer,
        {e.id: e.verdict for e in kb.entries},
        {e.id: e.sources for e in kb.entries},
        Citations(kb.regulations).cites,
        {},
        kb.normalize,
    )
    assert [e.entry for e in found] == ["kampanye-lapor-kemana"]


def test_the_blind_set_is_never_learned_from(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "learned.jsonl"
    code = main(["knowledge", "learn", str(EVAL / "blind" / "blind.jsonl"), "--out", str(out)])
    assert code != 0
    assert "never learned from" in capsys.readouterr().err
    assert not out.exists()


def test_the_packaged_examples_are_development_questions_and_no_blind_one() -> None:
    verdicts: dict[str, str] = {}
    for line in (DATA_DIR / LEARNED_FILE).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        verdicts.setdefault(row["entry"], row["verdict"])
    _, defects = read_examples(DATA_DIR / LEARNED_FILE, verdicts)
    assert defects == []
    learned = [json.loads(line) for line in (DATA_DIR / LEARNED_FILE).read_text().splitlines()]
    assert len(learned) > 1000
    dev = {}
    for line in (EVAL / "dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        dev[item["id"]] = item
    for row in learned:
        item = dev.get(row["from"])
        assert item is not None and item["question"].strip() == row["text"], row["from"]
        assert item["verdict"] == row["verdict"], row["from"]
    # Read by the program only, never printed (tests/eval/README.md): a blind
    # question that became a phrasing would make the blind score a memory test.
    blind = set()
    for path in sorted((EVAL / "blind").glob("*.jsonl")):  # blind, reserve, held-out
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                blind.add(" ".join(json.loads(line)["question"].split()).casefold())
    assert len(blind) > 600
    overlap = sum(" ".join(r["text"].split()).casefold() in blind for r in learned)
    assert overlap == 0, f"{overlap} learned examples are blind questions"


def test_the_learned_matcher_is_asked_only_for_an_answer_sure_enough_to_take(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It is asked where the authored phrasings are unsure, with T1 as a floor: a
    ranking in which no entry can reach T1 is not finished (its answer could not be
    taken), and one that can still answers."""
    _write(data_dir, *(_row(CAR, t, source=f"d000{i}") for i, t in enumerate(EXAMPLES)))
    kb = build_knowledge_base(data_dir)
    learned = kb.learned
    assert learned is not None
    rank = learned.rank
    asked: list[tuple[float | None, int]] = []

    def spy(query: str, top: int, floor: float | None = None) -> list[Scored]:
        found = rank(query, top, floor)
        asked.append((floor, len(found)))
        return found

    monkeypatch.setattr(learned, "rank", spy)
    answer = kb.ask(ASKED)
    assert answer.match is not None and answer.match.id == CAR
    assert asked == [(ANSWER_THRESHOLD, 5)]
    asked.clear()
    # in scope, the authored phrasings unsure, and nothing the examples know either
    unsure = "pns boleh gak ikut senam pagi bareng tetangga"
    assert kb.ask(unsure).match is None
    assert asked == [(ANSWER_THRESHOLD, 0)]
    assert 0 < rank(kb.normalize(unsure), 5)[0].score < ANSWER_THRESHOLD
    asked.clear()
    # a question the authored phrasings answer never reaches it
    assert kb.ask("min kalo pns like status caleg boleh gak sih").match.id == "medsos-like-caleg"
    assert asked == []


def test_a_question_longer_than_the_chat_takes_is_not_learned(data_dir: Path) -> None:
    # the chat's limit comes from the caller ([chat] max_text_chars): knowledge/
    # knows nothing of the chat's settings
    kb = build_knowledge_base(data_dir, learned=False)
    question = "pns pake mobil dinas buat jemput jurkam, boleh?"
    item = Labelled("d0001", question, "dilarang", ("PP 94/2021",))

    def found(limit: int | None) -> list[Example]:
        return learn(
            [item],
            lambda q: {"match": {"id": kb.ask(q).match.id}, "suggestions": []},
            {e.id: e.verdict for e in kb.entries},
            {e.id: e.sources for e in kb.entries},
            Citations(kb.regulations).cites,
            {},
            kb.normalize,
            limit,
        )

    assert found(None) == found(len(question)) == [Example(CAR, question, "dilarang", "d0001")]
    assert found(len(question) - 1) == []
