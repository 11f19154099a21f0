"""Who is bound, who is punished, and what a person may do about a breach.

- A non-ASN spouse who names the civil servant first and then sets themself apart
  ("suami saya PNS tapi saya bukan", "… saya ibu rumah tangga") asks about their
  own freedom; the civil servant naming a non-ASN relative keeps his own limits.
- "Kena pidana?" about a banned act is the sanction entry's question, for the
  village official and for the candidate who involves civil servants (UU 1/2015
  Pasal 189), while "boleh melibatkan?" keeps its no.
- A civil servant may report a colleague or superior (a voter may report).
- Campaigning at a campus without the permission of the one in charge is banned
  (MK 65/PUU-XXI/2023 allows it only with permission).
- The neutrality duty at a PSU is information; supporting a candidate there is not.
- Where someone's pay comes from says who they are, not that a budget is misused.
Questions written for this file (not copied from any evaluation set), in several
registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry

SPOUSE_FREE = [
    "Istri saya PNS tapi saya bukan, boleh saya daftar caleg DPRD kabupaten?",
    "suami sy asn tapi sy bukan, boleh aku jd relawan paslon?",
    "My wife is a civil servant but I'm not. May I campaign for a legislative candidate?",
    "Suami saya PNS, saya cuma ibu rumah tangga, boleh ikut kampanye capres?",
]


@pytest.mark.parametrize("text", SPOUSE_FREE)
def test_the_non_asn_spouse_asking_about_herself_is_free(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


CIVIL_SERVANT_OWN_ACT = [
    "saya PNS, istri saya ibu rumah tangga, boleh saya ikut kampanye bareng dia?",
    "Saya guru PNS, istri saya bukan ASN, boleh saya ikut dia kampanye caleg?",
]


@pytest.mark.parametrize("text", CIVIL_SERVANT_OWN_ACT)
def test_the_civil_servant_beside_a_free_relative_gets_no_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict != "boleh", (text, answer.match)


CRIMINAL_WHETHER = [
    ("sekdes jadi tim sukses capres, bisa dipenjara ga?", "sanksi-kades"),
    ("Can a village official be jailed for joining a campaign team?", "sanksi-kades"),
    ("pns ketahuan jadi pengurus ranting partai, bisa dipecat?", "sanksi-parpol-ptdh"),
    (
        "Apakah paslon wali kota yang mengerahkan ASN untuk kampanye bisa dipidana?",
        "sanksi-pidana-tim-kampanye",
    ),
]


@pytest.mark.parametrize(("text", "entry"), CRIMINAL_WHETHER)
def test_a_penalty_asked_about_a_banned_act_gets_its_sanction_entry(
    kb: KnowledgeBase, text: str, entry: str
) -> None:
    verdict, got = verdict_and_entry(kb, text)
    assert (verdict, got) == ("info", entry), text


def test_may_a_candidate_involve_civil_servants_stays_a_ban(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(kb, "cagub boleh ngajak pns jadi panitia kampanyenya?")
    assert verdict == "dilarang", entry


REPORT = [
    "sy pppk, boleh ngadu ke bawaslu soal kabid yang ikut kampanye?",
    "As a civil servant, may I report my superior who campaigns for a candidate?",
    "guru pns boleh laporin kepsek yang nyuruh guru dukung paslon lewat sbt bkn?",
]


@pytest.mark.parametrize("text", REPORT)
def test_a_civil_servant_may_report_a_colleague(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


def test_reporting_without_the_nip_says_where_to_go(kb: KnowledgeBase) -> None:
    answer = kb.ask("warga nggak tahu NIP pegawai yang kampanye, laporannya masih bisa masuk?")
    assert answer.match is not None
    assert answer.match.verdict == "info"
    assert "SP4N-LAPOR" in answer.match.answer


CAMPUS_NO_PERMIT = [
    "caleg kampanye di kampus negeri tanpa izin rektor, boleh?",
    "partai bikin kampanye di aula SMA negeri tanpa izin kepala sekolah",
    "can a party campaign at a state school without permission from the principal?",
]


@pytest.mark.parametrize("text", CAMPUS_NO_PERMIT)
def test_campaigning_at_a_campus_without_permission_is_banned(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


def test_campaigning_at_a_campus_with_permission_keeps_its_conditions(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(
        kb, "rektor mengizinkan semua capres kampanye di kampus, boleh?"
    )
    assert verdict == "boleh_bersyarat", entry


def test_the_duty_at_a_psu_is_information_and_support_stays_banned(kb: KnowledgeBase) -> None:
    assert verdict_and_entry(kb, "kalau ada PSU, pns masih harus netral?")[0] == "info"
    assert (
        verdict_and_entry(kb, "pppk di daerah yang psu boleh ikut kampanye paslon?")[0]
        == "dilarang"
    )


def test_where_the_pay_comes_from_is_not_office_facilities(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(
        kb, "Are contract workers paid from the regional budget required to stay neutral?"
    )
    assert (verdict, entry) == ("info", "cakupan-honorer-wajib-netral")
