""" "Does the rule bind a CPNS / a retiree?" asked with an act named is about that act
(the writers' convention: the act's verdict, not the coverage info): a CPNS may not
like or put up a candidate's stickers, a retiree may campaign. Asked about the
penalty, the CPNS entries still answer. Questions written for this file (not copied
from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ayah saya sudah pensiun dari PNS, mau jadi jurkam caleg, apa masih kena aturan netral?",
            "boleh",
        ),
        ("Saya CPNS, apakah larangan like postingan calon juga berlaku untuk saya?", "dilarang"),
        (
            "aku masih cpns, aturan netral berlaku juga ga kalo aku pasang stiker caleg di motor?",
            "dilarang",
        ),
    ],
)
def test_coverage_with_an_act_gets_the_acts_verdict(
    kb: KnowledgeBase, text: str, want: str
) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == want, (text, entry)


def test_the_penalty_asked_stays_information(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(
        kb, "Saya CPNS, kalau ketahuan posting dukungan capres, bisa batal diangkat?"
    )
    assert verdict == "info", entry
