"""A wrong yes found while tuning: "may the regent order civil servants to campaign?"
was told one may refuse (a yes). An elected head or official giving the order is a
superior ordering subordinates: the ban (PP 94/2021 Pasal 5 huruf n; UU 10/2016
Pasal 71)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "apakah bupati boleh memerintahkan PNS ikut kampanye?",
        "boleh gak gubernur nyuruh asn dukung calon tertentu?",
        "may the mayor tell civil servants to attend his campaign?",
    ],
)
def test_an_official_ordering_civil_servants_to_campaign_is_the_ban(
    kb: KnowledgeBase, text: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "dilarang", answer.match
