""" "What is the sanction for …?" about joining a campaign (PP 94/2021 Pasal 5 huruf n
angka 1), which has no sanction entry of its own, is answered by the medium
disciplinary level with its caveat (frames.toml), never by the act's dilarang entry;
"boleh …?" keeps its ban. Questions written for this file, in several
registers, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry

SANCTION = [
    ("sanksine pns melu kampanye caleg apa to?", "disiplin-hukuman-sedang"),
    ("guru pns ikut pawai kampanye pilkada, hukumannya apa ya", "disiplin-hukuman-sedang"),
    (
        "what is the penalty for a civil servant who joins a campaign convoy?",
        "disiplin-hukuman-sedang",
    ),
]


@pytest.mark.parametrize(("question", "entry"), SANCTION)
def test_the_sanction_of_an_act_is_its_disciplinary_level(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    assert verdict_and_entry(kb, question) == ("info", entry)


@pytest.mark.parametrize(
    "question",
    [
        "pns boleh ngerahin staf ke kampanye gak?",
        "bolehkah asn ikut konvoi kampanye caleg?",
    ],
)
def test_asking_whether_keeps_the_ban(kb: KnowledgeBase, question: str) -> None:
    assert verdict_and_entry(kb, question)[0] == "dilarang"


def test_a_pppk_is_not_given_the_pns_heavy_level(kb: KnowledgeBase) -> None:
    verdict, entry = verdict_and_entry(kb, "pppk kerahkan staf ke kampanye sanksinya apa")
    assert verdict == "info" and entry != "disiplin-hukuman-berat"
