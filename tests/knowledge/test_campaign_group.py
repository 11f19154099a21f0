"""A group run for a candidate's campaign is taking part (SKB 2022): joining it is no
yes. Staying in a family or neighbours' group that campaign messages reach keeps its
conditional answer."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "Can a civil servant join a candidate's WhatsApp campaign group?",
        "may a PPPK teacher be the admin of a campaign group for the regent candidate?",
        "pns masuk grup relawan capres di wa, boleh?",
    ],
)
def test_joining_a_campaign_group_is_no_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict == "dilarang", answer.match


def test_a_family_group_reached_by_campaign_messages_keeps_its_answer(kb: KnowledgeBase) -> None:
    answer = kb.ask("di grup wa keluarga ada yg share poster caleg, pns harus keluar grup?")
    assert answer.match is not None and answer.match.id == "medsos-grup-keluarga"
