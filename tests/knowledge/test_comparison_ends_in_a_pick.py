"""A comparison of the candidates that ends in one's own pick ("lalu menyebut paslon
terbaik", "say at the end which candidate is best") is no neutral content: it shows
the writer's choice (context own_choice), which the neutral-content entry never
answers. A neutral explainer keeps its yes. Phrasings written for this file, not
copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Saya PPPK, bolehkah membuat konten edukasi politik di Instagram yang mengulas "
        "program para paslon lalu menyebut paslon terbaik?",
        "aku pns, mau bikin konten edukasi di tiktok ngebandingin program capres, di akhir "
        "aku bilang mana yang menurut saya paling bagus. aman?",
    ],
)
def test_comparison_that_picks_a_side_is_not_neutral(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


def test_neutral_explainer_keeps_its_yes(kb: KnowledgeBase) -> None:
    text = "pns boleh bikin konten edukasi cara nyoblos yang benar di tiktok?"
    assert verdict_and_entry(kb, text) == ("boleh", "medsos-konten-netral")
