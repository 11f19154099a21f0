"""A request to write a candidate's speech, slogan or jingle is not a neutrality
question: the bot answers no verdict to it. A civil servant asking whether they may
write one, or who was told to, still gets the rule. Phrasings written for this file."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App


@pytest.mark.parametrize(
    "text",
    [
        "Can you help me write a campaign speech for my candidate?",
        "tolong buatkan slogan kampanye untuk caleg nomor 3",
        "write me a catchy slogan for my mayoral candidate",
    ],
)
def test_a_request_to_write_campaign_material_gets_no_verdict(app: App, text: str) -> None:
    found = answer_json(app.services.kb, text)
    assert found["intent"] in {"faq", "unknown"}
    assert found["match"] is None


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh bikin pidato kampanye buat caleg?",
        "guru pns disuruh kepsek bikin pidato kampanye buat cabup, gimana?",
    ],
)
def test_a_civil_servant_writing_for_a_campaign_still_gets_the_rule(app: App, text: str) -> None:
    found = answer_json(app.services.kb, text)
    assert found["match"] is not None and found["match"]["verdict"] == "dilarang"
