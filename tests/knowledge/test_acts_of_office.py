"""What is done, and where, by class (round of 2026-12-06, issue #13): an official's
acts for or against one side (a permit hurried or held back, staff moved away, works
put first: UU 10/2016 Pasal 71 ayat (1), PP 94/2021 Pasal 5 huruf n angka 5);
running an event for a candidate or giving one the floor (PP 94/2021 Pasal 5 huruf n
angka 6, UU 7/2017 Pasal 283); campaigning on leave (still bound: PP 94/2021 Pasal 1
angka 4); a hall lent to a Pemilu contestant with permission (MK 65/PUU-XXI/2023,
knowledge-sources Part 3 §3) against a hall lent to one side only; one's own
"siap maju" banner; a teacher's partisan act in class; the agency's uniform or car
beside a spouse who runs (knowledge-sources Part 1 §7).
Questions written for this file, in several registers; never copied from an eval set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

YES = {"boleh", "boleh_bersyarat"}

# (question, the entry that must answer it): all forbidden
FORBIDDEN = [
    # an official's decision or act for or against one side
    (
        "kabag umum pns sengaja nahan izin keramaian buat kampanye paslon lawan, boleh ga",
        "disiplin-keputusan-untungkan",
    ),
    (
        "Is it okay for a district head to fast track building permits for the incumbent's "
        "campaign donors?",
        "disiplin-keputusan-untungkan",
    ),
    (
        "sy pns bpbd, disuruh kadis dahulukan bantuan bencana ke desa yg pro petahana, "
        "sy ikut salah gak?",
        "disiplin-keputusan-untungkan",
    ),
    (
        "May a department head reassign teachers who back the rival candidate to remote areas?",
        "disiplin-keputusan-untungkan",
    ),
    # running an event for a candidate, or giving one the floor
    (
        "Can a PNS help organize a community event where the mayoral candidate will give a speech?",
        "skb-kegiatan-keberpihakan",
    ),
    # one's own banner to test the waters is declaring oneself
    (
        "saya pns mau cetak stiker muka saya sendiri tulisan siap jadi bupati, buat jajaki "
        "dukungan, boleh?",
        "skb-deklarasi-diri",
    ),
    # a family gathering turned into an appeal
    (
        "asn ngajak ibu ibu arisan keluarga buat nyoblos caleg tertentu, boleh gk",
        "disiplin-ajakan-keluarga",
    ),
    # a hall lent to one side only
    (
        "kepsek ngasih izin caleg A pake lapangan sekolah tapi caleg B ditolak, boleh?",
        "fasilitas-kantor-sekolah",
    ),
]

# A candidate given the welcome speech at an office event: forbidden, whichever entry.
HOSTING = [
    "kadis ngundang caleg buat ngisi sambutan di acara ulang tahun kantor, itu boleh?",
]

# Campaigning on leave: leave does not lift the rules (never the on-duty yes).
ON_LEAVE = [
    "sy pns lagi cuti tahunan seminggu, boleh ikut jadi jurkam caleg?",
    "PNS yang sedang cuti besar boleh ikut aktif berkampanye untuk calon gubernur?",
    "I'm a civil servant on annual leave next week, can I join the campaign rallies actively "
    "since I'm not on duty?",
]

# A Pemilu contestant let into a school or government hall by the one in charge.
VENUE_PERMIT = [
    "Sebagai kepala sekolah PNS, bolehkah saya mengizinkan caleg DPRD memakai aula sekolah "
    "untuk kampanye tanpa atribut?",
    "kantor camat dipinjam caleg DPR buat kampanye dialogis, camatnya boleh ngasih izin?",
]

# A teacher's partisan act in class is not neutral teaching.
TEACHER_IN_CLASS = [
    "guru pns pake kaos caleg pas ngajar di kelas boleh gak",
    "I'm a PNS teacher, can I wear a candidate's T-shirt while teaching?",
]

# CLTN beside a spouse who runs never covers the agency's uniform or car.
SPOUSE_WITH_AGENCY_THINGS = [
    "suami saya caleg, saya pns sudah cltn, boleh saya antar dia kampanye pakai mobil dinas?",
    "My husband is running for DPRD and I'm a PNS on unpaid leave. May I wear my civil "
    "service uniform when I accompany him at rallies?",
]

# Duty and neutral teaching keep their yes.
STILL_YES = [
    (
        "satpol pp pns ditugaskan mengamankan kampanye hari minggu, boleh?",
        "boleh-hadir-tugas-kampanye",
    ),
    (
        "Anggota Satpol PP yang PNS ditugasi menjaga lokasi kampanye, apakah itu tergolong ikut "
        "kampanye?",
        "boleh-hadir-tugas-kampanye",
    ),
    (
        "bolehkah guru asn mengadakan simulasi pemilu di kelas dengan calon fiktif?",
        "peran-guru-materi-pemilu",
    ),
    (
        "bolehkah asn melayani calon yang datang mengurus izin di kantor?",
        "boleh-layani-calon-kantor",
    ),
]


@pytest.mark.parametrize(("text", "entry"), FORBIDDEN)
def test_the_act_gets_its_own_ban(kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == entry, (text, answer.match.id)
    assert answer.match.verdict == "dilarang"


@pytest.mark.parametrize("text", HOSTING)
def test_giving_a_candidate_the_floor_is_forbidden(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)


@pytest.mark.parametrize("text", ON_LEAVE)
def test_campaigning_on_leave_is_still_forbidden(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)


@pytest.mark.parametrize("text", VENUE_PERMIT)
def test_a_pemilu_venue_permit_is_allowed_on_conditions(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "pemilu-kampanye-kampus-fasilitas", (text, answer.match.id)
    assert answer.match.verdict == "boleh_bersyarat"


@pytest.mark.parametrize("text", TEACHER_IN_CLASS)
def test_a_teachers_partisan_act_is_not_neutral_teaching(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict not in YES, (text, answer.match.id)


@pytest.mark.parametrize(("text", "entry"), STILL_YES)
def test_duty_and_neutral_acts_keep_their_yes(kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == entry, (text, answer.match.id)


@pytest.mark.parametrize("text", SPOUSE_WITH_AGENCY_THINGS)
def test_leave_beside_a_spouse_never_covers_agency_things(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)
