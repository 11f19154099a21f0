"""Who acts, and on what condition: contexts and actors the frame layer used to miss.

- The armed forces named only to compare ("kayak TNI dan Polri") are not the one
  asked about, however the list is joined.
- A retired soldier or police officer, and one who left the civil service, are
  citizens: they may campaign (knowledge-sources Part 3 §9); an active member may not.
- An elected head (bupati, gubernur, wali kota) may campaign on leave; a Pj may not.
- A village head, village official or BPD member acting for a side gets the
  village-office ban, whatever the act ("naik panggung", "dapat dimasukkan ke tim").
- The CLTN condition asked without saying the leave is missing ("apa harus CLTN
  dulu?", "what is she allowed to do?") gets the conditional entry; "tanpa CLTN"
  keeps the ban, and PPPK (who have no CLTN) keep it too.
- "Must she resign, or is leave enough?" asks the condition of running.
Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import FrameReader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("guru pppk boleh nyoblos kan? katanya asn ga boleh milih kayak tni dan polri", "pppk"),
        ("PNS tetap punya hak pilih, tidak seperti TNI atau Polri, benar?", "pns"),
        ("pns boleh milih dong, ga kaya tni polri", "pns"),
        ("PPPK can vote, unlike the army and police, right?", "pppk"),
        ("bapak saya purnawirawan TNI, boleh jadi timses caleg?", "pensiunan"),
        ("om saya pensiunan polisi, mau jadi relawan capres, boleh?", "pensiunan"),
        ("my father is a retired soldier, can he join a campaign team?", "pensiunan"),
        ("saya sudah keluar dari PNS tahun lalu, sekarang boleh jadi timses?", "pensiunan"),
        ("I am a former civil servant now in a private firm. May I campaign?", "pensiunan"),
        ("anggota TNI aktif boleh jadi timses caleg?", "tni_polri"),
    ],
)
def test_who_is_asked_about(reader: FrameReader, text: str, actor: str) -> None:
    frame = reader.read(text)
    assert frame.actor is not None and frame.actor.id == actor, (text, frame.to_json())


@pytest.mark.parametrize(
    "text",
    [
        "guru pppk boleh nyoblos kan? katanya asn ga boleh milih kayak tni dan polri",
        "pns boleh milih dong, ga kaya tni polri",
        "pppk masih boleh nyoblos kan, nggak seperti tentara dan polisi?",
    ],
)
def test_compared_with_the_forces_the_civil_servant_votes(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-memilih")


@pytest.mark.parametrize(
    "text",
    [
        "bapak saya purnawirawan TNI, boleh jadi timses caleg?",
        "om saya pensiunan polisi udah gak aktif, mau jadi tim sukses caleg, boleh kan?",
        "my father is a retired soldier, can he join a campaign team?",
        "I am a former civil servant now in a private firm. May I join a campaign team?",
    ],
)
def test_those_no_longer_serving_may_campaign(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        # still serving, or a civil servant beside the retiree: never the retiree's yes
        "anggota TNI aktif boleh jadi timses caleg?",
        "ayah saya pensiunan PNS nyaleg, saya PNS, boleh saya bantu kampanye ayah?",
        "saya PNS, ayah saya purnawirawan TNI maju caleg, boleh saya jadi timsesnya?",
    ],
)
def test_those_still_serving_may_not(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "bupati kita mau kampanye buat capres dari partainya, boleh gak?",
        "Gubernur kami akan ikut berkampanye untuk pasangan calon presiden. "
        "Apakah kepala daerah diperbolehkan berkampanye?",
        "pak walikota kami mau jadi jurkam caleg partainya, sah?",
        "Our regent wants to campaign for his party's presidential ticket. Is that allowed?",
    ],
)
def test_an_elected_head_may_campaign_on_leave(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "boleh_bersyarat", text


@pytest.mark.parametrize(
    "text",
    [
        "pj bupati kita mau kampanye buat paslon, boleh gk",
        "bupati kita nyuruh pns ikut kampanye paslon, boleh?",
    ],
)
def test_a_pj_or_an_order_to_civil_servants_stays_banned(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "pak kuwu naik panggung kampanye caleg, boleh?",
        "can a village head get on stage at a rally for a presidential candidate?",
        "sekdes nyanyi di panggung kampanye paslon, itu melanggar?",
        "Apakah ketua BPD dapat ditunjuk menjadi koordinator tim pemenangan calon anggota DPRD?",
        "anggota bpd dapat dimasukkan ke tim kampanye capres?",
    ],
)
def test_village_offices_acting_for_a_side(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert (verdict, entry) == ("dilarang", "cakupan-kades"), text


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the condition asked: the conditional entry states it
        ("saya PNS mau daftar penjaringan cabup, apa harus cltn dulu?", "boleh_bersyarat"),
        (
            "Bolehkah PNS meminta rekomendasi partai untuk maju sebagai calon wali kota? "
            "Jika boleh, apa syaratnya?",
            "boleh_bersyarat",
        ),
        (
            "istri saya pns, saya nyaleg. dia harus cuti apa kalau mau ikut kampanye saya?",
            "boleh_bersyarat",
        ),
        (
            "My husband is a PNS and I am running for the DPRD; my friends keep asking if he "
            "will join my rallies. What must he do first?",
            "boleh_bersyarat",
        ),
        ("aku pns pengen nyaleg, mundur atau cuti ya?", "boleh_bersyarat"),
        # the condition said to be missing, or no such leave: the ban
        ("pns lobi partai buat nyalon bupati tanpa cltn boleh?", "dilarang"),
        ("sy pppk mau ikut penjaringan partai, harus cltn dulu?", "dilarang"),
        ("istri saya pns, saya nyaleg, dia belum cltn, apa yang boleh?", "dilarang"),
        ("PNS mau nyaleg cukup ambil cuti aja kan, gak perlu mundur?", "dilarang"),
    ],
)
def test_the_condition_asked_or_missing(kb: KnowledgeBase, text: str, verdict: str) -> None:
    got, entry = verdict_and_entry(kb, text)
    assert got == verdict, (text, entry)
