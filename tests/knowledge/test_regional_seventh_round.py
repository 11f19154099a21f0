"""Seventh round of regional reading (2026-12-07 morning): the asking "lah" on a regional
"may"-word (Banjar "kawalah", "kawa lah"; Minang "buliahlah"), a relative's status denied
with any negation as with "bukan" (Betawi "kaga PNS", Javanese "ora PNS"), the writer set
apart after where the relative works ("bojoku PNS neng kantor kelurahan, aku bakul"),
"bisa" asking leave to campaign as "boleh" does, the firing said actively (eastern "dorang
pecat"), Sundanese "harti"/"hartos" and "naha" before a may-word, a newcomer's greeting
("eh, bot apaan nih, baru nemu"), and the campaign-team article on the teachers' entry.
Phrasings are new, written per language, not taken from any evaluation item."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.normalize import Normalizer

_norm = Normalizer()


def words(text: str) -> str:
    return " ".join(_norm.words(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the asking "lah" joined to a regional may-word, or apart from it
        ("kawalah ulun umpat?", "bisa kah saya ikut"),
        ("buliahlah ambo pai?", "boleh kah saya pergi"),
        ("pacaklah aku datang", "bisa kah aku datang"),
        ("pambakal kawa lah bakampanye", "kades bisa kah berkampanye"),
        # Sundanese occupations and "harti"; "naha" before a may-word asks yes or no
        ("ari abdi mah padagang", "ari saya pedagang"),
        ("naon hartosna netralitas?", "apa artinya netralitas"),
        ("naha abdi tiasa milu?", "apakah saya bisa ikut"),
    ],
)
def test_regional_words_read(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Indonesian words ending in "lah" keep their meaning
        ("bolehlah", "bolehlah"),
        ("sekolah negeri", "sekolah negeri"),
        ("masalah netralitas", "masalah netralitas"),
        ("kalah pemilu", "kalah pemilu"),
    ],
)
def test_indonesian_lah_words_are_kept(text: str, kept: str) -> None:
    assert words(text) == kept


@pytest.mark.parametrize(
    ("text", "entry_prefix", "verdict"),
    [
        # one's own campaign work asked with the joined or separate "lah": forbidden
        ("Ulun guru PPPK, kawalah ulun jadi jurkam caleg?", "", "dilarang"),
        ("Ambo PNS, buliahlah ambo ikuik kampanye caleg?", "", "dilarang"),
        ("Kepala desa kami kawa lah bakampanye gasan calon bupati?", "cakupan-kades", "dilarang"),
        # "bisa" asks leave to campaign as "boleh" does
        ("Camat bisa berkampanye buat paslon bupati?", "cakupan-camat-lurah", "dilarang"),
        # a relative's status denied with "kaga", "ora": the relative's own freedom
        (
            "Laki aye kaga PNS, kerja di bengkel. Boleh die jadi relawan caleg? aye yang PNS",
            "cakupan-pasangan-asn",
            "boleh",
        ),
        # the writer set apart from a civil-servant spouse after where the spouse works
        (
            "Bojoku PNS neng kantor kelurahan, aku bakul neng pasar. "
            "Oleh aku melu kampanye caleg ora?",
            "cakupan-pasangan-asn",
            "boleh",
        ),
        # Sundanese "hartina": what neutrality means
        ("Naon hartina netralitas ASN?", "prinsip-arti-netralitas", "info"),
        # "naha abdi tiasa …": may I, not why
        ("Naha abdi tiasa janten anggota KPPS? Abdi PNS", "boleh-kpps", "boleh_bersyarat"),
        # eastern "dorang pecat": the penalty asked
        ("Kalo PNS jadi pengurus partai, dorang pecat ka seng?", "sanksi-parpol", "info"),
    ],
)
def test_regional_questions_get_their_answer(
    kb: KnowledgeBase, text: str, entry_prefix: str, verdict: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is not None
    assert answer.match.id.startswith(entry_prefix)
    assert answer.match.verdict == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Eh, ini bot apa ya? Saya baru nemu",
        "eh bot apaan nih, baru nemu",
        "Halo, ini bot apa dang?",
    ],
)
def test_a_newcomers_question_about_the_bot_is_a_greeting(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting"


@pytest.mark.parametrize(
    "text",
    ["Bu guru PNS jadi timses caleg, boleh?", "Aku guru SD negeri, oleh dadi timses caleg ora?"],
)
def test_a_teacher_on_a_campaign_team_is_told_the_team_article(
    kb: KnowledgeBase, text: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is not None
    assert answer.match.verdict == "dilarang"
    assert "UU 7/2017 Pasal 280 ayat (3)" in answer.match.sources
