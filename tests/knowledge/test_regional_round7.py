"""Regional forms of round 7: the Minang "-an" for "-kan" on a report verb
("malaporan", "malaporannyo"), so that an account and "baa caro malaporannyo?" is a
tip as its Indonesian twin is, and asking how to report with nobody accused stays a
question. Phrasings written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.witness import is_report_word


@pytest.mark.parametrize("word", ["malaporan", "malaporannyo", "dilaporan"])
def test_minang_report_forms_are_report_words(word: str) -> None:
    assert is_report_word(word)


@pytest.mark.parametrize(
    "text",
    [
        "Camat awak bagi-bagi baju calon bupati ka warga, ka ma ambo malaporan?",
        "Guru PNS di sakola awak mangampanyean caleg di kelas, baa caro malaporannyo ka Bawaslu?",
    ],
)
def test_minang_account_and_how_to_report_is_a_tip(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "tip", text


def test_minang_how_to_report_nobody_accused_stays_a_question(kb: KnowledgeBase) -> None:
    answer = kb.ask("baa caro malaporan ASN nan indak netral?")
    assert answer.intent == "faq"
    assert answer.match is not None and answer.match.verdict == "info"
