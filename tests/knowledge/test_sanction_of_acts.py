""" "What is the sanction for …?" about a supporting act of PP 94/2021 Pasal 5 huruf n
that has no sanction entry of its own is answered by the disciplinary level the act
carries (frames.toml: mobilising other civil servants and events showing support are
heavy, joining a campaign medium), never by the act's
dilarang entry; "boleh …?" keeps its ban. Questions written for this file, in several
registers, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry

SANCTION = [
    ("kalau pns ngerahin anak buahnya ke kampanye cagub, sanksinya apa?", "disiplin-hukuman-berat"),
    (
        "apa hukuman bagi ASN yang memobilisasi pegawai lain menghadiri kampanye?",
        "disiplin-hukuman-berat",
    ),
    (
        "what penalty does a pns face for mobilising colleagues to a campaign event?",
        "disiplin-hukuman-berat",
    ),
    ("sanksine pns melu kampanye caleg apa to?", "disiplin-hukuman-sedang"),
    ("guru pns ikut pawai kampanye pilkada, hukumannya apa ya", "disiplin-hukuman-sedang"),
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
