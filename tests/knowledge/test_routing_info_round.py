"""Routing and information questions of the round of 2026-12-06 (issue 13), in words
written for this file, not taken from any evaluation set: greetings in haste and in
regional words, an account ending "who handles this?", topics near ours that get an
honest "I don't know", and information about reporting and oversight."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

GREETINGS = [
    # "bertanya" typed without its vowels
    "ijin brtnya kak",
    "pagi min, mau brtny",
    # what the bot is, asked in krama and in Sundanese
    "Rahajeng semeng, niki bot napi?",
    "Wilujeng enjing, ieu layanan naon nya?",
    # Banjar thanks ("banar": very)
    "makasih banar lah pak",
]


@pytest.mark.parametrize("text", GREETINGS)
def test_greetings_and_the_bot_asked_about(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting"


TIPS = [
    # an account, then who takes it up
    "The headmaster at my daughter's school put up a candidate banner in the hall last "
    "week. Who deals with this kind of thing?",
    "kemarin pak camat bagi-bagi kaos paslon di pasar, yg nanganin siapa ya?",
    # an account, then how to take it further
    "Kepala sekolah kami kemarin menyuruh guru memasang spanduk caleg di pagar sekolah. "
    "Saya punya fotonya. Bagaimana prosedurnya?",
    # Madurese "klebun" (village head)
    "Klebun kaula ngajak warga milih calon bupati nomer settong, lapor ka dimma?",
]


@pytest.mark.parametrize("text", TIPS)
def test_an_account_asking_who_handles_it_is_a_tip(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "tip"


STILL_QUESTIONS = [
    # nobody's act told: who handles such cases in general
    "siapa yang menangani pelanggaran netralitas asn?",
    "bagaimana prosedur pengajuan cltn untuk pns?",
]


@pytest.mark.parametrize("text", STILL_QUESTIONS)
def test_asking_who_handles_in_general_is_no_tip(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent != "tip"


NOT_OURS = [
    "anak sy baru umur 17 thn pas hari coblos, udah bisa milih blm?",
    "syarat izin belajar bagi pns yang mau kuliah s2 apa aja",
    "kisi kisi tes skb cpns guru apa aja ya",
    "PNS yg sering telat masuk kantor kena hukuman apa",
    "pns kena kasus narkoba langsung dipecat?",
    "sirekap itu apa sih",
]


@pytest.mark.parametrize("text", NOT_OURS)
def test_near_topics_get_an_honest_unknown(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None and answer.intent != "tip"


STAYS_OURS = [
    # the same words beside a neutrality matter
    ("Kapan hari pemungutan suara Pemilu 2024?", "info"),
    ("kapan tahapan pilkada 2020 dilanjutkan setelah ditunda?", None),
    # the next election's date: the calendar entry says honestly that it may change
    ("kapan pilkada berikutnya digelar?", "info"),
]


@pytest.mark.parametrize(("text", "verdict"), STAYS_OURS)
def test_election_dates_of_the_past_stay_ours(
    kb: KnowledgeBase, text: str, verdict: str | None
) -> None:
    answer = kb.ask(text)
    if verdict is not None:
        assert answer.match is not None and answer.match.verdict == verdict


INFO = [
    ("mk mutusin pemilu daerah dipisah, maksudnya gmn tuh", "Putusan MK 135/PUU-XXII/2024"),
    (
        "What did the Constitutional Court rule in 2025 about splitting the elections?",
        "Putusan MK 135/PUU-XXII/2024",
    ),
    ("bos di kantor nanya aku milih capres siapa, harus dijawab ga?", "UU 20/2023"),
    ("kalau kepala sekolah tanya guru mau coblos siapa, gurunya harus jawab?", "UU 20/2023"),
    ("kalau bupati ga mau ngehukum asn yg terbukti ga netral, ada akibatnya ga?", "SKB 2022"),
    ("bkn bisa blokir data pns yg langgar netralitas?", "SKB 2022"),
    ("lapor ke bawaslu atau ke bkn ya, bedanya apa", "UU 7/2017 Pasal 454"),
    ("isi laporan ke bawaslu apa aja yang wajib ada", "UU 7/2017 Pasal 454 ayat (4)"),
    ("siapa yg ngasih hukuman ke pns yg ga netral", "PP 94/2021"),
    ("What proof do I need when reporting a civil servant who campaigned?", "UU 7/2017"),
]


@pytest.mark.parametrize(("text", "cited"), INFO)
def test_information_about_reporting_and_oversight(
    kb: KnowledgeBase, text: str, cited: str
) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "info"
    assert any(source.startswith(cited) for source in answer.match.sources)


AT_A_RALLY = [
    # fingers held up or the agency's uniform at a rally is no passive attendance
    "pns hadir kampanye pakai seragam sambil acungkan dua jari",
    "Beberapa guru PNS berseragam ikut kampanye akbar kemarin, jari dua diangkat terus.",
    "I saw two teachers in uniform at the rally yesterday, holding up three fingers.",
]


@pytest.mark.parametrize("text", AT_A_RALLY)
def test_fingers_or_uniform_at_a_rally_is_never_a_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict == "dilarang"
