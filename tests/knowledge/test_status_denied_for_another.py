"""A spouse who is "not a PNS but a PPPK" is a civil servant all the same: the free
yes for a relative outside the service never answers it. Phrasings written for this
file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "Istri saya tidak PNS tapi PPPK, boleh dia ikut relawan capres?",
        "suami saya bukan PNS tapi PPPK, boleh jadi timses?",
        "my wife is not a PNS but a PPPK, can she volunteer for a candidate?",
    ],
)
def test_a_pppk_relative_is_not_told_the_relatives_yes(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "dilarang", (text, match)


def test_a_relative_outside_the_service_keeps_the_yes(kb: KnowledgeBase) -> None:
    match = kb.ask("suami saya bukan PNS, dia pedagang, boleh jadi timses?").match
    assert match is not None and match.verdict == "boleh"
