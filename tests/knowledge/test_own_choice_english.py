"""Posting for the pair one voted for is showing one's own choice, not the neutral
call to vote (medsos-ajakan-memilih-netral's yes). Written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Voting is done; may a civil servant post a cheer for the pair they voted for?",
        "After voting day, may a PNS post congratulations to the candidate I voted for?",
    ],
)
def test_cheering_ones_own_pick_is_not_allowed(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


def test_the_neutral_call_to_vote_stays_allowed(kb: KnowledgeBase) -> None:
    text = "Can a civil servant post a neutral reminder for everyone to vote?"
    assert verdict_and_entry(kb, text) == ("boleh", "medsos-ajakan-memilih-netral")
