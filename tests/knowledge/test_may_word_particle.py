"""A "may"-word's particle typed apart ("bisa nya kutolak?", "boleh nya saya tolak?")
is read as the "may"-word itself: the phrases of refusing an order know "bisa kutolak",
and the particle between hid the refusal, so the one asking whether they may refuse
an order to campaign was told the order's ban. Phrasings written for this file, not
copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import default_reader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "kabid nyuruh kami pasang baliho petahana di kantor, boleh nya saya tolak?",
        "atasan nyuruh staf datang ke kampanye cabup, bisa nya kutolak?",
    ],
)
def test_refusing_with_the_particle_apart_is_refusing(kb: KnowledgeBase, text: str) -> None:
    assert "refuses" in default_reader().read(text).context_ids, text
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-menolak-ajakan-kampanye"), text


def test_the_particle_apart_changes_no_act(kb: KnowledgeBase) -> None:
    text = "pns boleh nya ikut kampanye cabup hari minggu?"
    assert verdict_and_entry(kb, text)[0] == "dilarang"
