"""Regional words read in their own language's company (regional.toml [marks],
[mark_endings], [company], [asking_ka]), the third round's word families, and the
Indonesian words those readings must leave alone."""

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
        # Balinese "tiang" (= saya), "napi" (= apa), "dados" before a verb (= boleh)
        (
            "bapak tiang nyalon, dados tiang ngiring kampanye?",
            "bapak saya calon boleh saya ikut kampanye",
        ),
        ("niki napi sane kaon", "ini apa yang kaon"),
        ("mangkin dados caleg, tiang nenten ngiring", "sekarang jadi caleg saya tidak ikut"),
        ("tiang sampun dados PNS", "saya sudah jadi pns"),  # became, before a noun
        # Betawi "ade" (= ada), Manado "kita" (= saya)
        ("ade nyang bisa aye tanya kagak", "ada yang bisa saya tanya enggak"),
        ("kita pe maitua nyalon, kita boleh iko?", "saya punya istri calon saya boleh ikut"),
        # Palembang "nak" (= mau), "galak" (= mau), "ari" (= hari)
        ("dio dak galak dengar, aku nak lapor", "dia tidak mau dengar aku mau lapor"),
        # Banjar "nang" (= yang), "rancak" (= sering)
        ("pagawai nang rancak umpat kampanye", "pegawai yang sering ikut kampanye"),
        # Madurese "ta'" (= tidak) beside Madurese words
        ("sengko olle ta norok kampanye", "saya boleh tidak ikut kampanye"),
        # Sundanese "can" (= belum) and "urang" (= saya); "-keun" marks Sundanese
        ("abdi mah can diangkat", "saya belum diangkat"),
        ("urang teh rek naros", "saya teh mau bertanya"),
        ("guru abdi ngabagikeun stiker", "guru saya bagikan stiker"),
        # krama "wonten" before a medium or a place is "di"
        ("kula ningali wonten facebook", "saya melihat di facebook"),
    ],
)
def test_a_word_reads_its_languages_way_in_its_company(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mantan napi boleh nyaleg", "napi"),  # a convict
        ("pns pasang baliho di tiang listrik", "tiang"),  # a pole
        ("kita pns boleh kampanye", "kita"),  # "we", no Manado word near
        ("suasana gaduh di kantor", "gaduh"),  # an uproar
        ("saya bisa ke kantor kecamatan", "ke"),
        ("aku nang kantor kecamatan", "di"),  # Javanese "nang" (= di), no Banjar word
        ("meskipun ada acara, saking banyaknya tamu", "saking"),  # no krama near
    ],
)
def test_the_indonesian_word_stays_outside_that_company(text: str, kept: str) -> None:
    assert kept in _norm.words(text)


def test_english_can_is_no_sundanese_not_yet() -> None:
    assert "belum" not in _norm.words("can a civil servant campaign")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Makassar and eastern "ka" after a modal asks; Sundanese "ka" between words is "ke"
        ("bisa ka saya ikut", "bisa kah saya ikut"),
        ("beta boleh iko ka seng", "saya boleh ikut atau tidak"),
        ("ngiring ka kampanye", "ikut ke kampanye"),
    ],
)
def test_asking_ka(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the asking words also mean "get": a sanction or money got, not leave asked
        ("abdi kenging sanksi naon", "saya kena sanksi apa"),
        ("aku entuk duit soko caleg", "aku dapat uang dari caleg"),
        ("meunang amplop ti timses", "dapat amplop dari timses"),
    ],
)
def test_getting_is_not_asking_leave(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # krama "-aken" and "-ipun", "dipun-", Banjar "-akan", Minang and Betawi possessives
        ("kados pundi nglaporaken", "lapor"),
        ("syaratipun menapa", "syarat"),
        ("sanksinipun punapa", "sanksi"),
        ("sampun dipuntetepaken dados calon", "tetap"),
        ("ulun handak malapurakan", "lapor"),
        ("ado videonyo di hp", "video"),
        ("kaliatan di masigit", "masjid"),
        ("unggal dinten ngintunkeun video", "kirim"),
    ],
)
def test_regional_word_forms_reach_the_indonesian_term(text: str, term: str) -> None:
    assert term in _norm.analyze(text).terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sekolahku nyuruh", "sekolah saya"),
        ("omahku cedhak balai", "rumah saya dekat balai"),
    ],
)
def test_an_owned_noun_keeps_its_owner(text: str, expected: str) -> None:
    assert words(text).startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Sugeng siang, badhe nyuwun pirsa sekedik",
        "Om swastiastu bli, niki layanan napi?",
        "Horas lae, ini bot apa rupanya?",
        "Tabe daeng, boleh ka bertanya?",
        "Mokase banya, so jelas skali",
        "Punten, aya jalmi di dieu?",
    ],
)
def test_regional_courtesies_are_small_talk(text: str) -> None:
    assert detect_intent(_norm.words(text), asked="?" in text).kind == "greeting"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # possessives and krama/Banjar "-kan" at the word level, where the intent step reads
        ("cak mano nak lapornyo", "bagaimana mau lapornya"),
        ("laporinnye ke mane", "laporkannya ke mana"),
        ("kados pundi nglaporaken", "bagaimana melaporkan"),
        # Javanese "-ne", Sundanese "-na" after a vowel; not after a consonant
        ("fotone tak unggah neng fb", "fotonya saya unggah di facebook"),
        ("abdi gaduh potona", "saya punya fotonya"),
        ("tone suara", "tone suara"),
        # Makassar "ta'" (= kita): "kantor lurah ta'" is a place of the writer's own
        ("tabe di kantor lurah ta", "tabe di kantor lurah kita"),
    ],
)
def test_regional_endings_at_the_word_level(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dangke banyak om",
        "kurru sumange daeng",
        "rampes kang",
        "baa kaba uda",
        "kenken kabare bli",
        "sengko terro atanya",
        "kita mo batanya",
        "nuwun sewu, kula badhe atur pirsa",
    ],
)
def test_regional_thanks_greetings_and_announced_questions(text: str) -> None:
    assert detect_intent(_norm.words(text), asked="?" in text).kind == "greeting"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "oleh" where Indonesian "by" cannot stand: after who asks, before a question tag
        ("pns oleh daftar caleg", "pns boleh daftar caleg"),
        ("oleh ga sih asn nggawe konten", "boleh enggak sih asn bikin konten"),
        # Malay and Palembang "nak" before a verb, Balinese "dados" before a tag
        ("nak lapor asn kemana", "mau lapor asn kemana"),
        ("pns dados ga ikut kampanye", "pns boleh tidak ikut kampanye"),
        # Sundanese "bumi" (= rumah) beside Sundanese words
        ("spanduk di bumi abdi teu kenging", "spanduk di rumah saya tidak boleh"),
    ],
)
def test_asking_words_without_their_languages_company(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "spanduk dipasang oleh kades",
        "oleh karena itu pns harus netral",
        "surat yang dibuat oleh pns itu",
        "anak bawa oleh-oleh",
        "pungutan dana dari pns oleh pejabat atasan",
    ],
)
def test_indonesian_oleh_stays_by(text: str) -> None:
    assert "boleh" not in _norm.words(text)


def test_a_spouse_either_way_is_the_entries_pasangan() -> None:
    assert "pasangan" in _norm.analyze("bojo kula PNS").terms
    assert "pasangan" in _norm.analyze("garwa kula nyalon").terms


def test_krama_wonten_before_a_house_is_at() -> None:
    assert words("badhe pasang spanduk wonten rumahnya") == "akan pasang spanduk di rumahnya"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Manado "ba" written apart, "oto"; Makassar "jeki"; Betawi "kene" (= kena)
        ("ngana boleh ba tempel stiker di oto", "kamu boleh tempel stiker di mobil"),
        ("tabe, sa pns boleh jeki ikut", "tabe saya pns boleh ikut"),
        ("aye kene sanksi kagak", "saya kena sanksi enggak"),
        # Javanese "kene" (= sini) keeps away from the Betawi reading
        ("neng kene ono pns", "di kene ada pns"),
    ],
)
def test_more_company_words(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "question",
    [
        # a civil servant asking leave to campaign, in each language's asking words
        "Dapek ambo ikuik kampanye? Ambo PNS",
        "Kula PNS, angsal tumut kampanye caleg?",
        "Abdi PNS, meunang milu kampanye caleg teu?",
        "Ulun PNS, bulih lah ulun umpat kampanye caleg?",
        "Sengko PNS, olle norok kampanye caleg?",
        "Tiang PNS, nyidaang tiang ngiring kampanye caleg?",
        "Kita PNS, boleh iko kampanye caleg ato nyanda?",
        "Aye PNS, boleh kagak aye ikut kampanye caleg?",
        "Kula PNS, kepareng tumut kampanye caleg?",
    ],
)
def test_each_languages_asking_words_get_the_campaign_ban(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"
