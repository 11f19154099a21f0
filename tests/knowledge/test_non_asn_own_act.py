"""Someone the civil-service rules no longer (or never) bind, asking about their own act
or asked about by a relative: a retiree or one whose resignation took effect, a
relative said to be outside the service who "wants" to do something, a housewife
beside a civil-servant husband. Their own campaigning is free (knowledge-sources
Part 3 §9; Part 1 §7); the civil servant beside them keeps the ban. Questions written
for this file (not copied from any evaluation set), in several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.intent import detect_intent
from knowledge.normalize import Normalizer
from tests.knowledge.answers import verdict_and_entry

_norm = Normalizer()

# Asked on a retired relative's behalf: a question, not an account of what they did
# ("beliau" and "sejak tahun lalu" tell no event; "pensiunan PNS" is no one serving).
FOR_A_RETIREE = [
    "Bapak saya pensiunan PNS. Apakah beliau boleh menjadi tim sukses?",
    "Ibu saya pensiunan guru PNS, beliau boleh jadi relawan caleg ga?",
    "Ayah saya pensiunan PNS golongan III sejak 2021; apakah beliau diperbolehkan menjadi juru "
    "kampanye?",
    "Ibu saya pensiunan guru PNS, apakah beliau dibolehkan jadi relawan caleg?",
]

# The writer retired or resigned "from" the service (the status named is the one left).
SELF_LEFT = [
    "Emak aye udah pensiun dari PNS taun kemaren, boleh kagak die ikut kampanye caleg?",
    "Kula sampun pensiun saking ASN, angsal dados saksi partai teng TPS?",
    "My resignation from the civil service was approved last month. May I now join a "
    "party's campaign team?",
]

# A relative said to be outside the service who wants to do the act.
RELATIVE_INTENDS = [
    "istri saya bukan PNS, mau jadi relawan capres, boleh?",
    "Bapak mertua saya petani, pengen pasang spanduk caleg di sawahnya, boleh ga?",
    "Istri saya pedagang dan bukan ASN. Dia ingin menempel stiker capres di etalase "
    "tokonya. Saya PNS. Apakah istri saya boleh?",
]

# The writer a housewife ("ibu rumah tangga" is no mother) beside a civil servant.
HOUSEWIFE_APART = [
    "Suami saya guru PNS, sedangkan saya ibu rumah tangga. Boleh saya pasang baliho caleg "
    "di rumah orang tua saya?",
    "Istri saya PPPK, saya sendiri ibu rumah tangga eh bapak rumah tangga, boleh ikut kampanye?",
]


@pytest.mark.parametrize("text", FOR_A_RETIREE)
def test_asking_for_a_retired_relative_is_a_question(text: str) -> None:
    assert detect_intent(_norm.words(text), asked="?" in text).kind == "question", text


@pytest.mark.parametrize("text", FOR_A_RETIREE + SELF_LEFT + RELATIVE_INTENDS + HOUSEWIFE_APART)
def test_the_unbound_persons_own_act_is_free(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


# The civil servant keeps the ban, beside a relative outside the service or a retiree,
# and an account of what a serving relative did stays a tip.
@pytest.mark.parametrize(
    "text",
    [
        "Saya PNS, istri saya ibu rumah tangga. Boleh saya ikut kampanye bareng dia?",
        "adik saya mahasiswa ingin ikut kampanye, boleh saya ikut juga? saya pns",
        "pns yang mau mundur dari pns buat nyaleg boleh ga?",
    ],
)
def test_the_civil_servant_beside_them_keeps_the_ban(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "bapakku pns, kemarin dia ikut kampanye caleg, boleh ga sih?",
        "mantan kades di kampung kami kemarin bagi-bagi amplop dari caleg",
    ],
)
def test_an_account_of_an_act_stays_a_tip(text: str) -> None:
    assert detect_intent(_norm.words(text), asked="?" in text).kind == "tip", text


# The writer sets themself apart before naming the civil-servant relative ("saya
# pedagang, suami saya PNS"), or says where they work outside the service.
WRITER_FIRST = [
    "saya pedagang, suami saya PNS. boleh saya jadi saksi partai?",
    "aku karyawan swasta, istriku guru PNS. aku boleh pasang baliho caleg di tokoku?",
    "Saya bukan ASN, saya kerja di perusahaan swasta. Suami saya PNS. Saya boleh jadi relawan "
    "caleg?",
]


@pytest.mark.parametrize("text", WRITER_FIRST)
def test_the_writer_set_apart_first_is_free(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)


@pytest.mark.parametrize(
    "text",
    [
        "saya pedagang, suami saya PNS. boleh dia jadi saksi partai?",
        "saya PNS, suami saya pedagang. boleh saya jadi saksi partai?",
    ],
)
def test_the_civil_servant_asked_about_after_the_writer_keeps_the_ban(
    kb: KnowledgeBase, text: str
) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


# What someone else's act costs them, asked for information: the sanction entry says,
# not the ban (a village head's removal or prison, an official's criminal offence).
@pytest.mark.parametrize(
    "text",
    [
        "Perangkat desa yang jadi timses caleg bisa masuk penjara gak?",
        "lurah yg bikin kebijakan nguntungin salah satu paslon itu masuk pidana pilkada ga?",
        "kepala desa yang kampanye bisa dicopot dari jabatannya?",
    ],
)
def test_the_sanction_of_anothers_act_is_information(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "info", (text, entry)


# The forces named beside a civil servant who asks about voting: the civil servant votes.
@pytest.mark.parametrize(
    "text",
    [
        "PNS masih boleh nyoblos kan, nggak kayak polisi dan tentara?",
        "Apakah PPPK tetap punya hak pilih di pemilu, tidak seperti anggota TNI?",
        "Bolehkah guru ASN tetap mencoblos, mengingat anggota TNI tidak memilih?",
    ],
)
def test_a_civil_servant_compared_with_the_forces_votes(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh", (text, entry)
