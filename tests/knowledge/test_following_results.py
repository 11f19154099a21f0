"""Following the count: a civil servant watching the quick count or checking the
official recapitulation takes no side (medsos-baca-berita, boleh-info-penyelenggara);
the count asked about alone stays out of scope, and an act beside it keeps its ban."""

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh nonton quick count di tv?",
        "sy pppk tiap malem mantengin real count di hp, melanggar ga?",
        "Apakah ASN boleh memantau hasil hitung cepat pemilu melalui televisi?",
        "can a civil servant watch the quick count on TV?",
        "asn cek hasil rekapitulasi di website kpu, aman kan?",
    ],
)
def test_following_the_count_is_allowed(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)
    assert entry in ("medsos-baca-berita", "boleh-info-penyelenggara"), (text, entry)


@pytest.mark.parametrize(
    "text",
    ["siapa yang menang quick count pilpres kemarin?", "hasil hitung cepat pilkada jabar gimana?"],
)
def test_the_count_alone_is_not_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None, text


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh posting hasil quick count sambil ucapin selamat ke calon yang menang?",
        "asn boleh share quick count paslon 02 menang di grup wa kantor?",
        "pns boleh ikut syukuran kemenangan caleg setelah lihat hasil quick count?",
    ],
)
def test_an_act_beside_the_count_keeps_its_ban(kb: KnowledgeBase, text: str) -> None:
    verdict, _ = verdict_and_entry(kb, text)
    assert verdict == "dilarang", text
