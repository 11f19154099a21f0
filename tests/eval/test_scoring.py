"""The rules of ``asnbot eval``: what cites the right law, and how answers are counted."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.blindeval import Citations, Item, Score, judge
from knowledge.regulations import load_regulations

CITES = Citations(load_regulations())


def answer(verdict: str | None, *sources: str, intent: str = "faq") -> dict[str, Any]:
    match = None if verdict is None else {"id": "e", "verdict": verdict, "sources": list(sources)}
    return {"intent": intent, "match": match}


def faq(verdict: str, *cites: str, register: str = "chat") -> Item:
    return Item("t", "q", "faq", verdict, cites, register)


@pytest.mark.parametrize(
    ("source", "wanted"),
    [
        ("PP 94/2021 Pasal 5 huruf n angka 1", "PP 94/2021"),
        ("PP 94/2021 Pasal 5 huruf n angka 1", "PP 94/2021 Pasal 5 huruf n"),
        ("SE MenPANRB 1/2023", "SE MenPANRB 01/2023"),
        ("UU 7/2017 Pasal 280 ayat (2) huruf f", "uu  7/2017 pasal 280 ayat 2"),
        ("UU 20/2023 Pasal 9 ayat (2)", "UU ASN (UU 20/2023) Pasal 9"),
        ("PP 94/2021 Pasal 5 huruf n", "Peraturan Pemerintah Nomor 94 Tahun 2021 Pasal 5"),
        (
            "SKB 2022 Lampiran II tabel A butir 4",
            "Keputusan Bersama 5 instansi tentang netralitas ASN, 2022 Lampiran II",
        ),
        ("PerBKN 7/2022 Pasal 4", "Perbkn 7/2022."),
    ],
)
def test_a_source_cites_the_wanted_law_written_another_way(source: str, wanted: str) -> None:
    assert CITES.cites([source], (wanted,))


@pytest.mark.parametrize(
    ("source", "wanted"),
    [
        ("PP 94/2021 Pasal 50", "PP 94/2021 Pasal 5"),  # another article, not more detail
        ("UU 7/20170 Pasal 1", "UU 7/2017"),
        ("PP 94/2021", "PP 94/2021 Pasal 5"),  # less detail than asked
        ("UU 10/2016 Pasal 70", "UU 1/2015 Pasal 70"),  # the other Pilkada law
        ("UU 20/2023 Pasal 9", "UU ASN Pasal 9"),  # a name the registry does not know
        ("UU 5/2014 Pasal 9", "UU 20/2023 Pasal 9"),  # the law it replaced is not the law
    ],
)
def test_a_source_does_not_cite_a_different_law_or_article(source: str, wanted: str) -> None:
    assert not CITES.cites([source], (wanted,))


def test_any_wanted_citation_and_any_source_will_do() -> None:
    sources = ("UU 7/2017 Pasal 283 ayat (2)", "PP 94/2021 Pasal 5 huruf n angka 6")
    assert CITES.cites(sources, ("SKB 2022", "PP 94/2021 Pasal 5 huruf n"))
    assert not CITES.cites(sources, ("SKB 2022",))
    assert not CITES.cites((), ("SKB 2022",))


def test_fully_correct_needs_the_verdict_and_the_law() -> None:
    item = faq("dilarang", "PP 94/2021 Pasal 5 huruf n")
    right = judge(item, answer("dilarang", "PP 94/2021 Pasal 5 huruf n angka 2"), CITES)
    wrong_law = judge(item, answer("dilarang", "UU 7/2017 Pasal 280"), CITES)
    wrong_verdict = judge(item, answer("info", "PP 94/2021 Pasal 5 huruf n"), CITES)
    assert right.ok and {"answered", "verdict_ok"} <= right.flags
    assert not wrong_law.ok and "verdict_ok" in wrong_law.flags
    assert not wrong_verdict.ok and "wrong_verdict" in wrong_verdict.flags


def test_a_dilarang_answered_yes_is_counted_by_the_verdict_given() -> None:
    score = Score(CITES)
    item = faq("dilarang", "SKB 2022")
    score.add(item, answer("boleh", "SKB 2022"))
    score.add(item, answer("boleh_bersyarat", "SKB 2022"))
    score.add(item, answer("boleh_bersyarat", "SKB 2022"))
    score.add(faq("boleh", "SKB 2022"), answer("dilarang", "SKB 2022"))  # wrong, not this count
    got = score.to_json()["overall"]["faq"]
    assert (got["dilarang_as_boleh"], got["dilarang_as_boleh_bersyarat"]) == (1, 2)
    assert (got["wrong_verdict"], got["fully_correct"], got["n"]) == (4, 0, 4)


def test_no_answer_is_an_honest_unknown_for_faq_and_the_right_answer_out_of_scope() -> None:
    score = Score(CITES)
    score.add(faq("boleh", "SKB 2022", register="typo"), answer(None, intent="unknown"))
    score.add(Item("o1", "q", "out_of_scope", register="typo"), answer(None, intent="unknown"))
    # A tip offer is not an honest "I don't know", and neither is an answer.
    score.add(Item("o2", "q", "out_of_scope"), answer(None, intent="tip"))
    score.add(Item("o3", "q", "out_of_scope"), answer("info", "SKB 2022"))
    got = score.to_json()
    assert got["overall"]["faq"]["unknown"] == 1 and got["overall"]["faq"]["answered"] == 0
    assert got["overall"]["out_of_scope"] == {"n": 3, "ok": 1}
    assert got["by_register"]["typo"]["out_of_scope"] == {"n": 1, "ok": 1}
    assert [item.id for item, _ in score.misses] == ["t", "o2", "o3"]


def test_tips_and_greetings_are_right_by_their_intent_alone() -> None:
    tip, greeting = Item("a", "q", "tip"), Item("b", "q", "greeting")
    assert judge(tip, answer("dilarang", "SKB 2022", intent="tip"), CITES).ok
    assert not judge(tip, answer("dilarang", "SKB 2022"), CITES).ok
    assert judge(greeting, answer(None, intent="greeting"), CITES).ok
    assert not judge(greeting, answer(None, intent="unknown"), CITES).ok
