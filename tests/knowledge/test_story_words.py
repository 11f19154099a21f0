"""A long message that tells a story about a neutrality matter may mention pay, rank or
an office pastime on the way ("gak dapet gaji dari tim", "bendahara arisan"): those
words are part of the story, not the subject asked, and no longer turn the question
into "I don't know". A short question about them is still not ours. Staying at work
through a race ("tetap aktif bekerja sampai terpilih") is running without resigning.
Questions written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry

STORIES = [
    "Saya PNS di kecamatan dan jadi bendahara arisan ibu-ibu kantor. Ketua arisan minta uang "
    "kas arisan dipakai buat beli spanduk caleg yang dia dukung, dan saya disuruh mengumpulkan "
    "iurannya dari teman-teman. Boleh saya ikut mengurusnya?",
    "aku pns di dinas, ditawari jadi koordinator relawan capres tingkat kecamatan sama temen, "
    "katanya kerjanya cuma ngumpulin massa pas kampanye dan gak dapet gaji dari tim, boleh gak?",
]


@pytest.mark.parametrize("text", STORIES)
def test_a_pay_word_inside_a_story_leaves_the_rule_answered(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


@pytest.mark.parametrize("text", ["arisan kantor boleh pake uang kas?", "gaji pns berapa?"])
def test_a_short_question_about_them_is_still_not_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None, text


def test_working_on_until_elected_is_no_resign_to_run_yes(kb: KnowledgeBase) -> None:
    text = (
        "Saya PNS mau daftar bacaleg DPRD lewat partai, boleh tetap aktif bekerja sampai terpilih?"
    )
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


def test_telling_everyone_whom_to_vote_is_urging(kb: KnowledgeBase) -> None:
    text = (
        "Di grup WA guru sekecamatan, pengawas sekolah yang PNS kirim pesan suruh semua pilih "
        "paslon 1 biar tunjangan lancar. Saya guru PPPK di grup itu, apakah pengawas itu "
        "melanggar aturan?"
    )
    assert verdict_and_entry(kb, text)[0] == "dilarang", text
