""" "Which law says so?" ("dasar hukum …", "diatur dalam undang-undang apa?", "what
law …") asks for the rule's source: an info entry that names it answers, where one
ranks close, not the yes/no entry on the act; "boleh …?" keeps its verdict. Questions
written for this file, in several registers, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "question",
    [
        "landasan hukum pns jadi anggota pps apa ya?",
        "what law lets a civil servant sit on a KPPS?",
        "larangan pns jadi pengurus partai diatur dalam uu apa?",
        "cuti di luar tanggungan negara buat pns yang dampingi suami nyalon diatur di mana?",
    ],
)
def test_which_law_is_an_information_question(kb: KnowledgeBase, question: str) -> None:
    assert verdict_and_entry(kb, question)[0] == "info"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("pns boleh jadi kpps?", "boleh_bersyarat"), ("asn boleh jadi pengurus partai?", "dilarang")],
)
def test_asking_whether_keeps_its_verdict(kb: KnowledgeBase, question: str, verdict: str) -> None:
    assert verdict_and_entry(kb, question)[0] == verdict
