"""Regional words the held-out batch of the night of 2026-12-06 showed missing: the Manado
and Ambon "ba" written apart from its verb ("ba kampanye" = berkampanye), Javanese
"wektu" and "pirang dina" (how many days), Sundanese "ditaros" (asked) in a greeting.
Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App


@pytest.mark.parametrize(
    ("text", "entry_prefix", "verdict"),
    [
        ("ASN ba kampanye par paslon, bole ka?", "", "dilarang"),
        ("guru PPPK ba foto deng caleg pake jari, bole?", "medsos-", "dilarang"),
        (
            "lapor pelanggaran netralitas ASN menyang Bawaslu wektune pirang dina?",
            "lapor-tenggat",
            "info",
        ),
    ],
)
def test_regional_questions_get_their_answer(
    app: App, text: str, entry_prefix: str, verdict: str
) -> None:
    found = answer_json(app.services.kb, text)
    assert found["intent"] == "faq"
    assert found["match"]["id"].startswith(entry_prefix)
    assert found["match"]["verdict"] == verdict


def test_a_sundanese_may_i_ask_is_a_greeting(app: App) -> None:
    assert (
        answer_json(app.services.kb, "punten kang, aya nu tiasa ditaros?")["intent"] == "greeting"
    )
