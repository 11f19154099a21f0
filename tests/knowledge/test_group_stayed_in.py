"""Leaving a candidate's group one was put in is the right step (boleh); staying in
it, even silent, is still being in it (SKB 2022 Lampiran II). The yes is for one who
says they left. Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Abdi guru PNS, diasupkeun ka grup WA relawan calon bupati. "
        "Abdi mah ngan cicing wae, kenging?",
        "aku pns dimasukin grup wa relawan caleg sama temen, aku diem aja ga ngapa2in, aman?",
        "I'm a teacher and someone added me to a candidate's volunteer group. "
        "I just stayed in it and never posted. Is that ok?",
    ],
)
def test_staying_in_the_group_is_not_the_yes_for_leaving(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "dilarang", (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "pns dimasukin temen ke grup wa timses, langsung keluar, udah bener kan?",
        "a colleague added me to a campaign group chat and I left right away, "
        "is that fine for a civil servant?",
    ],
)
def test_leaving_at_once_keeps_the_yes(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.id == "medsos-keluar-grup-pemenangan", (text, match)


def test_not_leaving_is_not_read_back_as_left(kb: KnowledgeBase) -> None:
    answer = kb.ask("pns dimasukin grup relawan caleg, tapi gak keluar dari grup, aman?")
    assert answer.match is not None and answer.match.verdict == "dilarang", answer.match
    assert "keluar" not in answer.frame.text()


URGING_IN_THE_GROUP = [
    "kampanye sudah berakhir dan kini masa tenang, berarti saya sebagai ASN boleh mengajak "
    "keluarga besar di grup WhatsApp untuk memilih paslon 2, bukan?",
    "udah masa tenang, berarti aku ASN boleh dong ngajak sepupu-sepupu di grup WA keluarga "
    "buat pilih caleg nomor 3?",
]


@pytest.mark.parametrize("text", URGING_IN_THE_GROUP)
def test_urging_the_family_group_oneself_is_no_yes_for_staying_in_it(
    kb: KnowledgeBase, text: str
) -> None:
    """The family-group entry's yes is for one who stays while others post; urging the
    group oneself is urging a vote (someone else's urging keeps that yes)."""
    assert verdict_and_entry(kb, text)[0] == "dilarang", text
