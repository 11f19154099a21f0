"""Allowed and conditional acts of round 5 (issue #13), each a class: an order refused,
one's vote kept secret when asked, a call to vote that points to no one, a relative's
campaign attended passively, a spouse "who became a candidate", a government building
as a Pemilu campaign venue (Putusan MK 65/PUU-XXI/2023), and a relative in uniform who
runs. Beside each, the neighbours that must keep their "no". Questions written for this
file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Kasi di kantor nyuruh saya nyebarin brosur paslon ke tetangga, boleh saya menolak?",
        "my head of office wants me to hand out a candidate's calendars to residents,"
        " can I say no?",
        "Kabid minta kami ngajak keluarga milih caleg partai X, boleh saya enggak ikut?",
    ],
)
def test_an_order_refused_is_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-menolak-ajakan-kampanye"), text


@pytest.mark.parametrize(
    "text",
    [
        "Boleh tidak saya menolak menjawab kalau kepala sekolah menanyakan calon pilihan saya?",
        "My colleague keeps asking who I'm voting for. Can I refuse to answer as a PNS?",
        "atasan nanya aku nyoblos siapa, boleh aku gak jawab?",
    ],
)
def test_keeping_ones_vote_secret_when_asked_is_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-rahasiakan-pilihan"), text


@pytest.mark.parametrize(
    "text",
    [
        "apa arti prinsip jangan tanya jangan kasih tau bagi asn?",
        "don't ask don't tell buat pns itu maksudnya apa ya?",
    ],
)
def test_the_principle_asked_stays_explained(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("info", "prinsip-dont-ask-dont-tell"), text


@pytest.mark.parametrize(
    "text",
    [
        "Saya PNS pengurus masjid, boleh mengajak jamaah datang ke TPS tanpa menyebut calon?",
        "Can a civil servant urge residents to vote, without naming any candidate?",
        "lurah ngajak warga jgn golput, gak nyebut calon, blh?",
    ],
)
def test_a_call_to_vote_naming_no_one_is_allowed(kb: KnowledgeBase, text: str) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", text


@pytest.mark.parametrize(
    "text",
    [
        "pns ngajak warga milih paslon nomor 1 di pengajian, boleh?",
        "atasan nyuruh ajak warga pilih calon X, saya ikut saja, boleh?",
    ],
)
def test_a_call_for_a_candidate_stays_forbidden(kb: KnowledgeBase, text: str) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "Om saya nyaleg DPR RI, saya perawat PNS, boleh datang ke kampanyenya?",
        "My aunt is running for bupati. I'm a PPPK teacher. May I attend her campaign rally?",
        "mertua nyalon walkot, sy asn blh hadir di kampanye akbarnya?",
    ],
)
def test_a_relatives_campaign_attended_passively(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == (
        "boleh_bersyarat",
        "boleh-hadir-kampanye-keluarga",
    ), text


@pytest.mark.parametrize(
    "text",
    [
        "Om saya nyaleg, saya PNS, boleh ikut kampanye buat dia?",
        "ibu saya nyaleg, saya pppk, boleh datang ke kampanye dan teriak yel-yel?",
        "My uncle is a candidate for the DPRD and I'm a civil servant. Can I help his"
        " campaign team?",
        "paman saya calon bupati, saya polisi, boleh hadir kampanye dia?",
    ],
)
def test_taking_part_in_a_relatives_campaign_stays_forbidden(kb: KnowledgeBase, text: str) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "Suami saya jadi calon anggota DPRD, saya guru PNS, boleh hadir di kampanyenya?",
        "istri saya menjadi calon wali kota, saya PNS, boleh foto bersama dia?",
    ],
)
def test_a_spouse_who_became_a_candidate(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "boleh-pasangan-cltn"), text


def test_sharing_a_spouses_campaign_stays_forbidden(kb: KnowledgeBase) -> None:
    text = "istri saya jadi calon bupati, saya pns, boleh share poster kampanyenya di fb?"
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "gedung sekolah boleh dipakai untuk kampanye capres?",
        "can a caleg use the sub-district hall for a campaign event?",
    ],
)
def test_a_public_building_as_a_pemilu_campaign_venue(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == (
        "boleh_bersyarat",
        "pemilu-kampanye-kampus-fasilitas",
    ), text


@pytest.mark.parametrize(
    "text",
    [
        "saya kepala sekolah pns, boleh pinjamkan aula ke caleg X buat kampanye?",
        "aula dinas boleh dipakai kampanye cabup pas pilkada?",
        "balai kota boleh jadi tempat kampanye calon wali kota?",
    ],
)
def test_lending_to_one_side_or_a_pilkada_venue_stays_forbidden(
    kb: KnowledgeBase, text: str
) -> None:
    verdict, _entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "My brother-in-law is an army sergeant. He is thinking of standing for regent."
        " Is it possible while still serving?",
        "sepupu saya polisi aktif mau nyalon walikota, bisa?",
    ],
)
def test_a_relative_in_uniform_who_runs(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "cakupan-tni-polri-calon"), text


@pytest.mark.parametrize(
    "text",
    [
        "Apakah prajurit TNI yang masih aktif boleh mencoblos di pilkada?",
        "can a police officer vote in the regional election?",
        "Bapak saya polisi aktif, apakah beliau dapat menggunakan hak pilihnya di pilkada nanti?",
    ],
)
def test_may_the_forces_use_the_vote_is_a_no(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("dilarang", "cakupan-tni-polri"), text


@pytest.mark.parametrize(
    "text", ["kenapa polisi gak menggunakan hak pilih?", "TNI dan Polri punya hak pilih gak?"]
)
def test_why_the_forces_do_not_vote_stays_explained(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("info", "cakupan-tni-polri-hak-pilih"), text
