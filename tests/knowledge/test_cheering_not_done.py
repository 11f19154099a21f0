"""Cheering said not done ("tanpa ikut bersorak", "nggak ikut joget", "without chanting")
is no cheering: attending quietly keeps its yes with conditions, which the cheering
read from those words had turned into the ban on showing support there. Cheering
said done stays forbidden. Phrasings written for this file, not copied from any
evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import default_reader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Saya PNS, kemarin datang ke kampanye cagub, duduk saja tanpa ikut bersorak. Boleh?",
        "aku pppk dateng ke kampanye cuma nonton, nggak ikut joget, aman kan?",
        "Tetangga saya PNS hadir di kampanye bupati, tidak ikut bersorak dan tanpa atribut. "
        "Itu boleh?",
    ],
)
def test_cheering_said_not_done_is_not_read(kb: KnowledgeBase, text: str) -> None:
    assert "cheers" not in default_reader().read(text).context_ids, text
    assert verdict_and_entry(kb, text)[0] == "boleh_bersyarat", text


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh dateng kampanye terus ikut joget di depan panggung?",
        "saya PNS, bukan cuma hadir, tapi ikut bersorak waktu kampanye paslon. Boleh?",
    ],
)
def test_cheering_said_done_stays_forbidden(kb: KnowledgeBase, text: str) -> None:
    assert "cheers" in default_reader().read(text).context_ids, text
    assert verdict_and_entry(kb, text)[0] == "dilarang", text
