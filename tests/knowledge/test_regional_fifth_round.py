"""Fifth round of regional words (2026-12-06): Acehnese as a language of its own,
strictly Balinese marks beside which "sing" is "tidak" and "dadi" asks leave, Javanese
"ra" before a verb, Madurese "entar" (= pergi), eastern "kasi" (= kasih), Makassar
enclitics on a modal, and the listening, going and voting verbs of each language. The
Indonesian look-alikes keep their meaning outside that company. Phrasings are new,
written per language, not taken from any evaluation item."""

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
        # Acehnese: persons, asks, "jeut" (= boleh), "hana" (= tidak), "bak" (= di),
        # "u" (= ke), "jak" (= pergi), "mantong" (= saja)
        ("pakon PNS hana jeut kampanye?", "kenapa pns tidak boleh kampanye"),
        ("lon PPPK, jeut lon pileh bak TPS?", "saya pppk boleh saya pilih di tps"),
        (
            "meunyoe lakoe lon jak u rapat partai, deungo mantong",
            "kalau suami saya pergi ke rapat parpol dengar saja",
        ),
        ("peu jeut lakoe lon jeut keu saksi?", "apa boleh suami saya jadi saksi"),
        # Balinese: "sing" (= tidak) beside Balinese-only words, "dadi" before a verb
        (
            "tiang sing nyidaang milu rapat, ento kenken?",
            "saya tidak bisa ikut rapat itu bagaimana",
        ),
        ("ento dadi apa sing?", "itu boleh apa tidak"),
        (
            "nyama tiang ngorahang ASN sing dadi nyoblos",
            "saudara saya mengatakan asn tidak boleh coblos",
        ),
        # Javanese: "ra" before a verb, "teko" (= datang), "due" (= punya), "dinggo"
        ("aku ra iso teko rapat partai", "aku tidak bisa datang rapat parpol"),
        (
            "mobil kantor dinggo kampanye, aku due videone",
            "mobil kantor dipakai kampanye aku punya videonya",
        ),
        # Madurese: "entar ka" (= pergi ke), "ngedingagi", "jareya", "epecat"
        (
            "engkok entar ka balai, coma ngedingagi, jareya olle?",
            "saya pergi ke balai coma mendengarkan itu boleh",
        ),
        ("mon ta' netral, epecat ta'?", "kalau tidak netral dipecat tidak"),
        # Sundanese: "wilujeng", "pangsiun", "pun biang", "ngan ukur"
        ("pun biang tos pangsiun", "ibu saya sudah pensiun"),
        (
            "wilujeng sonten, hatur nuhun kana waleranana",
            "selamat sore terimakasih atas jawabannya",
        ),
        # Banjar: ba- and ta- verbs, "napa" (= apa) beside Banjar words
        ("amun ulun bamilih, napa sanksinya?", "kalau saya memilih apa sanksinya"),
        # eastern "kasi" (= kasih) and Makassar enclitics on a modal
        ("sa harus kasi surat ke bupati", "saya harus kasih surat ke bupati"),
        ("tabe, bolehki ikut rapat?", "tabe boleh ikut rapat"),
    ],
)
def test_each_language_reads_in_its_own_company(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("guru RA di desa ikut kampanye", "ra"),  # a madrasah kindergarten
        ("teko listrik di kantor dipakai timses", "teko"),  # a kettle
        ("bak mandi di kantor ditempeli stiker", "bak"),  # a tub
        ("sing nganggo atribut iku sopo", "yang"),  # Javanese "yang", no Balinese near
        ("bu Hana guru PNS ikut kampanye", "hana"),  # a name
        ("ukur tinggi baliho caleg", "ukur"),  # to measure
        ("kasi pemerintahan ikut kampanye", "atasan"),  # a section head, nobody eastern near
        ("dadi caleg iku ora gampang", "jadi"),  # Javanese "become", no Balinese near
    ],
)
def test_the_indonesian_lookalike_stays_outside_that_company(text: str, kept: str) -> None:
    assert kept in _norm.words(text)


@pytest.mark.parametrize(
    "question",
    [
        # going to a campaign only to listen, wearing nothing of it: in four languages
        "lon PNS, meunyoe lon jak u kampanye cabup, deungo mantong, hana ngui atribut, jeut?",
        "aku PPPK arep teko kampanye caleg, mung ndelok, ra nganggo atribut, oleh ora?",
        "engkok PNS entar ka kampanye bupati, coma ngabas, ta' ngangguy atribut, olle?",
        "tiang PNS rauh ke kampanye cabup, ningehang dogen, sing nganggo atribut, dados?",
    ],
)
def test_listening_at_a_campaign_is_allowed_with_conditions(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.id == "boleh-hadir-kampanye-pasif"


@pytest.mark.parametrize(
    "question",
    [
        # voting at the polling station, in Banjar and Acehnese
        "ulun PNS, kawa kah ulun bamilih wayah pilkada?",
        "lon PPPK, jeut lon pileh bak TPS?",
    ],
)
def test_voting_is_allowed(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "boleh"


@pytest.mark.parametrize(
    "question",
    [
        # running a campaign's affairs: "pengurus" (a party officer) made these a
        # retiree's yes before
        "saya PNS, boleh ikut mengurus kampanye caleg?",
        "asn ngurusin kampanye paslon boleh ga",
        "tiang PNS, dadi tiang milu ngurusang kampanye caleg?",
        # Acehnese and Madurese asks that must keep the ban
        "lon PNS, jeut lon keu tim sukses calon bupati?",
        "engkok PNS, olle ta' aberri pesse ka warga ma' milih calon?",
    ],
)
def test_regional_questions_keep_the_ban(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"


@pytest.mark.parametrize(
    "question",
    [
        # a village head holding back aid from those who vote otherwise: a ban, never
        # the voter's "boleh memilih" (Madurese "ta' aberri'" reads "tidak memberi")
        "kades tidak memberi bantuan ke warga yang tidak memilih calonnya sendiri, itu boleh?",
        "pak lurah ora menehi bantuan marang warga sing ora milih calone, oleh ora?",
        "klebun ta' aberri' bansos ka oreng se ta' milih calon, olle?",
    ],
)
def test_aid_held_back_from_other_voters_is_banned(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"
