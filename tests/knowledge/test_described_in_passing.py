"""A rank or a workplace said in passing describes the person asking ("Aku PNS
golongan III di …", "ayah saya PNS di kantor pajak", "istri saya pegawai bank"): it is
not the subject asked. Pay, rank and tax are subjects we do not cover, so a word of
theirs used to turn a neutrality question into "I don't know". Asked as the subject
("gaji PNS golongan III/b berapa?", "naik golongan III ke IV"), they still get no
answer. Questions written for this file, in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.normalize import Normalizer
from tests.knowledge.answers import verdict_and_entry

_norm = Normalizer()

DESCRIBED = [
    (
        "Aku PNS golongan III di dinas pertanian, ditawarin partai jadi caleg DPRD. Boleh gak "
        "PNS nyaleg?",
        "boleh_bersyarat",
    ),
    ("Saya PNS gol. III/c, apakah saya boleh menjadi anggota partai politik?", "dilarang"),
    ("Kulo PNS golongan IV/a, angsal dados tim sukses caleg?", "dilarang"),
    ("I'm a PNS golongan III/b. Can I share a candidate's campaign video on Facebook?", "dilarang"),
    ("Bapak saya PNS di kantor pajak, boleh dia pasang baliho caleg di depan rumah?", "dilarang"),
]

ASKED = [
    "gaji PNS golongan III/b berapa?",
    "syarat naik golongan III ke IV apa aja",
    "jam buka kantor pajak hari sabtu?",
]


@pytest.mark.parametrize(("text", "verdict"), DESCRIBED)
def test_a_rank_or_workplace_in_passing_leaves_the_question_answered(
    kb: KnowledgeBase, text: str, verdict: str
) -> None:
    assert verdict_and_entry(kb, text)[0] == verdict, text


@pytest.mark.parametrize("text", ASKED)
def test_pay_rank_and_tax_asked_as_such_stay_unanswered(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None, text


def test_a_rank_beside_pay_is_part_of_the_pay_question(kb: KnowledgeBase) -> None:
    """Not even a "did you mean": the rank is what the pay question is about."""
    answer = kb.ask("berapa gaji pokok PNS golongan III/a sekarang?")
    assert answer.match is None and answer.suggestions == ()


def test_the_rank_goes_only_where_it_describes() -> None:
    assert "golongan" not in _norm.words("sy pns gol 3a mau nanya")
    assert "golongan" in _norm.words("kapan naik golongan III?")
    assert "golongan" in _norm.words("golongan darah O boleh donor?")
