"""Round 8 routing: small talk in the forms the development set showed missed (thanks
for an answer that names the writer's unit, "that clears it up", what the service is
"actually" for, whether the bot belongs to an agency by name), and the questions next
to them that must stay questions."""

import pytest

from knowledge import KnowledgeBase
from knowledge.intent import Intent, detect_intent
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent(text: str) -> Intent:
    return detect_intent(_norm.words(text), asked="?" in text)


@pytest.mark.parametrize(
    "text",
    [
        "makasih banyak, sangat membantu kami di bidang SDM",
        "Terima kasih, penjelasannya jelas sekali bagi kami di seksi mutasi.",
        "ok thanks, that cleared it up",
        "great, that clears things up, thanks",
        "oke makasih penjelasannya min, jadi lega",
    ],
)
def test_thanks_with_the_unit_or_in_english(text: str) -> None:
    assert intent(text).small_talk == "thanks", text


@pytest.mark.parametrize(
    "text",
    [
        "maaf min, bot ini sebetulnya buat apa?",
        "Layanan ini sebenarnya melayani apa saja ya?",
        "info apa yang bisa didapat dari layanan ini?",
        "hai, ini bot apaan ya? nomornya dikasih temen",
    ],
)
def test_what_the_service_is_for(text: str) -> None:
    assert intent(text).kind == "greeting", text


@pytest.mark.parametrize("text", ["tes tes, masuk ga min?", "test, kebaca?"])
def test_trying_the_line(text: str) -> None:
    assert intent(text).small_talk == "hello", text


@pytest.mark.parametrize(
    "text",
    [
        "bot ini punya kpu atau bawaslu?",
        "apakah layanan ini resmi dari pemerintah atau BKN?",
        "is this bot run by the government?",
        "ini bot resmi bawaslu?",
        "ini chatbot resmi BKN ya?",
    ],
)
def test_whose_bot_it_is(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.intent == "greeting", text
    assert answer.match is not None and answer.match.id == "prinsip-tentang-bot"


@pytest.mark.parametrize(
    "text",
    [
        "terima kasih, di bidang keuangan boleh ikut kampanye?",
        "bot ini bisa lapor ke bawaslu?",
        "apakah pegawai bkn boleh ikut kampanye?",
        "halo, cpns masuk gak?",
        "pns bisa tanya apa aja ke bawaslu soal laporan?",
    ],
)
def test_questions_stay_questions(text: str) -> None:
    assert intent(text).kind != "greeting", text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("sapa-sapa jo yang musti netral? honorer tamasuk?", "siapa saja"),
        ("torang pe kantor, sapa-sapa jo yang kena aturan?", "siapa saja"),
        ("PPPK tamasuk ASN kah?", "termasuk"),
    ],
)
def test_manado_who_at_all_and_included(text: str, read: str) -> None:
    assert read in " ".join(_norm.words(text)), text


def test_manado_who_at_all_is_answered_as_indonesian(kb: KnowledgeBase) -> None:
    manado = kb.ask("pegawai negeri itu sapa-sapa jo? P3K tamasuk?")
    indonesian = kb.ask("pegawai negeri itu siapa saja? P3K termasuk?")
    assert manado.match is not None and indonesian.match is not None
    assert manado.match.id == indonesian.match.id


@pytest.mark.parametrize(
    "text",
    ["gimana cara daftar jadi PPPK paruh waktu min?", "Bagaimana prosedur mendaftar sebagai CPNS?"],
)
def test_signing_up_as_a_civil_servant_is_not_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is None, text


@pytest.mark.parametrize(
    "text",
    [
        "pppk mau daftar sebagai calon bupati, harus mundur?",
        "sy cpns, boleh daftar jadi anggota partai?",
    ],
)
def test_signing_up_for_a_candidacy_or_a_party_stays_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is not None, text
