"""Whose act, when the question sets two people apart: the writer who is not a civil
servant beside a relative who is ("istri saya ASN, sedangkan saya bukan"), a relative
described outside the service and asked about ("kakak saya wiraswasta, apakah kakak
saya diperbolehkan …"), and a WhatsApp group named for a candidate with a word of
kinship ("grup 'Sedulur Caleg …'"), which is the candidate's campaign group, not the
writer's family. Questions written for this file (not copied from any evaluation
set), in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry

# The writer sets themself apart from the civil servant (or village head) just named:
# their own campaigning is free (the rules bind ASN; UU 7/2017 Pasal 280 ayat (2)).
WRITER_APART = [
    "Suamiku PPPK tapi aku wiraswasta, aku boleh jd relawan capres?",
    "Bapak saya guru PNS sedangkan saya cuma pedagang. boleh saya pasang stiker caleg?",
    "My father is a village head, but I'm not. Can I join a campaign team for a DPR candidate?",
]

# A relative described outside the civil service, and the question asks about them.
RELATIVE_APART = [
    "kakak saya wiraswasta, apakah kakak saya diperbolehkan jadi timses?",
    "Suami saya petani. Suami saya bisa jadi saksi partai? saya guru PNS",
    "adikku masih kuliah, adikku boleh ikut konvoi kampanye capres? aku sendiri PNS",
]


@pytest.mark.parametrize("text", WRITER_APART + RELATIVE_APART)
def test_the_non_asn_family_members_own_act_is_free(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


@pytest.mark.parametrize("text", WRITER_APART[:2] + RELATIVE_APART[:2])
def test_the_freedom_cites_the_campaign_law_list(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert any(s.startswith("UU 7/2017 Pasal 280") for s in answer.match.sources), answer.match


# The relative who is the civil servant, asked about, keeps the ban.
@pytest.mark.parametrize(
    "text",
    [
        "Istri saya PNS, saya bukan. Boleh istri saya ikut kampanye caleg?",
        "anak saya PNS, anak saya boleh jadi timses saya?",
    ],
)
def test_the_civil_servant_relative_asked_about_keeps_the_ban(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "saya PNS, boleh jadi admin grup WA Keluarga Besar Caleg Pak Budi?",
        "pns gabung grup wa 'Sedulur Cabup Hartono' boleh ga",
        "Aku PPPK, dimasukin ke grup Sahabat Capres sama temen, boleh tetap di situ?",
    ],
)
def test_a_group_named_for_a_candidate_is_a_campaign_group(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


# The writer says they are the civil servant and asks, in the same breath, about an
# act of their own named after the "may"-word, beside a relative who is not ASN and
# runs: the relative's freedom is not theirs (the civil servant whose spouse runs may
# not campaign: knowledge-sources, CLTN / not campaigning).
@pytest.mark.parametrize(
    "text",
    [
        "istri saya pedagang, dia nyaleg DPRD. aku guru PPPK boleh ikut bantu kampanyenya?",
        "bojoku dodolan, arep nyaleg. aku PNS oleh melu kampanye?",
        "Suami sy karyawan swasta maju caleg, sy asn blh bantuin kampanye dia ga?",
    ],
)
def test_the_civil_servant_asking_about_their_own_act_keeps_the_ban(
    kb: KnowledgeBase, text: str
) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


# ...while the question plainly about the non-ASN relative keeps the relative's yes.
@pytest.mark.parametrize(
    "text",
    [
        "Saya PNS, suami saya wiraswasta. Boleh suami saya ikut kampanye?",
        "saya pns, boleh ga istri saya jadi relawan caleg? dia ibu rumah tangga",
        "istriku ibu rumah tangga mau jadi tim sukses caleg, aku pns, boleh?",
    ],
)
def test_the_non_asn_relative_asked_about_keeps_the_yes(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


# The relative asked about was named as the civil servant earlier, and the writer set
# themself apart: the question is the civil servant's (a campaign volunteer: forbidden).
@pytest.mark.parametrize(
    "text",
    [
        "Suami saya PPPK, saya ibu rumah tangga. Suami saya boleh ikut kampanye capres nggak?",
        "Bapak saya ASN, saya sendiri mahasiswa. Apakah bapak saya boleh menjadi relawan capres?",
        "My mum is a civil servant but I am not. Can my mum volunteer for a presidential candidate",
        "Ibu saya PNS tapi saya bukan. Ibu saya boleh menjadi relawan salah satu paslon?",
    ],
)
def test_the_civil_servant_relative_named_before_keeps_the_ban(
    kb: KnowledgeBase, text: str
) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)
