"""Two wrong yeses found while tuning: a civil servant who names a relative's job and
then asks leave for their own campaigning was told the non-ASN spouse's yes, and
"may the regent order civil servants to campaign?" was told one may refuse (a yes).
Both are the ban (PP 94/2021 Pasal 5 huruf n; UU 10/2016 Pasal 71)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

YES = {"boleh", "boleh_bersyarat"}


@pytest.mark.parametrize(
    "text",
    [
        "suami saya wiraswasta nyaleg, saya PNS boleh bantu kampanye?",
        "istri aku pengusaha maju caleg, aku pppk boleh ikut kampanyein?",
        "bapak saya petani nyalon kades dprd, saya asn boleh jadi jurkam?",
    ],
)
def test_a_civil_servant_asking_leave_beside_a_relative_is_not_told_yes(
    kb: KnowledgeBase, text: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict not in YES, answer.match


def test_the_non_asn_spouse_asking_about_herself_keeps_her_yes(kb: KnowledgeBase) -> None:
    answer = kb.ask("saya PNS, istri saya bukan ASN, istri saya boleh ikut kampanye?")
    assert answer.match is not None and answer.match.verdict == "boleh"


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
