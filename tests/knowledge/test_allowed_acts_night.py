"""Allowed acts that were told something else: "may I vote on election day?" got the
election-day conduct notes (information) instead of the yes every ASN keeps; going to
a rally with the attributes left at home got the attribute ban; a civil servant
joining the spouse's own campaign got the free yes of a spouse outside the service.
Phrasings written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "pppk boleh nyoblos pas hari h?",
        "guru pns hari h pemilu boleh nyoblos kan?",
        "hari h pilkada cpns boleh nyoblos?",
        "On voting day may a PPPK nurse cast her ballot like anyone else?",
    ],
)
def test_voting_on_election_day_is_the_vote_kept(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-memilih")


@pytest.mark.parametrize(
    "text",
    [
        "hari h nyoblos, asn nggak boleh ngapain aja di tps?",
        "apa saja yang harus dihindari pns saat hari pencoblosan",
    ],
)
def test_what_to_mind_that_day_stays_information(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("info", "kalender-hari-pemungutan")


@pytest.mark.parametrize(
    "text",
    [
        "guru pns dateng kampanye akbar cuma dengerin, ga pake kaos partai, boleh?",
        "Is it fine for a civil servant to attend a campaign rally without wearing any attributes?",
        "pns dateng kampanye tanpa memakai atribut partai, boleh?",
        "pppk ikut nonton kampanye, ga pake kaos partai, boleh?",
    ],
)
def test_attending_without_attributes_is_passive_attendance(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "boleh-hadir-kampanye-pasif")


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh ke kampanye pake kaos partai?",
        "asn datang ke rapat umum capres pakai atribut partai boleh?",
    ],
)
def test_attending_with_attributes_stays_banned(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh ikut kampanye istrinya yang jadi calon bupati?",
        "guru PNS boleh bantu kampanye suaminya yang nyaleg?",
        "asn kawa umpat kampanye bininya nang jadi calon walikota?",
    ],
)
def test_a_civil_servant_at_the_spouses_own_campaign_needs_cltn(
    kb: KnowledgeBase, text: str
) -> None:
    # Not the free yes of a spouse outside the service (cakupan-pasangan-asn): the
    # civil servant may go along only on unpaid leave, and without campaigning.
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict in {"boleh_bersyarat", "dilarang"}, (text, entry)
    assert entry != "cakupan-pasangan-asn", text


def test_a_pppk_at_the_spouses_campaign_has_no_cltn(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(kb, "pppk boleh ikut kampanye suaminya yang nyaleg?")
    assert verdict == "dilarang", entry


@pytest.mark.parametrize(
    "text",
    [
        "istri saya honorer di dinas, bukan asn. dia boleh jadi timses?",
        "suami saya bukan ASN, dia tenaga honorer. suami saya boleh pasang baliho caleg?",
        "kakak saya guru honorer, dia boleh jadi relawan capres?",
        # the family's campaign entry too (2026-12-07)
        "suami saya bukan ASN, dia tenaga honorer di kecamatan, boleh ikut kampanye?",
        "istriku guru honorer, boleh ikut kampanye caleg bareng aku?",
    ],
)
def test_a_relative_who_is_temporary_staff_gets_no_free_yes(kb: KnowledgeBase, text: str) -> None:
    # Honorer are bound by SE MenPANRB 1/2023 whoever in the family they are: never
    # the yes of a spouse outside the service or of a former honorer.
    # ("I don't know" is an honest answer here too)
    match = kb.ask(text).match
    assert match is None or match.verdict not in {"boleh", "boleh_bersyarat"}, (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh ikut kampanye asal tanpa atribut?",
        "asn ikut kampanye tanpa atribut, boleh gak",
        "Kalau PNS ikut aksi demo dukung paslon tapi ga pakai atribut, kena?",
    ],
)
def test_taking_part_without_attributes_stays_banned(kb: KnowledgeBase, text: str) -> None:
    # Plain clothes make passive attendance tolerable, not taking part (PP 94/2021
    # Pasal 5 huruf n angka 1); the campaign-venue yes is the contestants'.
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)
