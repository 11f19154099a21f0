"""A question that wants information about an act (its sanction, why it is
forbidden, what happens, who decides) is answered by an info entry when one
ranks close (framepick.prefer_info); one that asks "boleh …?" keeps its yes/no
answer; taking part in a campaign never gets the general rule on attending.
Questions written for this file, in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.framemap import rule_id
from knowledge.verdicts import asks_severity, asks_what

INFO = [
    "siapa yang memutuskan sanksi buat pns yang kampanye?",
    "kalau kades ikut kampanye paslon, apa akibatnya?",
    "kenapa menteri boleh kampanye tapi pns tidak?",
    "bagaimana proses pemeriksaan pns yang dilaporkan tidak netral?",
    "pppk ketahuan jadi pengurus partai, hukumannya apa?",
]


@pytest.mark.parametrize("question", INFO)
def test_an_information_question_gets_an_info_answer(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "info", (question, answer.match.id)


PERMISSION = [
    "pns boleh jadi pengurus partai gak? sanksinya apa?",
    "bolehkah kepala desa ikut kampanye paslon?",
    "asn boleh like postingan caleg?",
]


@pytest.mark.parametrize("question", PERMISSION)
def test_a_permission_question_keeps_its_verdict(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "dilarang", (question, answer.match.id)


def test_the_pppk_sanction_never_answers_a_pns(kb: KnowledgeBase) -> None:
    answer = kb.ask("Apakah PNS yang jadi pengurus partai diberhentikan dengan hormat atau tidak?")
    assert answer.match is None or answer.match.id != "sanksi-pppk"


@pytest.mark.parametrize(
    "question",
    [
        "pppk ikut konvoi paslon boleh",
        "dosen asn ngiring kampanye angsal?",
        "asn turun kampanye buat paslon boleh ga",
        "can a civil servant join a campaign rally?",
    ],
)
def test_taking_part_never_gets_the_rule_on_attending(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is None or answer.match.id != rule_id("attend_rally"), question
    assert answer.match is None or answer.match.verdict == "dilarang", question


@pytest.mark.parametrize(
    "question",
    [
        "sy kepsek, aula sekolah mau dipinjam caleg partai tertentu aja, boleh?",
        "may a headmaster lend the school hall only to one candidate?",
        "cagub kampanye di aula sekolah negeri boleh gak?",
    ],
)
def test_a_hall_for_one_side_or_in_pilkada_stays_forbidden(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "dilarang", (question, answer.match.id)


def test_a_hall_for_all_sides_in_pemilu_is_allowed_with_conditions(kb: KnowledgeBase) -> None:
    answer = kb.ask("kepala kantor boleh izinkan semua caleg pakai aula bergantian tanpa atribut?")
    assert answer.match is not None
    assert answer.match.id == "pemilu-kampanye-kampus-fasilitas"
    assert answer.match.verdict == "boleh_bersyarat"


# "What is the sanction for X?" about an act reaches the info entry declared for
# that act's sanction (frames.toml, framepick.declared_info), whatever entry the
# words rank first; "kena sanksi gak?" and "boleh …?" keep the entry that says no.
SANCTION_OF_THE_ACT = [
    ("guru pns share video kampanye cagub di ig, hukumannya apa?", "sanksi-medsos-foto"),
    (
        "what's the penalty for a civil servant who likes a candidate's instagram post?",
        "sanksi-medsos-foto",
    ),
    ("perangkat desa bantu timses caleg, dijerat pasal apa?", "sanksi-kades"),
    ("pak lurah desa kami itu kena pasal apa kalau terang-terangan memihak?", "sanksi-kades"),
    ("tenaga kontrak kecamatan ikut konvoi calon, sanksinya apa?", "sanksi-honorer"),
    (
        "kabid bikin keputusan yang merugikan salah satu cabup, ancaman hukumannya apa?",
        "sanksi-pidana-keputusan",
    ),
    ("pns jadi ketua timses capres di kecamatan, pidananya berapa?", "sanksi-pidana-tim-kampanye"),
]


@pytest.mark.parametrize(("question", "entry"), SANCTION_OF_THE_ACT)
def test_the_sanction_of_an_act_gets_that_acts_sanction_entry(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert (answer.match.id, answer.match.verdict) == (entry, "info"), question


@pytest.mark.parametrize(
    "question",
    [
        "pns boleh share video kampanye cagub? sanksinya apa?",
        "pns like postingan caleg kena sanksi gak?",
        "bolehkah atasan pura-pura tidak tahu bawahannya ikut kampanye?",
        "kan belum masa kampanye, pns boleh dukung calon dong?",
    ],
)
def test_whether_questions_keep_the_entry_that_says_no(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "dilarang", (question, answer.match.id)


# Information on a duty, on when a rule applies, on a document or a body.
INFO_ENTRIES = [
    ("kasubag tahu stafnya kampanye, dia wajib apa sebagai atasan?", "disiplin-kewajiban-atasan"),
    (
        "larangan berpihak buat asn cuma berlaku selama jadwal kampanye kpu?",
        "pemilu-larangan-kapan-berlaku",
    ),
    ("putusan mk nomor 136 tentang pasal 188 uu pilkada isinya apa", "pemilu-putusan-mk-136"),
    ("apa yang dimaksud sentra gakkumdu dalam pemilu", "pemilu-gakkumdu"),
    (
        "what did constitutional court decision 121/PUU-XXII/2024 say about asn oversight?",
        "prinsip-putusan-mk-121",
    ),
    ("aturan disiplin pns tahun 2010 masih dipakai buat sanksi?", "prinsip-pp-53-2010"),
    ("apa sih cuti di luar tanggungan negara itu", "prinsip-cltn"),
]


@pytest.mark.parametrize(("question", "entry"), INFO_ENTRIES)
def test_information_entries_answer_their_questions(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert (answer.match.id, answer.match.verdict) == (entry, "info"), question


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ("kena sanksi apa?", True),
        ("apa sanksinya kalau pns posting dukungan?", True),
        ("berapa dendanya", True),
        ("what's the maximum penalty", True),
        ("pns kena sanksi gak", False),
        ("apa istri saya ikut kena sanksi?", False),
        ("dipecat?", False),
    ],
)
def test_asks_what_tells_what_from_whether(question: str, what: bool) -> None:
    assert asks_what(question) is what


# Banners, declarations, a spouse's campaign without CLTN: "what is its sanction?"
# gets the entry that says how far it goes (SKB 2022 Lampiran II tabel A/B); and
# "could it get me fired / jailed?" asks how heavy the sanction is.
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "asn nempelin baliho bakal calon di warungnya, hukumannya apa",
            "sanksi-spanduk-deklarasi",
        ),
        ("sanksi buat pppk yang hadir deklarasi bacaleg apa aja", "sanksi-spanduk-deklarasi"),
        ("pppk jadi anggota partai bisa dipecat ga", "sanksi-parpol-ptdh"),
    ],
)
def test_act_sanctions_get_their_info_entry(kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert (answer.match.id, answer.match.verdict) == (entry, "info"), question


@pytest.mark.parametrize(
    ("question", "severe"),
    [
        ("bisa dipecat gk", True),
        ("can he be jailed for it?", True),
        ("pns kena sanksi gak", False),
        ("boleh pasang spanduk?", False),
    ],
)
def test_asks_severity(question: str, severe: bool) -> None:
    assert asks_severity(question) is severe


# A PNS who retires soon is still a PNS: never the retiree's yes (Part 3 §9).
@pytest.mark.parametrize(
    "question",
    [
        "sy pns, 3 bulan lagi pensiun, boleh ikut jadi timses caleg?",
        "saya pns tahun depan pensiun, boleh kampanye buat calon bupati?",
        "I am a civil servant and retire in two months, can I join a campaign team?",
    ],
)
def test_retiring_soon_is_no_retiree(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is None or answer.match.verdict == "dilarang", question
