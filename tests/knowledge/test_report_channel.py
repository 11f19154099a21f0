"""Where to report follows the sources' routing (knowledge-sources Part 2 §4.5): a
campaigning civil servant is reported first to Bawaslu; BKN's SBT answers only when
BKN's channel is named (its app, or the NIK/NIP it asks for). Phrasings written for
this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "gmn caranya lapor pns yg kampanye?",
        "cara lapor pns kampanye gmn",
        "kek mana lapor pns kampanye",
    ],
)
def test_reporting_a_campaigning_civil_servant_is_not_bkns_app(
    kb: KnowledgeBase, text: str
) -> None:
    match = kb.ask(text).match
    assert match is not None and match.id != "lapor-sbt-bkn", text
    assert match.id.startswith("lapor-"), (text, match.id)


@pytest.mark.parametrize(
    "text",
    [
        "lapor pns kampanye lewat sbt bkn gimana",
        "saya tahu NIP pns yang kampanye, lapor ke mana?",
        "How do I use BKN's SBT to report a civil servant?",
    ],
)
def test_bkns_channel_named_gets_the_sbt_answer(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.id == "lapor-sbt-bkn", (text, match)
