"""A civil servant on unpaid leave (CLTN) beside a candidate spouse may accompany
them, but not speak at their campaign (knowledge-sources Part 1 §7): "pembicara di
acara kampanye" is speaking, and the conditional yes for accompanying never answers
it. Questions written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Saya PNS yang sedang CLTN mendampingi suami caleg DPRD. Selama CLTN, bolehkah saya "
        "jadi pembicara di acara kampanye suami dan menjelaskan program-programnya?",
        "Aku PNS lagi CLTN dampingi istri nyaleg. Boleh ga aku jadi pembicara dalam acara "
        "kampanye dia?",
    ],
)
def test_speaking_at_the_spouses_campaign_is_no_yes(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text
