"""An elected head named as a party cadre and asked whether they may take part in a
campaign: the party card is their standing, the campaigning is what is asked, and
they may, on leave and without state facilities (UU 7/2017 Pasal 281, UU 10/2016
Pasal 70 ayat (2)). Questions written for this file (not copied from any evaluation
set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "wali kota kami kader partai, boleh ikut kampanye cagub?",
        "bupati boleh ikut kampanye capres? kan dia kader partai juga",
        "Is our governor, a party cadre, allowed to join the campaign of his party's "
        "presidential candidate?",
    ],
)
def test_the_party_cadre_head_may_campaign_on_leave(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh_bersyarat", (text, entry)
    assert entry == "peran-kepala-daerah-kampanye", (text, entry)
