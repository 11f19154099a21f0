"""A soldier or police officer asking about their own act beside a spouse outside the
civil service is still barred (knowledge-sources Part 1 §6): the yes written for a
non-ASN spouse never answers them. Asked about the spouse, the spouse's yes stays.
Questions written for this file."""

from __future__ import annotations

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


def test_the_soldiers_own_act_gets_no_yes(kb: KnowledgeBase) -> None:
    text = (
        "Saya prajurit TNI AD. Istri saya bukan PNS dan jadi caleg DPRD. Kalau saya ikut antar "
        "dia kampanye dan bantu pasang baliho di luar jam dinas, boleh?"
    )
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict == "dilarang", answer.match


def test_asked_about_the_spouse_the_spouses_yes_stays(kb: KnowledgeBase) -> None:
    text = "Saya TNI, istri saya bukan PNS. Dia boleh ikut kampanye caleg?"
    assert verdict_and_entry(kb, text) == ("boleh", "cakupan-pasangan-asn")
