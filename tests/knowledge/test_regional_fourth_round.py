"""Each regional language's asking words, persons, negations and common verbs read the
Indonesian way in their own company (regional.toml, fourth round of 2026-12-06), and the
Indonesian words that look alike keep their meaning outside it. Phrasings are new, written
per language, not taken from any evaluation item."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.intent import detect_intent
from knowledge.normalize import Normalizer

_norm = Normalizer()


def words(text: str) -> str:
    return " ".join(_norm.words(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sundanese: or, ask for, given, limit, time, allow, used, as (a), not yet, tags
        ("abdi kenging ngiring atanapi henteu", "saya boleh ikut atau tidak"),
        ("timses nyuhunkeun aula, abdi dipasihan artos", "timses meminta aula saya diberi uang"),
        ("aya wates waktosna", "ada batas waktunya"),
        ("kapala sakola ngidinan aula dianggo", "kepala sekolah mengizinkan aula dipakai"),
        ("salaku asn abdi teu acan diangkat", "sebagai asn saya belum diangkat"),
        ("ieu bot naon nya", "ini bot apa ya"),
        ("ditetepkeun ku kpu, kitu", "ditetapkan oleh kpu begitu"),
        ("indung abdi nyalon, salah sahiji caleg", "ibu saya calon salah satu caleg"),
        # Balinese: ka- passives, who, also, only, child, parents, "dados napi nenten"
        ("sira manten sane kaanggen asn, pppk taler", "siapa saja yang termasuk asn pppk juga"),
        (
            "tiang kaajak ngadaang rapat, dados napi nenten",
            "saya diajak mengadakan rapat boleh apa tidak",
        ),
        (
            "rerama tiang nyalon, okan tiang kaicen amplop",
            "orang tua saya calon anak saya diberi amplop",
        ),
        ("tiang masang baliho ring umah. dados?", "saya pasang baliho di rumah boleh"),
        ("napi mawinan tiang nenten dados ngiring", "kenapa saya tidak boleh ikut"),
        ("sanksi tiang kaumumang ring sinah", "sanksi saya diumumkan di terbuka"),
        # Javanese and krama: "napa" is "apa", greetings, light and heavy, why (krama)
        ("niki layanan napa nggih", "ini layanan apa iya"),
        ("sugeng enjing", "selamat pagi"),
        ("ukuman sing entheng lan sing abot", "hukuman yang ringan dan yang berat"),
        ("kenging menapa pns mboten pareng", "kenapa pns tidak boleh"),
        ("tugase kula namung ngumpulke warga", "tugasnya saya kumpulkan warga"),
        # krama "ndherekaken" is accompanying someone (a spouse), "ndherek" joining
        (
            "garwa kula nyalon, kula ndherekaken kampanye",
            "garwa saya calon saya mendampingi kampanye",
        ),
        # Madurese: village head, at, which, who, when, wife
        ("klebun e dhisa engkok", "kades di desa saya"),
        ("engkok lapor ka sapa, partai se tertentu", "saya lapor ke siapa parpol yang tertentu"),
        ("bila engkok kodhu mundur mon terro nyalon", "kapan saya harus mundur kalau ingin calon"),
        ("tretan, bine engkok olle norok ta", "kak istri saya boleh ikut tidak"),
        # Minang: whom to report to, "kok" (= kalau), "maso" (= masuk)
        ("ka sia ambo malapua", "ke siapa saya melapor"),
        ("kok laki ambo jadi caleg", "kalau suami saya jadi caleg"),
        # Manado: getting a penalty, "akang", "doi" after giving
        ("dorang bisa dapa sanksi", "mereka bisa kena sanksi"),
        ("kita pe bos ba untung akang satu calon", "saya punya atasan untung satu calon"),
        ("kepala desa ba kase doi, pa sapa kita lapor", "kades kasih uang ke siapa saya lapor"),
        # Banjar: when, with, to run, to resign
        (
            "ulun handak bacalon, wayah apa harus baundur",
            "saya mau mencalonkan diri kapan harus mundur",
        ),
        ("bini ulun kawa kah umpat lawan ulun", "istri saya bisa kah ikut dengan saya"),
        # seeing and telling: Sundanese "nyebatkeun", "bari", Balinese "nyingakin", Banjar
        # "maliat", krama "nomer kalih" (= dua), Malay "di muka kantor" (= depan)
        ("abdi ningali camat bari nyebatkeun calon", "saya melihat camat sambil menyebutkan calon"),
        ("tiang nyingakin perbekel, ulun maliat camat", "saya melihat kades saya melihat camat"),
        (
            "kula ningali lurah ngajak milih nomer kalih",
            "saya melihat lurah mengajak memilih nomor dua",
        ),
        ("baliho di muka kantor camat", "baliho di depan kantor camat"),
        # Makassar "ji"; Medan "mamak"
        ("tabe, boleh ji ikut", "tabe boleh ikut"),
        ("bah, mamakku pns", "bah ibu saya pns"),
    ],
)
def test_each_language_reads_in_its_own_company(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("kok pns tidak boleh kampanye", "kok"),  # no Minang word near
        ("bila pns ikut kampanye, apa sanksinya", "bila"),  # Indonesian "kalau"
        ("mantan napi jadi caleg, jadi apa tidak boleh", "napi"),  # a convict
        ("ulun handak tahu siapa lawan politik calon", "lawan"),  # an opponent, Banjar near
        ("bacalon bupati dari partai", "bacalon"),  # a prospective candidate
        ("mamak saya pns", "mamak"),  # no Medan word near
        ("napa pns tidak boleh kampanye", "kenapa"),  # Jakarta "napa", no Javanese near
        ("sapa warga di acara kampanye", "sapa"),  # to greet
    ],
)
def test_the_indonesian_lookalike_stays_outside_that_company(text: str, kept: str) -> None:
    assert kept in _norm.words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sugeng sonten, niki layanan napa nggih?",
        "Wilujeng wengi, ieu aplikasi naon nya?",
        "Tarima kasih banar lah",
    ],
)
def test_regional_courtesies_are_small_talk(text: str) -> None:
    assert detect_intent(_norm.words(text), asked="?" in text).kind == "greeting"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Balinese: who counts as a civil servant, asked with "sira manten", "kaanggen"
        ("Sira manten sane kaanggen ASN? Honorer taler?", "cakupan-honorer-wajib-netral"),
        # Sundanese: a deadline for reporting, asked with "wates waktosna"
        (
            "Upami abdi bade ngalaporkeun camat nu teu netral, aya wates waktosna teu?",
            "lapor-tenggat",
        ),
    ],
)
def test_regional_questions_reach_the_indonesian_answer(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.id == entry


@pytest.mark.parametrize(
    "question",
    [
        # a school head lending a classroom to a campaign team, in Sundanese
        "Kapala sakola ngidinan timses ngadamel acara di kelas, meunang teu kitu teh?",
        # a civil servant asked onto a campaign committee, in Balinese
        "Tiang guru PNS, kaajak dados panitia kampanye ring banjar. Dados napi nenten?",
    ],
)
def test_regional_questions_keep_the_ban(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"
