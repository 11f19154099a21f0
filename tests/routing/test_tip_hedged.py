"""Tips told with a hedge first, a judgement first, a caption, a scene judged at the end,
or in regional words for "saw" (round of 2026-12-06, own phrasings); and rule questions
of the same shapes that stay questions."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

TIPS = [
    # a hedge opens the account
    "gak tau ini termasuk pelanggaran apa bukan, camat kami kemarin nyumbang ke posko "
    "pemenangan cabup",
    "saya ragu apakah ini pelanggaran, kepala puskesmas kami pasang stiker capres di ambulans",
    "not sure if this is a violation but the lurah wore a party shirt at the village meeting "
    "yesterday",
    "maaf kalau salah, tapi pak kadus di dusun kami ngumpulin ktp warga buat dukungan calon "
    "perseorangan",
    # the judgement first, then an act with a sure time
    "apa pantas camat kami ikut joget di panggung kampanye cagub kemarin malam?",
    "Is it normal for a district health office head to hand out campaign calendars at the "
    "puskesmas? It happened last Monday.",
    # a caption under evidence
    "foto: camat di panggung kampanye cabup",
    "video: guru pns joget di kampanye caleg",
    # a scene told, then judged
    "Pak lurah ngumumke nang balai desa ben warga teko kampanyene caleg, iki pelanggaran ora?",
    # seen, in regional words
    "Pak, niku pak kades kok ngagem mobil dinas teng posko caleg, kula pirsani piyambak. "
    "Angsal mboten nggih?",
]
QUESTIONS = [
    "saya tidak tahu apakah pns boleh jadi saksi partai, mohon penjelasannya",
    "maaf kalau salah tanya, asn boleh like postingan capres?",
    "foto bareng caleg pas kondangan boleh gak buat pns?",
    "emang boleh ya asn jadi relawan capres?",
    "temenku PNS ikut kampanye caleg di lapangan, itu boleh?",
    "kepsek nyuruh guru pasang twibbon capres, itu boleh?",
]


@pytest.mark.parametrize("text", TIPS)
def test_hedged_and_captioned_accounts_are_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", QUESTIONS)
def test_rule_questions_of_the_same_shape_stay_questions(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "faq" and got["match"] is not None


def test_pppk_approaching_a_party_is_told_no(app: App) -> None:
    """PPPK have no CLTN: approaching a party to run is never answered with a yes."""
    got = answer_json(
        app.services.kb, "saya pppk mau lobi partai buat maju cabup, bisa ambil cltn dulu?"
    )
    assert got["match"]["verdict"] == "dilarang"
