"""Accounts that name no election word but a ballot number, accounts told in English with
a recording in hand, and the writer pressed by a superior asking what to do: tips. What
the writer must do by rule, or whether they may refuse, stays their own question."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

TIPS = [
    # a ballot number is the election act ("pilih nomor 2", "stiker nomer 1", "no 4")
    "td siang ada guru pppk ngebagiin buku tulis ke murid sambil pesen ke ortu pilih nomor 2",
    "barusan ada pegawai kelurahan nempelin stiker nomer 1 di motor warga yg antri",
    # told in the English past, evidence in hand, then "what should I do?"
    "The head of our village office organised a gathering and urged farmers to vote for "
    "pair number 3. I recorded the speech. What can I do about it?",
    "A school principal in our town announced at assembly that teachers must support the "
    "incumbent. I have recordings of it. What should I do now?",
    # pressed by a superior, asking what to do about it
    "Saya honorer di kantor kecamatan. Pak camat memerintahkan semua pegawai ikut konvoi "
    "pendukung calon bupati hari Minggu. Langkah apa yang sebaiknya saya ambil?",
    "Kami guru di SD negeri. Kepala sekolah meminta kami mengajak wali murid memilih caleg "
    "partai tertentu. Apa yang sebaiknya kami lakukan?",
]
NOT_TIPS = [
    # the writer's own duty or choice
    "Saya PNS. Atasan saya meminta saya hadir di kampanye calon bupati. Apakah saya wajib hadir?",
    "Saya PNS, atasan saya minta saya pasang spanduk caleg, boleh saya tolak?",
    "Sebagai kepala bidang, saya melihat staf saya memasang foto calon di status WA. Apa yang "
    "wajib saya lakukan?",
    # a number that is no ballot number, and a ballot number in a rule question
    "Apa isi SE MenPANRB Nomor 1 Tahun 2023?",
    "pns boleh pasang stiker nomor 2 di motor pribadi?",
]


@pytest.mark.parametrize("text", TIPS)
def test_accounts_are_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_TIPS)
def test_own_and_rule_questions_are_not_tips(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "faq" and got["match"] is not None
