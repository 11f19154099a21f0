"""A question that wants information about an act (its sanction, why it is
forbidden, what happens, who decides) is answered by an info entry when one
ranks close (framepick.prefer_info); one that asks "boleh …?" keeps its yes/no
answer; taking part in a campaign never gets the general rule on attending.
Questions written for this file, in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.framemap import rule_id


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


INFO = [
    "siapa yang memutuskan sanksi buat pns yang kampanye?",
    "kalau kades ikut kampanye paslon, apa akibatnya?",
    "kenapa menteri boleh kampanye tapi pns tidak?",
    "bagaimana proses pemeriksaan pns yang dilaporkan tidak netral?",
    "pppk ketahuan jadi pengurus partai, hukumannya apa?",
]


@pytest.mark.parametrize("question", INFO)
def test_an_information_question_gets_an_info_answer(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "info", (question, answer.match.id)


PERMISSION = [
    "pns boleh jadi pengurus partai gak? sanksinya apa?",
    "bolehkah kepala desa ikut kampanye paslon?",
    "asn boleh like postingan caleg?",
]


@pytest.mark.parametrize("question", PERMISSION)
def test_a_permission_question_keeps_its_verdict(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "dilarang", (question, answer.match.id)


def test_the_pppk_sanction_never_answers_a_pns(kb: KnowledgeBase) -> None:
    answer = kb.ask("Apakah PNS yang jadi pengurus partai diberhentikan dengan hormat atau tidak?")
    assert answer.match is None or answer.match.id != "sanksi-pppk"


@pytest.mark.parametrize(
    "question",
    [
        "pppk ikut konvoi paslon boleh",
        "dosen asn ngiring kampanye angsal?",
        "asn turun kampanye buat paslon boleh ga",
        "can a civil servant join a campaign rally?",
    ],
)
def test_taking_part_never_gets_the_rule_on_attending(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is None or answer.match.id != rule_id("attend_rally"), question
    assert answer.match is None or answer.match.verdict == "dilarang", question


@pytest.mark.parametrize(
    "question",
    [
        "sy kepsek, aula sekolah mau dipinjam caleg partai tertentu aja, boleh?",
        "may a headmaster lend the school hall only to one candidate?",
        "cagub kampanye di aula sekolah negeri boleh gak?",
    ],
)
def test_a_hall_for_one_side_or_in_pilkada_stays_forbidden(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == "dilarang", (question, answer.match.id)


def test_a_hall_for_all_sides_in_pemilu_is_allowed_with_conditions(kb: KnowledgeBase) -> None:
    answer = kb.ask("kepala kantor boleh izinkan semua caleg pakai aula bergantian tanpa atribut?")
    assert answer.match is not None
    assert answer.match.id == "pemilu-kampanye-kampus-fasilitas"
    assert answer.match.verdict == "boleh_bersyarat"
