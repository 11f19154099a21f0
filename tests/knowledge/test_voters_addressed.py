"""Pupils or residents described by their vote ("murid yang udah punya hak pilih",
"sing wis nduwe hak pilih") are the audience of what the one asking does: their
"hak pilih" is no vote of the writer's, and was read as one, which gave a teacher who
presents the candidate he likes to such pupils the general yes on voting. One's own
vote keeps its yes. Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import default_reader
from tests.knowledge.answers import verdict_and_entry


def test_teacher_presenting_a_candidate_to_voting_pupils_is_no_vote(kb: KnowledgeBase) -> None:
    text = (
        "Aku guru PNS, aku pengin nerangke program cagub sing tak senengi nang murid "
        "sing wis nduwe hak pilih, oleh?"
    )
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict == "dilarang", answer.match


@pytest.mark.parametrize(
    "text",
    [
        "saya guru PNS, boleh cerita capres jagoan saya ke siswa yang sudah punya hak pilih?",
        "guru pppk ngomongin paslon ke murid kelas 12 yg udah punya hak pilih, aman?",
    ],
)
def test_the_pupils_vote_is_not_read_as_the_teachers(text: str) -> None:
    frame = default_reader().read(text)
    assert "vote" not in {a.id for a in frame.activities}, text


@pytest.mark.parametrize(
    "text",
    ["PNS tetep punya hak pilih kan?", "aku guru pns, boleh gak nyoblos di tps deket sekolah?"],
)
def test_ones_own_vote_keeps_its_yes(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-memilih"), text
