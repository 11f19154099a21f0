"""A civil servant asking whether they may vote gets the yes, however the question is
dressed: a penalty feared rather than asked after ("takut kena sanksi"), a Balinese
greeting whose "Om" is no uncle, Minang "manyoblos", the forces named only as a
comparison the other way round. Running while refusing to resign stays the ban.
Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "aku guru pns, boleh ikut nyoblos pilkada ga? takut kena sanksi soalnya",
        "Om swastiastu, tiang PNS ring kantor camat. Dados tiang nyoblos ring pemilu?",
        "Ambo PNS di kantor dinas, buliah ambo manyoblos pilkada beko?",
        "may a PNS vote in the regional election, unlike the police and the military?",
        "I'm a PPPK nurse. Can I vote for president? I'm worried about sanctions.",
    ],
)
def test_a_civil_servant_may_vote(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "boleh", (text, match)


def test_a_feared_penalty_is_not_read_back_as_asking_the_penalty(kb: KnowledgeBase) -> None:
    answer = kb.ask("aku guru pns, boleh ikut nyoblos pilkada ga? takut kena sanksi soalnya")
    assert "sanksi" not in answer.frame.text()


def test_the_penalty_asked_stays_a_penalty_question(kb: KnowledgeBase) -> None:
    match = kb.ask("pns like status caleg kena sanksi apa?").match
    assert match is not None and match.verdict == "info"


@pytest.mark.parametrize(
    "text",
    [
        "asn nyalon dprd tapi gak mau mundur, boleh?",
        "pppk daftar cabup tp ga mau resign dulu, bisa kan?",
    ],
)
def test_running_while_refusing_to_resign_is_the_ban(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.id == "calon-tanpa-mundur", (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "saya tentara aktif, boleh nyoblos di tps ga?",
        "Sa polisi aktif, sa boleh pi coblos di TPS ka tra?",
    ],
)
def test_a_serving_soldier_asking_to_vote_at_the_polling_station_is_told_no(
    kb: KnowledgeBase, text: str
) -> None:
    # "TPS" alone is a word of subjects we do not cover (the voter list); the forces'
    # entry speaks of it, so the question is not left unanswered
    match = kb.ask(text).match
    assert match is not None and match.verdict == "dilarang", (text, match)
