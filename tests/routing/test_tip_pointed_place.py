"""Someone else's election act told at a place the writer points at ("di dinas sini",
"kantor kami", "sekolah anak saya"), then only "how" ("gimana ya"), is an account: a tip.
Reporting asked in a regional verb ("ngalaporkeunana", "dilaporno", "balapor",
"dilaporki", "dilaporhon") is reporting. The writer's own act, a relative's, a plan or a
rule asked stay questions. Phrasings written for this file, not copied from any
evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

TIPS = [
    "guru di sekolah anak saya pakai kaos caleg waktu ngajar, bagaimana ya",
    "bidan puskesmas sini nempel poster cabup di ruang tunggu pasien, gmn ya",
    "staf di kantor kami lagi nyebar stiker capres ke meja-meja pegawai, gimana ya min",
]
REGIONAL_REPORTS = [
    "Pak lurah nang kampungku bagi-bagi amplop caleg, kudu dilaporno nang endi?",
    "Camat di kampung torang iko kampanye caleg, mo balapor di mana?",
    "Lurah di kampungku ikut kampanye caleg, dimanaki bisa dilaporki?",
    "Kepala desa di kampung kami ikut kampanye caleg, ka mana dilaporhon?",
]
NOT_TIPS = [
    "suami saya pns di kantor sini ikut kampanye caleg, gimana ya",
    "asn di kantor saya mau nyalon caleg, gimana ya",
    "saya pns di dinas sini, ikut kampanye caleg gimana ya",
]


@pytest.mark.parametrize("text", TIPS)
def test_an_act_at_a_pointed_place_then_how_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", REGIONAL_REPORTS)
def test_an_account_then_a_regional_report_verb_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_TIPS)
def test_own_relatives_and_planned_acts_stay_questions(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] != "tip"
