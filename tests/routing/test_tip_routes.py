"""Asking how to report someone's breach is a tip that keeps its answer about reporting;
words that only look like a receipt code are read as words."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App
from handlers.wants import bare_code
from tests.conftest import incoming
from tests.routing.test_askpath import _what_the_chat_did

# Someone in particular accused, in several registers: how (or where) to report them.
HOW_TO_REPORT_SOMEONE = [
    "pak kabid kami ga netral, lapornya ke mana ya?",
    "ada pegawai dinas yg ga netral, sy tau namanya, gimana cara ngadu?",
    "What evidence do I need to report a civil servant who campaigns on Instagram?",
    "lapor kemana kalau ada pns ikut kampanye?",
    "piye carane lapor pns kampanye?",
]
# Reporting asked about, nobody accused: a question with the offer to report.
HOW_TO_REPORT = ["bisa lapor tanpa sebut nama ga?", "mau lapor ke bawaslu caranya gimana"]


@pytest.mark.parametrize("question", HOW_TO_REPORT_SOMEONE)
async def test_how_to_report_someone_is_a_tip_answered_about_reporting(
    app: App, question: str
) -> None:
    got = answer_json(app.services.kb, question)
    assert got["intent"] == "tip"
    assert got["match"] is not None and got["match"]["id"].startswith("lapor")
    # the chat answers it too, and holds the message for the anonymous tip
    out = await app.dispatcher.handle(incoming(question, who="console:fresh"), numbered=True)
    assert _what_the_chat_did(app, out) == ("tip", got["match"]["id"])


@pytest.mark.parametrize("question", HOW_TO_REPORT)
async def test_how_to_report_nobody_stays_a_question(app: App, question: str) -> None:
    got = answer_json(app.services.kb, question)
    assert got["intent"] == "faq" and got["match"] is not None


def test_a_breach_of_a_subject_not_ours_is_no_tip(app: App) -> None:
    got = answer_json(app.services.kb, "mau lapor pegawai kelurahan yang melanggar, pungli ktp")
    assert got["intent"] != "tip" or got["match"] is None


@pytest.mark.parametrize("text", ["izin bertanya", "IZIN BERTANYA", "ijin bertanya."])
async def test_twelve_letters_of_words_are_no_receipt_code(app: App, text: str) -> None:
    assert bare_code(text) is None
    assert answer_json(app.services.kb, text)["intent"] == "greeting"
    out = await app.dispatcher.handle(incoming(text, who="console:fresh"), numbered=True)
    assert _what_the_chat_did(app, out) == ("greeting", None)


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKMN", "abcd efgh jkmn", "7G2KQ9XM4RTA"])
def test_a_code_typed_in_its_groups_is_still_a_code(code: str) -> None:
    assert bare_code(code) is not None


@pytest.mark.parametrize(
    "question", ["mau lapor jalan depan rumah rusak", "sy mau ngadu, gaji bulan ini telat"]
)
async def test_a_wish_to_report_nothing_of_ours_is_no_tip(app: App, question: str) -> None:
    got = answer_json(app.services.kb, question)
    assert got["intent"] != "tip" and got["match"] is None
    out = await app.dispatcher.handle(incoming(question, who="console:fresh"), numbered=True)
    assert _what_the_chat_did(app, out)[0] != "tip"


@pytest.mark.parametrize(
    "question", ["mau lapor dugaan kecurangan di desa", "saya mau lapor pelanggaran netralitas"]
)
def test_a_wish_to_report_a_breach_is_a_tip(app: App, question: str) -> None:
    assert answer_json(app.services.kb, question)["intent"] == "tip"


@pytest.mark.parametrize("text", ["🙏", "ok min"])
async def test_thanks_without_words_get_small_talk_not_an_entry(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "greeting" and got["match"] is None
    out = await app.dispatcher.handle(incoming(text, who="console:fresh"), numbered=True)
    assert _what_the_chat_did(app, out) == ("greeting", None)
