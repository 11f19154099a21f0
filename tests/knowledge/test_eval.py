"""Accuracy floor of the real knowledge base on the labelled question set."""

from pathlib import Path

import pytest

from knowledge import EvalReport, evaluate, load_knowledge_base

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl"
FIXTURES = Path(__file__).parent / "fixtures"

# The floors: top-1 >= 92%, out of scope answered honestly >= 90%,
# tip intents routed >= 95%. History of the top-1 figure (all 709 questions):
# 89.2% (141 entries), 90.8% with the softmax feature, 90.4% after a second
# round of phrasings and T1 0.49, 92.3% (540/585) after a third round
# (+1,443 phrasings aimed at confusable neighbours) and T1 0.51, tuned on the
# even lines only: even 92.8%, held-out odd 91.8%. Answered wrong 25/585,
# honest unknown 95.6%, tips 100%. After the second legal review (146 entries,
# split cakupan-* entries relabelled): 92.1% (539/585), even 92.2%, odd 92.1%.
TOP1_FLOOR = 0.92
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
