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


# A negation covers every act joined to the one it denies ("ga komen atau share", "I
# don't comment or share"): none of them is read as done.
@pytest.mark.parametrize(
    "text",
    [
        "I don't comment or share, I only read posts from a candidate. I'm a civil servant, ok?",
        "As a civil servant I only vote, I never like or share candidates' posts. Fine?",
        "sy guru pppk cuma nyoblos di tps, ga foto atau posting apa2, aman kan?",
        "Abdi PNS, nonton debat cagub di tipi, teu komen atawa share nanaon, kenging?",
    ],
)
def test_acts_joined_to_one_not_done_are_not_read(reader: FrameReader, text: str) -> None:
    frame = reader.read(text)
    assert not {"comment", "share", "like", "photo", "post"} & {a.id for a in frame.activities}


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        (
            "I don't comment or share, I only read posts from a candidate. "
            "I'm a civil servant, is that ok?",
            "medsos-baca-berita",
        ),
        ("As a civil servant I only vote, I never like or share candidates' posts. Fine?", None),
        ("sy guru pppk cuma nyoblos di tps, ga foto atau posting apa2, aman kan?", "boleh-memilih"),
    ],
)
def test_only_what_is_done_is_answered(kb: KnowledgeBase, text: str, entry: str | None) -> None:
    verdict, got = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, got)
    assert entry is None or got == entry, (text, got)


def test_a_negation_that_asks_still_reads_the_joined_acts(reader: FrameReader) -> None:
    frame = reader.read("boleh tidak like dan share postingan capres?")
    assert {"like", "share"} <= {a.id for a in frame.activities}, frame
