"""The be-/ba- of Banjar, Malay and Palembang for the ber- words of campaigning and
taking sides ("bekampanye", "bakonvoi", "bapihak") is read as the ber- word, so an
account told with them is a tip and a question with them is answered. Phrasings
written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App
from knowledge.normalize import Normalizer

_norm = Normalizer()


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("bekampanye", "berkampanye"),
        ("bakonvoi", "berkonvoi"),
        ("bekonvoi", "berkonvoi"),
        ("bapihak", "berpihak"),
        ("bepartai", "berpartai"),
    ],
)
def test_the_be_prefix_reads_as_ber(word: str, read: str) -> None:
    assert _norm.words(word) == (read,)


@pytest.mark.parametrize(
    "text",
    [
        "ada pegawai kecamatan bekampanye di langgar kampung ulun",
        "pns di kantor kami bapihak ke paslon 1, bakonvoi tiap sabtu",
    ],
)
def test_an_account_told_with_them_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


def test_a_question_with_them_is_answered_with_the_ban(app: App) -> None:
    got = answer_json(app.services.kb, "asn bakonvoi gasan paslon, boleh kah?")
    assert got["intent"] == "faq" and got["match"]["verdict"] == "dilarang"
