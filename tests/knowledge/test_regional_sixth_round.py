"""Sixth round of regional words (2026-12-06 evening): Sasak as a language of its own,
eastern possessives that name the asker's relative, Balinese kin and verbs, the telling,
seeing, forbidding, ordering and forcing words of each language, and regional courtesies
that open or close a conversation. The Indonesian (and English) look-alikes keep their
meaning outside that company. Phrasings are new, written per language, not taken from
any evaluation item."""

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
        # Sasak: "saq", "mele", "araq", "ndeq", kin; beside its marks "bau ke" asks
        # leave, "jari" before a role is "jadi", "lek" is "di", "wah" is "sudah"
        ("inaq tiang mele jari saksi lek TPS, bau ke?", "ibu saya mau jadi saksi di tps boleh ke"),
        (
            "araq camat saq ndeq netral, tiang lapor lek sai?",
            "ada camat yang tidak netral saya lapor di siapa",
        ),
        (
            "amaq tiang wah pensiun, bau ke ie jari jurkam?",
            "bapak saya sudah pensiun boleh ke dia jadi jurkam",
        ),
        # eastern possessives: the relative of the one asking
        (
            "sa pu bapa bukan PNS, de mau pasang stiker",
            "bapak saya bukan pns dia mau pasang stiker",
        ),
        ("beta pung ana bukan ASN", "anak saya bukan asn"),
        ("kita pe kaka bukan ASN, boleh iko kampanye?", "kakak saya bukan asn boleh ikut kampanye"),
        # Balinese kin with "-n" and verbs in "-ang", "-in", "ka-"
        ("rabin tiange nyalonang dados caleg", "istri saya mencalonkan jadi caleg"),
        ("yen tiang nyarengin kampanye, tiang kapecat?", "kalau saya ikut kampanye saya dipecat"),
        # forbidding, seeing, telling, ordering and forcing, per language
        ("kula dipun awisi ndherek kampanye", "saya dilarang ikut kampanye"),
        (
            "abdi dipiwarang ku pupuhu ngadukung paslon, kumaha?",
            "saya disuruh oleh ketua dukung paslon bagaimana",
        ),
        ("ambo dipaso atasan, uda ambo mancalon", "saya dipaksa atasan kakak saya mencalonkan"),
        ("engkok esoro atasan, ale' engkok guru", "saya disuruh atasan adik saya guru"),
        ("lon geuyue keuchik pileh calon, geutham?", "saya disuruh kades pilih calon dilarang"),
        ("wa'u diya bisa ikut, boleh olo?", "saya tidak bisa ikut boleh ya"),
        (
            "saye udah nampak camat kampanye, lapor ke sape?",
            "saya sudah menampak camat kampanye lapor ke siapa",
        ),
        (
            "beta lia kadis pake oto dinas, jang sampe seng lapor",
            "saya lihat kepala dinas pakai mobil dinas jangan sampai tidak lapor",
        ),
    ],
)
def test_each_language_reads_in_its_own_company(text: str, expected: str) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("bau asap di kantor camat", "bau"),  # a smell, no Sasak word near
        ("tiang bau teka ring kantor", "bau"),  # Balinese "baru", not asking leave
        ("pose dua jari bareng calon", "jari"),  # a finger pose
        ("lek ngono aku oleh ora?", "lek"),  # Javanese "kalau"
        ("wah, camat kami kampanye", "wah"),  # surprise
        ("kaula muda ikut kampanye", "kaula"),  # the young, not Madurese "saya"
        ("ASN share meme calon di grup", "meme"),  # an internet meme, not Balinese "ibu"
        ("biking with the mayor's campaign team", "biking"),  # English, no eastern word
        ("Pak Raka abdi tingali di kampanye", "raka"),  # a name
    ],
)
def test_look_alikes_keep_their_meaning(text: str, kept: str) -> None:
    assert kept in words(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "Rahajeng semeng, tiang jagi nunas pitaken",  # Balinese
        "Tampi asih, penjelasan saq solah",  # Sasak
        "makase banyak e kaka, Tuhan berkati",  # eastern
        "Salam, wa'u mo batanya sadiki",  # Gorontalo
        "Sugeng enjing, nyuwun pangapunten, badhe nyuwun pirsa",  # krama
        "teurimong gaseh beh, ka jelas",  # Acehnese
        "Tabe, salama' ki daeng",  # Makassar
        "galak nanyo sikok kak",  # Palembang
    ],
)
def test_regional_courtesies_are_small_talk(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a relative who is not a civil servant, named the eastern way: their own act
        ("sa pu mace bukan PNS, de ikut kampanye caleg, sa PNS, aman kah?", "boleh"),
        (
            "Beta PNS, beta pung kaka bukan ASN jadi caleg. Kaka pasang baliho di rumah dia, bole?",
            "boleh",
        ),
        # Sasak: one's own campaign work stays forbidden
        ("Tiang guru PNS, bau ke tiang jari timses caleg?", "dilarang"),
        # a Balinese spouse who runs, and joining the campaign
        (
            "Tiang PNS, rabin tiange nyalonang dados caleg. Dados tiang ngiring kampanye?",
            "boleh_bersyarat",
        ),
    ],
)
def test_regional_questions_get_their_verdict(kb: KnowledgeBase, text: str, verdict: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None
    assert answer.match.verdict == verdict
