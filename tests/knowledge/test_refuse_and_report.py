"""Refusing an order, an invitation or a gift to take a side is allowed, and so is
asking whether one may report a breach: the act refused or reported is not the
writer's. The bans still answer a one-sided refusal by an official and a question
about joining in. Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "kepala dinas minta kami pasang spanduk paslon di rumah, saya boleh menolak?",
        "kalau timses ngasih sembako ke saya yang pns, bisa saya tolak?",
        "kadis ngajak kami semua ikut deklarasi dukungan cabup, aku boleh nolak gak?",
        "Apakah pegawai berhak menolak instruksi kepala dinas untuk menjadi relawan"
        " pasangan calon?",
        "the campaign team of a candidate offered me an envelope of cash, i'm a PNS."
        " may i refuse it and report?",
    ],
)
def test_refusing_is_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-menolak-ajakan-kampanye"), text


@pytest.mark.parametrize(
    "text",
    [
        "saya perawat pns, lihat kepala puskesmas pasang stiker caleg di ambulans."
        " saya boleh melaporkan dia ke bawaslu?",
        "Is a PPPK teacher allowed to report the principal who hands out a candidate's calendars?",
        "pppk boleh lapor kabid yang nyuruh staf dukung cagub lewat lapor.go.id?",
    ],
)
def test_asking_to_report_is_allowed(kb: KnowledgeBase, text: str) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", text


@pytest.mark.parametrize(
    "text",
    [
        "atasan nyuruh ikut kampanye, saya ikut saja, boleh?",
        "bolehkah kepala dinas menolak izin kampanye paslon A tapi kasih izin paslon B",
        "pejabat pns tolak proposal bantuan desa yang kadesnya dukung paslon lawan, boleh?",
    ],
)
def test_joining_or_a_one_sided_refusal_stays_forbidden(kb: KnowledgeBase, text: str) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "saya pns, boleh nonton pidato kampanye capres lewat siaran tv di rumah?",
        "asn nonton live streaming kampanye paslon di youtube boleh ga",
    ],
)
def test_following_a_broadcast_is_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "medsos-baca-berita"), text


def test_giving_the_speech_that_is_broadcast_stays_forbidden(kb: KnowledgeBase) -> None:
    text = "saya pns, boleh pidato di panggung kampanye yang disiarkan tv?"
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text
