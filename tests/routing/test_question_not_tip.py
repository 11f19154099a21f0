"""Questions that name an election act but tell no account: a count asked ("berapa
asn yang dilaporkan", "how many … were reported"), "may someone do it?" asked in
English, whose past participles ("was invited", "court-ordered") tell nothing, and a
status in general at an office ("pns … masih kerja di dinas, boleh gitu?"), and leave
to report asked by a kind of person ("boleh gak warga lapor pegawai yang …?": yes). A
count asked by one who saw it, and leave to report someone in a role or what happened
yesterday, stay tips. Phrasings written for this file, not copied from
any evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

QUESTIONS = [
    "brp byk kades yg dilaporin krn kampanye pas pemilu kmrn",
    "How many civil servants were reported to Bawaslu for campaigning last year?",
    "Can a PPPK teacher attend a state-funded school event where a candidate was invited?",
    "May a village head attend a meeting organised by a party that nominated his son?",
    "Can a teacher share a video that was posted by the candidate's team?",
    "pns yang udah resmi jadi caleg masih masuk kerja di dinas, itu boleh?",
]
TIPS = [
    "tadi saya lihat berapa pns ikut kampanye caleg di lapangan, lapor kemana?",
    "boleh saya lapor pns yang kemarin kampanye di pasar?",
]
LEAVE_TO_REPORT = [
    "boleh gak sih orang awam lapor pegawai yang dukung capres?",
    "Can a civil servant report a colleague who campaigns?",
    # a kind of person reported, nobody in particular: leave asked (round 7, the dev
    # labels: "sy pns mau lapor kades kampanye, bisa kah?" is a boleh question)
    "Can I report a village head who campaigns?",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_counts_and_rules_asked_are_not_tips(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] != "tip"


@pytest.mark.parametrize("text", TIPS)
def test_a_count_told_by_one_who_saw_it_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", LEAVE_TO_REPORT)
def test_leave_to_report_asked_is_a_question(app: App, text: str) -> None:
    answer = answer_json(app.services.kb, text)
    assert answer["intent"] != "tip"
    assert (answer["match"] or {}).get("verdict") in (None, "boleh")
