import pytest

from knowledge.intent import detect_intent
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent_of(text: str) -> tuple[str, str | None]:
    found = detect_intent(_norm.words(text))
    return found.kind, found.small_talk


@pytest.mark.parametrize(
    "text",
    [
        "saya mau lapor camat ikut kampanye",
        "mau ngelaporin pns kampanye",
        "aduan",
        "lapor min, ada kades bagi sembako buat paslon",
        "pengen ngadu ada guru pasang baliho caleg",
        "I want to report a civil servant",
        "report a civil servant campaigning",
        "mau lapor, caranya gimana?",
        "izin melaporkan sekdes ikut kampanye",
        "saya mau lapor ke bawaslu ada pns pasang baliho caleg",
    ],
)
def test_tip(text: str) -> None:
    assert intent_of(text)[0] == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "kemana lapor pelanggaran netralitas?",
        "bagaimana cara melapor",
        "apakah identitas pelapor dirahasiakan",
        "berapa lama batas waktu lapor ke bawaslu",
        "pns yang dilaporkan kena sanksi apa",
        "where can I report a civil servant",
        "boleh lapor tanpa nama?",
        # wanting to report through another channel is a question about that channel
        "sy mau lapor ke bkn caranya gimana",
        "mau ngadu ke bawaslu, bisa lewat aplikasi?",
    ],
)
def test_questions_about_reporting_are_not_tips(text: str) -> None:
    assert intent_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    ["ingatkan saya", "mau langganan pengingat", "ingetin aku pas masa tenang ya min", "remind me"],
)
def test_subscribe(text: str) -> None:
    assert intent_of(text)[0] == "subscribe"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("halo", "hello"),
        ("hai min", "hello"),
        ("selamat pagi", "hello"),
        ("Assalamualaikum wr wb", "hello"),
        ("makasih kak", "thanks"),
        ("terima kasih banyak ya", "thanks"),
        ("thanks!", "thanks"),
        ("dadah", "bye"),
        ("ok makasih, sampai jumpa", "thanks"),
    ],
)
def test_greeting(text: str, kind: str) -> None:
    assert intent_of(text) == ("greeting", kind)


def test_greeting_with_a_question_is_a_question() -> None:
    assert intent_of("halo min, pns boleh like postingan caleg?")[0] == "question"
