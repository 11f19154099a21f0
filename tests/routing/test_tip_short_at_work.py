"""A short account that names who acted by their workplace ("bidan puskesmas",
"pegawai kelurahan", "pns dinas sosial") and what they did, asking nothing, is told,
not a topic typed as a search: a tip, however few its words. A bare role and act
("camat ikut kampanye"), a question, or the writer's own act stay questions.
Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

TIPS = [
    "perawat rsud bagi kalender caleg ke pasien",
    "staf kecamatan pasang spanduk cabup di pagar kantor",
    "honorer dinas pu ikut konvoi paslon",
    "a nurse at the district hospital hands out candidate calendars to patients",
]
NOT_TIPS = [
    "camat ikut kampanye",
    "pns dinas pendidikan boleh ikut kampanye?",
    "guru sd ikut kampanye boleh ga",
    "saya pns dinas kesehatan ikut kampanye suami",
    "sanksi pns dinas pu ikut kampanye",
]


@pytest.mark.parametrize("text", TIPS)
def test_a_short_account_at_a_workplace_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_TIPS)
def test_topics_questions_and_own_acts_are_not_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] != "tip"
