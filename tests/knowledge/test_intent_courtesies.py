"""Greetings, thanks and farewells in the forms the first rounds missed: a letter's
opening ("Dengan hormat"), wishes after a greeting, the full Arabic farewell, address
words of other regions and English ("mate", "sir"), "what can you do?"; and questions
next to them that stay questions."""

import pytest

from knowledge.intent import Intent, detect_intent
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent(text: str) -> Intent:
    return detect_intent(_norm.words(text), asked="?" in text)


@pytest.mark.parametrize(
    "text",
    [
        "Dengan hormat, Bapak/Ibu operator layanan.",
        "Dengan hormat.",
        "Selamat malam, semoga Bapak/Ibu selalu dalam keadaan sehat.",
        "Good afternoon, I hope you are well",
        "Wassalamualaikum warahmatullahi wabarakatuh",
        "Baik, terima kasih Bapak/Ibu. Wassalamualaikum.",
        "tarimo kasih sanak",
        "thanks mate",
        "thank you sir, that's clear now",
        "hello, what can you do?",
        "bisa apa aja?",
    ],
)
def test_a_courtesy_is_small_talk(text: str) -> None:
    assert intent(text).kind == "greeting"


@pytest.mark.parametrize(
    "text",
    [
        "Dengan hormat, apakah PNS boleh hadir di kampanye?",
        "Selamat malam, semoga sehat. PPPK boleh jadi saksi partai?",
        "kades bisa apa kalau warganya kampanye?",
        "pns bisa apa aja sanksinya kalau ikut kampanye?",
    ],
)
def test_a_question_beside_a_courtesy_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


@pytest.mark.parametrize(
    "text", ["tks ya pak", "mksi bnyk kak", "selamt pagi bu", "asalamu'alaikum wr wb"]
)
def test_hurried_thanks_and_greetings(text: str) -> None:
    assert intent(text).kind == "greeting"
