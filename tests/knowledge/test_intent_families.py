"""Families of free text the intent step routes: openings that ask nothing yet, questions
about the bot itself, accounts of what someone else did (told by a bystander or by one
of the people pressed), in every register; and the questions that must stay questions."""

import pytest

from knowledge.intent import Intent, detect_intent
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent(text: str) -> Intent:
    return detect_intent(_norm.words(text), asked="?" in text)


# --- openings: a question announced, not yet asked ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Selamat pagi, Bapak/Ibu. Mohon izin, saya ingin menanyakan sesuatu terkait netralitas.",
        "Dengan hormat, saya hendak berkonsultasi perihal aturan netralitas pegawai.",
        "Assalamualaikum wr. wb. Mohon maaf mengganggu waktunya, Bapak/Ibu.",
        "Yth. Admin, saya mohon informasi.",
        "Mohon maaf, apakah saya bisa bertanya di sini?",
        "sore min, mau nanya2 soal pemilu dong",
        "slmt pgi kak, sy mo nny ttg netralitas asn",
        "asslmkm min",
        "Punten kang, bade naros perkawis pilkada",
        "Good afternoon, I would like to ask something",
        "Hi there, I have a question about civil servant neutrality",
        "can I ask questions here?",
    ],
)
def test_an_opening_that_asks_nothing_yet_is_a_greeting(text: str) -> None:
    assert intent(text).kind == "greeting"


@pytest.mark.parametrize(
    "text",
    [
        "ini bener bot netralitas asn?",
        "min, ini bot soal pemilu ya?",
        "halo, ini siapa ya?",
        "Who am I talking to?",
        "Is this a bot or a real person?",
        "am I talking to a human?",
        "ini yang jawab manusia atau robot min?",
        "Apakah pesan ini dibalas otomatis?",
        "boleh pakai bahasa jawa ga?",
        "Can I ask in English?",
        "Selamat siang, apakah layanan ini bisa membantu saya?",
    ],
)
def test_a_question_about_the_bot_itself_is_a_greeting(text: str) -> None:
    assert intent(text) == Intent("greeting", "about")


@pytest.mark.parametrize(
    "text",
    [
        # who runs the bot and whether its answers are official: an entry answers that
        "bot ini resmi dari bawaslu atau bukan?",
        "ini chatbot resmi BKN ya?",
        "jawaban bot ini bisa dijadikan dasar hukum?",
        # an opening followed by a real question
        "Selamat pagi, mohon izin bertanya, apakah PNS boleh menghadiri kampanye?",
        "mau tanya soal netralitas asn, apa saja larangannya?",
        "saya ingin bertanya tentang cuti di luar tanggungan negara",
        "P3K itu apa",
        "netralitas asn itu apa?",
        "Can I ask my staff to attend the regent's campaign?",
        "Can police officers vote in Indonesian elections?",
    ],
)
def test_an_opening_with_a_real_question_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"
