"""Questions about the performance report and the personnel apps (e-kinerja, SKP,
MySAPK, MyASN) are not about neutrality: the bot says it does not know rather than
answer them with a reporting channel. Phrasings written for this file."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App


@pytest.mark.parametrize(
    "text",
    [
        "gimana cara lapor e-kinerja ke BKN",
        "mau lapor SKP ke BKN caranya gmn",
        "How do I submit my SKP report to BKN?",
        "akun MyASN saya terkunci, lapor ke siapa",
    ],
)
def test_personnel_app_questions_get_no_neutrality_answer(app: App, text: str) -> None:
    found = answer_json(app.services.kb, text)
    assert found["intent"] in {"faq", "unknown"}
    assert found["match"] is None
