"""The word "mengingat …" at a clause's start is "considering …", not reminding someone: it shares
the root "ingat" with "mengingatkan" (context reminds_other), and read so, a share to
a family group was let through as "someone else posts, I remind them" (a yes with
conditions for a forbidden act). Reminding said outright keeps its reading.
Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import default_reader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Saya guru PNS, bolehkah saya membagikan video kampanye caleg ke grup WA alumni, "
        "mengingat grup itu bukan grup kantor?",
        "Saya PNS, boleh nggak saya meneruskan ajakan coblos caleg ke grup keluarga, "
        "mengingat isinya keluarga sendiri?",
    ],
)
def test_own_share_considering_who_is_in_the_group_is_forbidden(
    kb: KnowledgeBase, text: str
) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "Apakah ASN boleh membagikan flyer paslon di grup RT, mengingat grup itu hanya "
        "berisi tetangga?",
        "sy pns, blh ikut kampanye caleg hari minggu ga, mengingat itu hari libur?",
        "Saya teringat atasan pernah bilang PNS boleh kampanye di luar jam kerja, benar?",
    ],
)
def test_considering_or_remembering_is_not_reminding(text: str) -> None:
    assert "reminds_other" not in default_reader().read(text).context_ids, text


def test_reminding_a_colleague_keeps_its_reading(kb: KnowledgeBase) -> None:
    text = "saya PNS, boleh ingatkan rekan yang share poster caleg di grup kantor?"
    assert "reminds_other" in default_reader().read(text).context_ids
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-ingatkan-rekan")
