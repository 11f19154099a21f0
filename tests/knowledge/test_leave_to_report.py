"""Whether one may report is a question, answered yes (every voter may report, ASN
included: UU 7/2017 Pasal 454 ayat (3), UU 1/2015 Pasal 134 ayat (2)), whoever is
named as the one reported: "guru boleh lapor kepsek yang kampanye?", and the leave asked
after it ("mau lapor kadis yang kampanye, boleh gak?"). An account of what someone in
particular did, then "boleh saya lapor ini?", stays a tip. Phrasings written for this
file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        # the kind of person who would report, before the leave word
        "bidan pppk boleh melaporkan kepala puskesmas yang ikut kampanye?",
        "Sebagai staf, bolehkah saya melaporkan sekretaris dinas yang berkampanye?"
        " Saya khawatir dimutasi.",
        "I'm a teacher, may I report the principal who campaigns? afraid it hurts my promotion",
        # the leave asked after the one reported
        "perawat mau ngadu kapus yang ikut kampanye, boleh ga",
        "kalo aku lapor camat yang kampanye boleh kah?",
        "ulun mau malapor pambakal nang bakampanye, kawa kah?",
    ],
)
def test_asking_leave_to_report_is_answered_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.intent == "faq", text
    assert answer.match is not None and answer.match.verdict == "boleh", text


@pytest.mark.parametrize(
    "text",
    [
        "kades saya kemarin bagi amplop ke warga, boleh saya lapor?",
        "camat kami pasang baliho cabup di kantor, ini boleh dilaporkan gak?",
        "I saw our school principal hand out a candidate's calendars yesterday, can I report this?",
    ],
)
def test_an_account_then_leave_to_report_stays_a_tip(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "tip", text


def test_leave_to_report_after_the_deadline_keeps_the_deadline_answer(
    kb: KnowledgeBase,
) -> None:
    # A reporting entry the words pick keeps answering: the 7-day deadline is no yes.
    assert verdict_and_entry(kb, "boleh lapor kalau sudah lewat 7 hari?")[1] == "lapor-tenggat"
