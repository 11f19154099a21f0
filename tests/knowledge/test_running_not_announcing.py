"""Running for regional head is allowed on condition of resigning (the resign-to-run
entry, boleh bersyarat); announcing one's own candidacy while still serving is the
ban of skb-deklarasi-diri. "Mencalonkan diri sebagai bupati" asks the first.
Phrasings written for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "apakah pns boleh mencalonkan diri sebagai bupati",
        "bolehkah asn mencalonkan diri sebagai wakil gubernur?",
        "Can a PNS run for deputy mayor?",
    ],
)
def test_running_for_office_is_the_resign_to_run_answer(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "boleh_bersyarat", (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "pns pasang spanduk dirinya sendiri siap maju bupati, padahal masih aktif",
        "asn umumin ke warga mau nyalon walikota, boleh?",
        "Can a civil servant declare himself a candidate for regent while still serving?",
    ],
)
def test_announcing_ones_own_candidacy_is_the_ban(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "dilarang", (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "Bolehkah PNS aktif mencalonkan diri sebagai bupati?",
        "pppk yang masih aktif mau nyaleg dprd kota, boleh?",
        "Can a serving civil servant run for mayor?",
    ],
)
def test_running_while_still_serving_is_the_ban(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.id == "calon-tanpa-mundur", (text, match)


@pytest.mark.parametrize(
    "text",
    [
        "pns masih aktif boleh ikut kampanye?",
        "asn aktif boleh like postingan caleg?",
        "sebelum pensiun boleh gak pns jadi relawan capres",
    ],
)
def test_still_serving_is_not_read_back_as_without_resigning(kb: KnowledgeBase, text: str) -> None:
    # "masih aktif" steers a running question to the ban, but a person asking about
    # campaigning said nothing about resigning: the understood line must not say so
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "dilarang", (text, answer.match)
    understood = answer.frame.text()
    assert understood and "mengundurkan" not in understood, (text, understood)
