"""A spouse who is "not a PNS but a PPPK" is a civil servant all the same: the free
yes for a relative outside the service never answers it. Phrasings written for this
file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "Istri saya tidak PNS tapi PPPK, boleh dia ikut relawan capres?",
        "suami saya bukan PNS tapi PPPK, boleh jadi timses?",
        "my wife is not a PNS but a PPPK, can she volunteer for a candidate?",
        # read from the clause, not from a list of phrases
        "istri saya bukan PNS tapi pegawai PPPK, boleh ikut kampanye?",
        "bojoku ora PNS nanging PPPK, oleh melu kampanye?",
        "suami saya bukan PNS tetapi guru PPPK, boleh jadi timses?",
        "istri saya bukan pns namun pppk, boleh ikut kampanye caleg?",
        "my husband is not a PNS, he is a PPPK, can he join a campaign team?",
    ],
)
def test_a_pppk_relative_is_not_told_the_relatives_yes(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "dilarang", (text, match)


def test_a_relative_outside_the_service_keeps_the_yes(kb: KnowledgeBase) -> None:
    match = kb.ask("suami saya bukan PNS, dia pedagang, boleh jadi timses?").match
    assert match is not None and match.verdict == "boleh"


def test_the_writers_own_status_is_not_the_relatives(kb: KnowledgeBase) -> None:
    # "bukan ASN, saya PNS": the status after is the writer's, not one named instead
    match = kb.ask("anak sy bkn asn, sy pns. anak sy blh jd timses caleg ga?").match
    assert match is not None and match.verdict == "boleh"
