"""An account of what someone in a role did, ending only "how about this?" ("gimana
nih?", "bagaimana mi ini?", "piye iki?"), asks what to make of it: a tip, even with no
time or place that says it happened. The writer's own act, or "how" about a rule, stays
a question. Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

TIPS = [
    "camat nyuruh semua kasi pasang stiker cabup di motor dinas. gimana nih?",
    "Kepala puskesmas membagikan kalender bergambar caleg kepada pasien. Bagaimana ini?",
    "pak kades ngajak warga milih paslon 3 pas pengajian, bagaimana ji ini",
]
NOT_TIPS = [
    "aku pppk, kemarin ikut nonton kampanye tanpa atribut, gimana nih?",
    "aturan cuti pns yang suaminya nyaleg bagaimana ini?",
]


@pytest.mark.parametrize("text", TIPS)
def test_an_account_then_how_about_this_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_TIPS)
def test_own_acts_and_rules_asked_how_are_not_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] != "tip"
