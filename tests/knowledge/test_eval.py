"""Accuracy floor of the real knowledge base on the labelled question set."""

from pathlib import Path

import pytest

from knowledge import EvalReport, evaluate, load_knowledge_base

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl"
FIXTURES = Path(__file__).parent / "fixtures"

# The issue asks for top-1 >= 92%. Measured on 2026-11-25 (141 entries,
# 709 questions): top-1 89.2%, top-3 96.8%, honest unknown 94.1%, tips 100%.
# The floors sit just under the measured figures so any regression fails;
# raise TOP1_FLOOR towards 0.92 as the data and matcher improve.
# With the softmax feature (137 entries): top-1 90.8%, top-3 97.6%,
# honest unknown 92.6%, tips 100%. With the softmax vote in the answer
# decision (LR_CLEAR_*): top-1 90.9% (532/585), answered wrong 37/585
# (unchanged), honest unknown 92.6%, tips 100%. After a second round of
# phrasings, T1 0.49 and stemmer fixes: top-1 90.4% (529/585), answered
# wrong 34, honest unknown 94.1%, tips 100%.
TOP1_FLOOR = 0.90
UNKNOWN_FLOOR = 0.90
TIP_FLOOR = 0.95


@pytest.fixture(scope="module")
def report() -> EvalReport:
    # The floors must never pass by skipping: the question set is part of the repo.
    assert QUESTIONS.is_file(), f"{QUESTIONS.name} is missing"
    return evaluate(load_knowledge_base(), QUESTIONS)


def test_no_label_points_at_a_missing_entry(report: EvalReport) -> None:
    assert report.bad_labels == []


def test_top1_floor(report: EvalReport) -> None:
    assert report.top1_accuracy >= TOP1_FLOOR, report.format()


def test_out_of_scope_answered_honestly(report: EvalReport) -> None:
    assert report.unknown_recall >= UNKNOWN_FLOOR, report.format()


def test_tips_routed(report: EvalReport) -> None:
    assert report.intent_accuracy("tip") >= TIP_FLOOR, report.format()


def test_report_on_fixture(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"question": "min pns boleh ngelike postingan caleg?", "expected": "medsos-like-caleg"}\n'
        '{"question": "resep rendang", "expected": "@unknown"}\n'
        '{"question": "saya mau lapor kades kampanye", "expected": "@tip"}\n'
        '{"question": "makasih", "expected": "@greeting"}\n'
        '{"question": "pns boleh kampanye?", "expected": "tidak-ada"}\n',
        encoding="utf-8",
    )
    report = evaluate(load_knowledge_base(FIXTURES / "faq"), questions)
    assert report.total == 5 and report.faq_total == 1
    assert report.top1_accuracy == 1.0
    assert report.unknown_recall == 1.0
    assert report.intent_accuracy("tip") == 1.0
    assert report.intent_accuracy("greeting") == 1.0
    assert len(report.bad_labels) == 1
    text = report.format()
    assert "top-1 accuracy: 100.0%" in text
    assert report.to_json()["top1_accuracy"] == 1.0
