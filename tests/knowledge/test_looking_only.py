"""Looking without acting ("cuma lihat, ga like ga komen") is allowed; an act told as
done beside a denied one ("cuma like doang, ga komen") is not looking without acting.
Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh lihat lihat akun capres asal nggak like?",
        "saya pppk, status cabup sering lewat di wa, cuma saya lihat, ga like ga komen, aman?",
        "kulo PNS, namung ningali postingan caleg, mboten nge-like, angsal?",
        "As a civil servant I scroll past the candidates' posts without liking or sharing, ok?",
        "Apakah guru ASN melanggar jika hanya melihat unggahan capres tanpa memberi like?",
    ],
)
def test_looking_without_acting_is_allowed(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert (verdict, entry) == ("boleh", "medsos-baca-berita"), text


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # (these were told "boleh" as looking without acting: "ga komen" named it)
        ("pns cuma like doang ga komen boleh?", "medsos-like-calon"),
        ("sy pns cm share g komen boleh ga", "medsos-share-calon"),
        ("asn ngeshare postingan caleg tapi tidak komen apa2, aman kan?", "medsos-share-calon"),
    ],
)
def test_an_act_told_as_done_is_the_question(kb: KnowledgeBase, text: str, entry: str) -> None:
    assert verdict_and_entry(kb, text) == ("dilarang", entry), text


def test_another_act_told_as_done_drops_the_looking(kb: KnowledgeBase) -> None:
    answer = kb.ask("saya pns ga komen, ga posting apa2, cuma dateng ke kampanye boleh?")
    assert answer.frame is not None and not answer.frame.has("no_interaction")
    assert answer.match is None or answer.match.id != "medsos-baca-berita"


def test_acts_listed_after_a_negation_are_all_denied(kb: KnowledgeBase) -> None:
    # (a comma, gone once the words are read, joins "follow" to the denied "like")
    text = "PPPK boleh buka akun medsos cagub, asal tidak like, follow?"
    assert verdict_and_entry(kb, text) == ("boleh", "medsos-baca-berita")


@pytest.mark.parametrize(
    "text",
    ["saya pns suka nonton debat capres di tv, boleh?", "aku asn suka ngikutin berita pilkada"],
)
def test_a_habit_of_watching_is_not_a_like(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.frame is not None
    assert "like" not in {a.id for a in answer.frame.activities}, answer.frame.text()
    assert answer.match is not None and answer.match.verdict == "boleh"
