"""A yes-with-conditions entry never answers what its verdict does not cover
(frames.toml [never]): accompanying a candidate spouse on CLTN is allowed,
wearing his T-shirt or sharing his posters is not; passive attendance is
tolerated, taking part is not; one may run on condition of resigning, never
without. Questions written for this file, in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

NO = [
    # spouse on CLTN, plus an act of one's own
    "sy pns lg cltn nemenin suami kampanye, boleh pakai kaos bergambar suami?",
    "Bolehkah istri caleg yang berstatus PNS dan sudah CLTN membagikan poster suaminya di FB?",
    "my husband runs for regent and i'm on unpaid leave from my pns job, may i speak at his rally?",
    # running without resigning
    "pns nyalon bupati tapi ga mundur dulu, boleh kan?",
    "Apakah ASN boleh tetap berstatus PNS selama menjadi calon anggota DPRD, cukup dengan cuti?",
    "can a civil servant run for parliament without resigning?",
    # taking part in a campaign, on a day off
    "Pak, PNS oleh melu kampanye caleg dina Minggu ora?",
    "asn boleh ikut kampanye cagub pas hari libur?",
    # one's own act in the family group
    "pns boleh share poster paslon ke grup wa keluarga besar?",
    # a call to vote that names a candidate is no neutral call
    "pppk boleh ngajak warga nyoblos paslon 2 lewat ig?",
    "Bolehkah ASN membuat status ajakan memilih calon tertentu di WhatsApp?",
    # the candidate's spouse asking is not the civil servant's non-ASN spouse
    "pns boleh jadi timses kalau suami saya calonnya?",
    # accompanying a candidate spouse needs CLTN, not annual leave
    "pns dampingi suami kampanye pakai jatah cuti tahunan, boleh?",
    "Can a PNS use annual leave to accompany her husband at his campaign?",
    # a convoy is taking part
    "asn boleh ikut konvoi paslon asal ga pakai atribut?",
    # retiring soon is not retired (knowledge-sources Part 3 §9)
    "saya pns, pensiun tahun depan, sekarang boleh jadi timses cagub?",
    "Mas, kulo PNS arep pensiun, oleh dadi relawan caleg?",
    "I'm a PNS about to retire, can I join my friend's campaign team?",
]


@pytest.mark.parametrize("text", NO)
def test_never_a_yes_for_what_the_entry_does_not_cover(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:  # an honest "I don't know" is acceptable; a yes is not
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


YES = [
    ("pns sudah ambil cltn, boleh dampingi suami yang nyaleg pas kampanye?", "boleh-pasangan-cltn"),
    ("asn boleh datang ke kampanye cuma buat dengar visi misi?", "boleh-hadir-kampanye-pasif"),
    ("Apakah karyawan BUMN tetap boleh nyoblos di pemilu?", "cakupan-hak-pilih-non-asn"),
    ("pns yang mau nyaleg harus mundur kapan?", None),  # any entry on running, not a no
    ("pensiunan guru pns boleh jadi timses caleg?", "cakupan-pensiunan"),
    ("asn boleh ngajak warga ke tps asal ga nyebut calon?", "boleh-ajakan-memilih-netral"),
    ("pensiun bulan depan, setelah itu boleh ikut kampanye kan?", "cakupan-pensiunan"),
]


@pytest.mark.parametrize(("text", "entry"), YES)
def test_the_allowed_case_keeps_its_entry(kb: KnowledgeBase, text: str, entry: str | None) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    if entry is not None:
        assert answer.match.id == entry, (text, answer.match.id)
    assert answer.match.verdict != "dilarang", (text, answer.match.id)


def test_no_entry_is_kept_from_its_own_phrasings(kb: KnowledgeBase) -> None:
    """A [never] that excludes its entry's own phrasings is either too broad or
    names phrasings that belong to another entry."""
    fm = kb.framemap
    hits = [
        (eid, text)
        for eid in fm.never
        for entry in [kb.entry(eid)]
        if entry is not None
        for text in (entry.question, *entry.alternates)
        if fm.excludes(eid, kb.frame(text))
    ]
    assert hits == []


def test_a_context_that_overlaps_is_read_beside_the_activity(kb: KnowledgeBase) -> None:
    frame = kb.frame("pns boleh ikut kampanye hari minggu?")
    assert frame.activity is not None and frame.activity.id == "attend_rally"
    assert frame.has("joins")
    frame = kb.frame("boleh nyaleg tanpa mundur?")
    assert frame.has("no_resign")
    assert {a.id for a in frame.activities} >= {"run_for_office"}


def test_unless_lifts_the_exclusion(kb: KnowledgeBase) -> None:
    fm = kb.framemap
    joined = kb.frame("pns ikut kampanye boleh?")
    passive = kb.frame("pns ikut kampanye tapi cuma nonton pasif boleh?")
    assert fm.excludes("boleh-hadir-kampanye-pasif", joined)
    assert not fm.excludes("boleh-hadir-kampanye-pasif", passive)


def test_a_possessive_is_not_an_inflection(kb: KnowledgeBase) -> None:
    """ "kalau calonnya kakak sendiri" names a relative who runs, not running oneself."""
    frame = kb.frame("pppk boleh like foto paslon kalau calonnya kakak sendiri?")
    assert "run_for_office" not in {a.id for a in frame.activities}
    assert frame.has("family")
    assert "run_for_office" in {a.id for a in kb.frame("pns boleh mencalonkan diri?").activities}
