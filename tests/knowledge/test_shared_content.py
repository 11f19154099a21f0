"""Passing on content someone else made: the family chat group is where it goes and
the campaign team is whose content it is. Neither is who acts or what is done: the
civil servant who shares is, and sharing is the ban (PP 94/2021 Pasal 5 huruf n)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        # "keluarga, pns" runs together once the comma is gone
        "klo sy terusin video kampanye caleg ke grup wa keluarga, pns dihukum gak?",
        "forward konten bikinan tim sukses paslon ke grup keluarga, asn boleh?",
        "nyebarin video yg diunggah timses capres ke grup whatsapp keluarga, pppk kena sanksi?",
    ],
)
def test_a_civil_servant_sharing_campaign_content_into_a_family_group_is_told_no(
    kb: KnowledgeBase, text: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "dilarang", answer.match
    frame = kb.frame(text)
    assert frame.actor is None or frame.actor.id != "keluarga", frame.actor
    assert frame.activity is None or frame.activity.id != "campaign_team", frame.activity


def test_a_relative_of_a_civil_servant_is_still_read_as_the_one_asking(
    kb: KnowledgeBase,
) -> None:
    frame = kb.frame("istri pns boleh ikut kampanye caleg?")
    assert frame.actor is not None and frame.actor.id == "keluarga"


def test_joining_the_team_is_still_joining_the_team(kb: KnowledgeBase) -> None:
    frame = kb.frame("pns diajak gabung timses caleg, boleh?")
    assert frame.activity is not None and frame.activity.id == "campaign_team"
