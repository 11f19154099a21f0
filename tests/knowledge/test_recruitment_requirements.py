"""What it takes to become a civil servant ("apa syarat jadi PNS?") is recruitment,
not neutrality: no entry on running for office answers it. The requirements of
running, of a polling role or of leave to campaign stay ours. Phrasings written for
this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "Apa syarat jadi PNS?",
        "what are the requirements to become a civil servant?",
        "syarat jadi PPPK apa",
    ],
)
def test_becoming_a_civil_servant_gets_no_neutrality_answer(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None, text


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("apa syarat asn maju pilkada", "boleh_bersyarat"),
        ("syarat pns jadi kpps", "boleh_bersyarat"),
        ("syarat pns dampingi suami kampanye", "boleh_bersyarat"),
    ],
)
def test_the_requirements_of_an_election_role_stay_ours(
    kb: KnowledgeBase, text: str, verdict: str
) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == verdict, (text, match)
