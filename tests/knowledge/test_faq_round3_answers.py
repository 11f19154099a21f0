"""FAQ answers mended in round 3 (2026-12-06 evening), each a class, not an item:
a retiree who may campaign, the campaign words that keep a question ours ("jurkam",
"KASN"), TNI/Polri in a Pilkada campaign, what CLTN is, a village official's speech at
a rally, and a phrase whose last word carries a possessive ("tim suksesnya").
Phrasings are new, written for these tests in other words and registers, not taken
from any evaluation item."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.normalize import Normalizer

_norm = Normalizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("saya jadi tim suksesnya", "timses"),
        ("ikut tim kampanyenya pas libur", "timses"),
        ("masuk tim pemenangannyo", "timses"),
    ],
)
def test_a_phrase_with_a_possessive_on_its_last_word_is_the_phrase(
    text: str, expected: str
) -> None:
    assert expected in _norm.words(text)


def _verdict(kb: KnowledgeBase, question: str) -> tuple[str | None, str | None]:
    answer = kb.ask(question)
    return (
        None if answer.match is None else answer.match.id,
        None if answer.match is None else answer.match.verdict,
    )


@pytest.mark.parametrize(
    "question",
    [
        "saya guru PNS, adik ipar nyaleg, boleh gak saya masuk tim kampanyenya pas hari libur?",
        "pns boleh ikut jadi tim suksesnya paman yg nyalon dprd?",
    ],
)
def test_joining_a_relatives_campaign_team_is_forbidden(kb: KnowledgeBase, question: str) -> None:
    assert _verdict(kb, question)[1] == "dilarang"


@pytest.mark.parametrize(
    "question",
    [
        "om aku purnabakti pns, mau jd jurkam cagub, aman kan?",
        "mantan PNS boleh jadi jurkam?",
        "My father is a retired civil servant. Can he be a campaign speaker for a regent?",
    ],
)
def test_a_retiree_may_campaign_and_be_a_party_witness(kb: KnowledgeBase, question: str) -> None:
    assert _verdict(kb, question) == ("cakupan-pensiunan", "boleh")


@pytest.mark.parametrize(
    "question",
    [
        "bapak saya PNS, mau jadi saksi partai di TPS, boleh?",
        "sy pns pensiun bulan depan, blh jd saksi partai di tps?",
        "saya PPPK, lagi cuti tahunan, boleh jadi jurkam caleg?",
    ],
)
def test_a_serving_civil_servant_stays_bound(kb: KnowledgeBase, question: str) -> None:
    assert _verdict(kb, question)[1] == "dilarang"


def test_the_former_commission_is_a_question_of_ours(kb: KnowledgeBase) -> None:
    assert _verdict(kb, "KASN itu masih ada gak sih? dulu tugasnya apa") == (
        "prinsip-pengawas",
        "info",
    )


def test_asking_whether_one_may_use_the_car_keeps_the_ban(kb: KnowledgeBase) -> None:
    assert _verdict(kb, "boleh gak pns pakai mobil dinas ke kampanye?")[1] == "dilarang"


@pytest.mark.parametrize(
    "question",
    [
        "Saya anggota TNI aktif, om saya maju pilkada walikota, bolehkah saya bantu kampanyenya?",
        "polisi boleh ikut kampanye cabup gak sih?",
    ],
)
def test_tni_polri_in_a_pilkada_campaign_cite_the_pilkada_law(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"
    assert "UU 10/2016 Pasal 70 ayat (1) huruf b" in answer.match.sources


@pytest.mark.parametrize(
    "question",
    [
        "cltn tuh singkatan dari apa ya?",
        "Could you explain what CLTN leave is?",
        "Punapa CLTN niku?",
    ],
)
def test_what_cltn_is(kb: KnowledgeBase, question: str) -> None:
    assert _verdict(kb, question) == ("prinsip-cltn", "info")


@pytest.mark.parametrize(
    "question",
    [
        "pak kades mau orasi di panggung kampanye caleg, boleh gak?",
        "Is a village secretary allowed to speak on stage at a legislative candidate's rally?",
    ],
)
def test_a_village_officials_speech_at_a_rally_is_no_venue_question(
    kb: KnowledgeBase, question: str
) -> None:
    assert _verdict(kb, question)[1] == "dilarang"
