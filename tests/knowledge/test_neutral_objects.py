"""An act forbidden toward a candidate is allowed toward a neutral object
(knowledge-sources Part 1 §7): CPNS and PPPK keep the vote, a pledge of neutrality
is the duty itself, the organiser's official content takes no side, and teaching
how to vote is education. The same act toward a candidate stays forbidden."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

ALLOWED = [
    # the vote: a status ("masa percobaan" reads as CPNS) is no career question here
    "cpns taun ini udah punya hak suara belum buat pilkada?",
    "my friend is a new CPNS, can she cast a ballot in the regional election?",
    "calon pegawai yang masih cpns boleh ikut nyoblos di tps?",
    # a pledge of neutrality
    "kami pegawai kecamatan disuruh baca ikrar netralitas pas apel senin, gapapa kan?",
    "is a pns allowed to put their name on the agency's pledge to stay neutral?",
    # the organiser's content, in English order
    "may a pns repost the election schedule from kpu",
    "is liking a bawaslu post about reporting violations ok for a civil servant",
    # teaching how to vote
    "guru sd pns mau praktek cara mencoblos yang benar di kelas pakai calon fiktif, boleh?",
]

FORBIDDEN = [
    "Bolehkah PNS ikut deklarasi dukungan untuk paslon bupati?",
    "pns ikut ikrar dukungan ke caleg partai, boleh?",
    "Can a civil servant sign a pledge of support for a candidate?",
    "Can a civil servant like a candidate's post?",
    "Can a civil servant share a candidate's campaign schedule?",
    "cpns boleh jadi tim sukses caleg?",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_an_act_toward_a_neutral_object_is_allowed(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "boleh", answer.match


@pytest.mark.parametrize("text", FORBIDDEN)
def test_the_same_act_toward_a_candidate_stays_forbidden(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "dilarang", answer.match
