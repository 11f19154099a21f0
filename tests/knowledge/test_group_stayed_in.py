"""Leaving a candidate's group one was put in is the right step (boleh); staying in
it, even silent, is still being in it (SKB 2022 Lampiran II). The yes is for one who
says they left. Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


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
