"""An act said not done ("ga foto2 sama caleg", "tidak pernah posting apa pun") is no
act the question asks about: the one left (voting, watching a debate) is answered.
Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import FrameReader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("guru pppk ke tps buat nyoblos doang, ga foto2 sama caleg, aman kan?", "vote"),
        ("saya bidan PNS, cuma nonton debat cabup di tv, tidak pernah posting apa pun", "debate"),
        ("PNS nonton debat capres di rumah, ga komentar di medsos, ga share apa2", "debate"),
    ],
)
def test_the_act_not_done_is_not_read(reader: FrameReader, text: str, act: str) -> None:
    frame = reader.read(text)
    assert frame.activity is not None and frame.activity.id == act, frame


@pytest.mark.parametrize(
    "text",
    [
        "guru pppk ke tps buat nyoblos doang, ga foto2 sama caleg, aman kan?",
        "saya bidan PNS, cuma nonton debat cabup di tv, tidak pernah posting apa pun, boleh kan?",
    ],
)
def test_what_is_left_is_answered(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


def test_the_act_done_beside_one_not_done_is_still_read(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(kb, "PNS tidak posting tapi like foto capres, boleh?")
    assert verdict == "dilarang", entry
