"""Tips told in the ways people tell them: a long story that first says who the writer
is, regional report verbs, a story ending "boleh gitu?"; and what stays no tip of ours
(a civil servant's own question, a wrong that is no election matter, a greeting)."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App
from knowledge.witness import is_report_word

TIPS = [
    # the writer says who they are, then what someone else in a role did
    "Saya guru honorer di SD negeri. Kemarin kepala sekolah mengumpulkan semua guru dan "
    "meminta kami mengajak wali murid memilih caleg partai tertentu. Ke mana saya bisa "
    "melaporkannya tanpa ketahuan?",
    "I work as a contract staffer at the district health office. Two weeks ago the head of "
    "the office told all nurses to attend a rally for the incumbent regent. Where can I "
    "report this safely?",
    # a place of the writer's, then its head (a comma lost), judged at the end
    "Di kantor kecamatan saya, camat bagi-bagi kalender cabup ke warga yang ngurus KTP. "
    "Boleh gitu?",
    # regional report verbs: Minang "-nyo", Javanese "ng-…-ke", Betawi "-in…-nye"
    "Pak RT kami tadi pagi ngumpulin warga, sekdes datang bawa kaos paslon 2 dibagiin. "
    "Lapornyo ka mano?",
    "Sekdes neng desaku ngajak warga milih caleg, aku duwe rekamane. Piye carane nglaporke?",
    "tmn sekantor sy asn jd tim sukses caleg, dia ngajak2 kita jg. itu bs dilprin ga",
    # told in the English past, then "that" judged
    "A civil servant at our land office told people queuing that they should vote for the "
    "incumbent. Is that okay?",
    # a promise on a condition is told, not supposed
    "Last week the village head gathered residents and promised a new road if his "
    "candidate wins. What can I do?",
    # pressed against their will, asking how (not what they must do)
    "pak kadis kmi tiap rapat slalu nyelipin pesan pilih paslon 01, sy ga nyaman, gmn ya",
    # at the writer's own workplace, judged
    "kepala puskesmas di tempat saya kerja nyuruh bidan2 bagiin stiker caleg ke pasien, "
    "wajar ga sih?",
    # what someone said, doubted
    "Di kantor lurah ada baliho calon walikota dipasang di pagar. Pak lurah bilang tidak "
    "apa-apa. Masa iya?",
]
NOT_TIPS = [
    # the civil servant's own act, whoever else is named
    "saya pns boleh ikut kampanye kalau cuti?",
    "Saya PNS, atasan saya nyaleg DPRD, saya boleh bantu pasang spanduk?",
    "kabid kami minta tiap staf nyetor 100 ribu buat kampanye calon petahana, harus ikut?",
    "di kantor saya kadis nyuruh staf ikut kampanye, saya wajib ikut?",
    "kita disuruh ikut apel kampanye, sy bingung harus gmn takut karir sy",
    # a relative's status, with a time: no act told
    "Bapak saya pensiun bulan lalu dari guru SD. Sekarang diajak jadi timses cabup. "
    "Sudah boleh kan?",
    # a short rule question about a role, in statement form
    "kepsek nyuruh guru pasang twibbon capres, itu boleh?",
]
# Wrongs that are no election matter: no tip, no answer of ours.
ELSEWHERE = [
    "mau lapor pak lurah minta pungli buat bikin akta, bukan soal pemilu",
    "kades kami korupsi dana desa, lapor kemana?",
    "Halo, mau lapor jalan rusak di depan kantor desa",
]
GREETINGS = [
    "Tabe daeng, ada orang kah?",
    "Horas, ini bot apa?",
    "Sugeng siang, nyuwun pirsa nggih",
    "layanan ini dikelola siapa?",
    "Selamat pagi, apakah layanan ini dapat menerima laporan?",
]


@pytest.mark.parametrize("text", TIPS)
def test_accounts_are_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_TIPS)
def test_own_and_rule_questions_are_not_tips(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "faq" and got["match"] is not None


@pytest.mark.parametrize("text", ELSEWHERE)
def test_wrongs_outside_elections_are_not_ours(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] != "tip" and got["match"] is None


@pytest.mark.parametrize("text", GREETINGS)
def test_regional_and_formal_greetings(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "greeting"


@pytest.mark.parametrize(
    ("word", "reports"),
    [
        ("lapornyo", True),
        ("laporinnye", True),
        ("nglaporaken", True),
        ("malapurakan", True),
        ("dipunlaporaken", True),
        ("dilprin", True),  # typed in haste, vowels dropped
        ("lprnya", True),
        ("lapar", False),
        ("laptop", False),
        ("madu", False),
        ("kapur", False),
    ],
)
def test_regional_report_verbs(word: str, reports: bool) -> None:
    assert is_report_word(word) is reports
