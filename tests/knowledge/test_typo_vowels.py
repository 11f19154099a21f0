"""Short typed questions (2026-12-06 night, issue #13): words typed without their
vowels ("kntr", "snksi", "plnggaran") or with two letters swapped ("snaksi"), the
three-letter abbreviations that are safe, "g" joined to what it negates, question
tags joined after their word ("bolehgak"), di- on an English verb ("dishare"), "MK"
(not "maka"), the voter list ("DPT") after a regional or typed verb, and regional
verbs of giving, attending, asking and choosing. Look-alikes (place names, regional
words, English) keep their meaning. Phrasings are new, not taken from any evaluation
item."""

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
        # vowels dropped inside the word, and the last one after two consonants
        ("pgwai kntor dinas psng stikr", "pegawai kantor dinas pasang stiker"),
        ("istr sy mnggu dpn ikt kmpanye", "istri saya minggu depan ikut kampanye"),
        ("ap snks bwt plnggaran ntrlts", "apa sanksi buat pelanggaran netralitas"),
        ("kpla sklh dkung cln wrg", "kepala sekolah dukung calon warga"),
        ("camt pk mobl dns", "camat pakai mobil dinas"),
        # a known word with its ending cut short
        ("gmn sanksiny, ad buktiny", "bagaimana sanksinya ada buktinya"),
        ("blhkah asn ikut", "bolehkah asn ikut"),
        # "g" joined to the word it negates
        ("gblh ikut ya", "tidak boleh ikut ya"),
        ("pns gbisa nolak", "pns tidak bisa nolak"),
        # the question tag joined after its word
        ("asn bolehgak dtg", "asn boleh enggak datang"),
        ("pppk bsgk nolak", "pppk bisa enggak nolak"),
        # two neighbouring letters swapped
        ("snaksi bwt yg kampnaye", "sanksi buat yang kampanye"),
        ("bolhe ga", "boleh enggak"),
        # di- on an English verb, as with a hyphen
        ("fotonya dishare ke grup", "fotonya di share ke grup"),
        # the Constitutional Court, not "maka"
        ("katanya MK udh mutusin", "katanya mk sudah memutuskan"),
    ],
)
def test_words_typed_without_vowels(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a vowel beside another, or a last vowel after one consonant: another word
        ("pns di bali", "bali"),  # not "balai"
        ("atur lalin pas kampanye", "lalin"),  # not "laluin"
        ("sekdin ngumpulin staf", "sekdin"),  # not "sekda" + "-in"
        # English: an unknown word is English, not chat without vowels
        ("the camat handed out rice bags to voters", "bags"),
        ("a truck of the district office was used", "truck"),
        # three letters that are two words: left as typed
        ("plh bupati ikut kampanye", "plh"),
        ("cmt di postingan caleg", "cmt"),
    ],
)
def test_look_alikes_keep_their_meaning(text: str, kept: str) -> None:
    assert kept in words(text).split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the voter list after a regional or typed verb ("dpt" is "dapat" elsewhere)
        ("jenengku mlebu DPT", "nama masuk daftarpemilih"),
        ("abdi parantos asup DPT", "saya sudah masuk daftarpemilih"),
        ("nama trdftr dpt", "nama terdaftar daftarpemilih"),
        ("pns dpt sanksi", "pns dapat sanksi"),
        # giving, attending, asking, choosing; Minang and Banjar words
        ("ngabere sumbangan", "memberi sumbangan"),
        ("mambari bantuan", "memberi bantuan"),
        ("rauh ring kampanye", "datang ring kampanye"),
        ("ulun handak takun", "saya mau tanya"),
        ("pulisi buliah baco", "polisi boleh baca"),
        # spoken spellings and Jakarta verbs
        ("kades ngancem warga, ada vidio di fesbuk", "kades mengancam warga ada video di facebook"),
        ("atasan maksa sy brenti", "atasan memaksa saya berhenti"),
        ("satpol pp njaga kampanye", "satpol pp menjaga kampanye"),
        ("kada jam gawian", "tidak jam kerja"),
    ],
)
def test_regional_and_typed_words(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Banjar and Malay "be-" (= ber-), not the Betawi "-nye" taken off "bekampa"
        ("pegawai bekampanye", "pegawai kampanye"),
        ("ulun bepindah tps", "pindah tps"),
    ],
)
def test_be_is_ber(text: str, expected: str) -> None:
    assert _norm.normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "kumaha ngecek abdi tos asup DPT can?",
        "nama sy udh trdftr dpt blm ya, ngeceknya dmn?",
        "carane mriksa jenengku mlebu DPT opo ora piye?",
    ],
)
def test_checking_the_voter_list_is_not_a_neutrality_question(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("pgwai dinas psng stikr cln di mobl dinas, blh gk?", "dilarang"),
        ("pns blh kmntr di pstingan cln bupati gk", "dilarang"),
        ("kpla sklh pns nyuruh gr2 dkung cln, itu mlnggar kn?", "dilarang"),
        ("snksi bwt asn yg ikt kmpanye ap aj?", "info"),
        ("istr sy pns, blh g dtg ke kmpanye sy? sy cln dprd", "boleh_bersyarat"),
        ("Pulisi buliah baco visi misi calon?", "boleh"),
        ("guru pns bolehgak kampnaye caleg di kelas?", "dilarang"),
    ],
)
def test_typed_questions_get_their_verdict(kb: KnowledgeBase, text: str, verdict: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None
    assert answer.match.verdict == verdict


@pytest.mark.parametrize(
    "text",
    [
        "makasih byk min udh djwb",
        "hatur nuhun pisan tos diwaler",
        "suksma sampun kasaurin",
        "terima kasih sudah dijelaskan min",
    ],
)
def test_thanks_for_the_answer_is_small_talk(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting"


def test_thanks_then_a_question_is_a_question(kb: KnowledgeBase) -> None:
    assert kb.ask("makasih sudah dijawab, tapi kalau pppk gimana?").intent != "greeting"
