"""Chanting a side's yel-yel at a rally is showing support, forbidden whatever one
wears; saying one does not chant keeps the passive attendance answer. Phrasings
written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "boleh gak pppk ikut yel-yel paslon di kampanye akbar, kan ga pake kaos partai",
        "pns nyanyi yel2 capres pas rapat umum, asal ga bawa atribut aman kan?",
    ],
)
def test_chanting_is_not_passive_attendance(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is None or match.verdict == "dilarang", (text, match)


def test_not_chanting_stays_passive(kb: KnowledgeBase) -> None:
    match = kb.ask("aku pns, boleh dateng kampanye asal diem, ga bawa atribut, ga ikut yel2?").match
    assert match is not None and match.id == "boleh-hadir-kampanye-pasif", match
