"""A village head, village official or BPD member who urges residents to vote for a
candidate is answered by their own entry (UU Pemilu, UU Pilkada, UU Desa), not by a
civil servant's ban (PP 94/2021): the vote named ("ngajak warga nyoblos") is the one
urged, which kept the village entry out by its never-rule on voting. One's own vote
keeps its yes. Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "Perbekel di desa kami mengajak warga untuk mencoblos calon bupati nomor 1, "
        "apakah itu boleh?",
        "pak kades ngajak warga nyoblos paslon 2 pas rapat desa, boleh?",
        "anggota BPD mengimbau warga coblos caleg partainya, boleh?",
        "Kuwu ngumpulin warga terus ngajak nyoblos calon bupati, oleh ora?",
        "can a village head urge residents to vote for candidate number 2?",
    ],
)
def test_village_head_urging_a_vote_gets_the_village_entry(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("dilarang", "cakupan-kades"), text


@pytest.mark.parametrize(
    "text",
    ["kades boleh nyoblos kan?", "perangkat desa tetap punya hak pilih di pilkada?"],
)
def test_village_heads_own_vote_keeps_its_yes(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "cakupan-hak-pilih-non-asn"), text


def test_voting_beside_urging_still_answers_the_vote_for_a_pppk(kb: KnowledgeBase) -> None:
    text = "pppk boleh nyoblos tapi gak boleh ngajak warga nyoblos kan?"
    assert verdict_and_entry(kb, text)[0] == "boleh"
