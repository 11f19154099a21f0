import pytest

from knowledge.intent import detect_intent, fits, last_question
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


def report_of(text: str) -> tuple[str, str | None]:
    found = detect_intent(_norm.words(text), asked="?" in text)
    return found.kind, found.report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wish to report and what happened: the rule, and the offer.
        ("td pagi liat pak kasi bagiin sembako ada stiker paslon, mau lapor nih", "tip"),
        ("saya mau lapor camat ikut kampanye", "tip"),
        ("lapor min, ada kades bagi sembako buat paslon", "tip"),
        # What happened, without the word "lapor".
        ("tadi saya lihat kepala dinas pakai mobil dinas buat kampanye", "tip"),
        ("kmrn sore kepsek ngumpulin guru buat dukung cabup", "tip"),
        ("barusan liat bu lurah pasang baliho caleg", "tip"),
        ("yesterday I saw a civil servant at a campaign rally", "tip"),
        # Seen, but asked as a question: answered, with the offer beside it.
        ("tadi liat pak camat pakai mobil dinas kampanye, itu boleh?", "question"),
    ],
)
def test_witnessed_violations(text: str, expected: str) -> None:
    assert report_of(text) == (expected, "witness")


@pytest.mark.parametrize(
    "text",
    [
        "saya mau lapor",
        "mau lapor, caranya gimana?",
        "I want to report a civil servant",
        "aduan",
    ],
)
def test_a_bare_wish_to_report_starts_the_tip(text: str) -> None:
    assert report_of(text) == ("tip", None)


@pytest.mark.parametrize(
    "text",
    [
        "gimana cara lapor pelanggaran netralitas asn?",
        "kemana lapor pelanggaran netralitas?",
        "mau lapor ke bawaslu caranya gimana",
        "boleh lapor tanpa nama?",
        "how do I report a violation?",
    ],
)
def test_how_to_report_is_a_question_with_the_offer(text: str) -> None:
    assert report_of(text) == ("question", "how")


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh ikut kampanye?",
        "kalau saya lihat pns kampanye harus gimana",  # a hypothetical
        "kemarin saya ikut kampanye, kena sanksi gak?",  # one's own act
        "pns yang dilaporkan kena sanksi apa",  # about being reported
        "apakah identitas pelapor dirahasiakan",
        "camat ikut kampanye",  # no sign that anyone saw it happen
    ],
)
def test_questions_and_hypotheticals_offer_nothing(text: str) -> None:
    assert report_of(text) == ("question", None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mulai", "hello"),
        ("P", "hello"),
        ("pagi kak, izin bertanya", "hello"),
        ("permisi", "hello"),
        ("mau tanya", "hello"),
        ("what does this bot do?", "about"),
        ("bot ini bisa apa?", "about"),
        ("kamu siapa", "about"),
    ],
)
def test_openers_and_questions_about_the_bot_are_greetings(text: str, kind: str) -> None:
    assert intent_of(text) == ("greeting", kind)


@pytest.mark.parametrize(
    "text",
    ["izin bertanya, pns boleh ikut kampanye?", "apa bot ini bisa jawab soal cuti?", "P3K itu apa"],
)
def test_an_opener_with_a_question_is_a_question(text: str) -> None:
    assert intent_of(text)[0] == "question"


def test_the_last_question_of_a_long_message() -> None:
    story = "Saya guru di desa. " * 40
    assert not fits(story)
    text = story + "Apakah PNS boleh jadi MC kampanye? Terima kasih banyak."
    assert last_question(text, _norm.words) == "Apakah PNS boleh jadi MC kampanye?"
    # Without a question mark, a sentence with a question word.
    assert last_question(story + "Bagaimana hukumnya kalau kades kampanye", _norm.words) == (
        "Bagaimana hukumnya kalau kades kampanye"
    )
    assert last_question(story, _norm.words) is None
    # A question sentence too long to read whole is no answerable question.
    assert last_question(story.replace(". ", ", ") + "boleh?", _norm.words) is None


# --- a citizen's account: signs that it really happened -------------------


@pytest.mark.parametrize(
    "text",
    [
        # a habit
        "staf kelurahan tiap jumat share video cawalkot di grup dinas",
        # a person or place named as the writer's own
        "camat kami pakai aula kantor buat konsolidasi relawan paslon",
        "A staff member at my office is collecting donations for a candidate",
        # evidence in hand
        "guru honorer pasang stiker caleg di motor dinas, videonya saya simpan",
        # "ada … yang …"
        "di kecamatan ini ada kabid yang ngumpulin honorer buat deklarasi dukung cagub",
        # today, a weekday, now
        "hari ini sekdes ikut konvoi partai",
        "Rabu kemarin bu kabag pasang twibbon capres",
        "This morning a civil servant in uniform was handing out campaign t-shirts",
        # a request for action
        "mohon segera ditindak, sekcam jadi timses caleg",
        # someone close to the writer is not the writer
        "adik saya pppk, minggu lalu disuruh atasannya jadi relawan paslon",
        # a scene set, a particular person
        "Di kantor dinas PU, kabid pasang foto bersama cabup di ruangannya.",
        "beliau juga minta staf ikut rapat timses",
        # planned, by an institution
        "Dinas pendidikan mengerahkan guru ke acara caleg minggu depan",
        "besok kades mau kumpulkan warga buat kampanye cabup",
    ],
)
def test_an_account_of_what_happened_is_a_tip(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "kepala puskesmas minta bidan ikut kampanye cabup. bisa dilapor gak ini?",
        "lurah bagi kalender bergambar caleg ke warga, fotonya ada. lapor kemana ya?",
    ],
)
def test_asking_where_to_report_what_happened_is_a_tip(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words, asked about the rule or hypothetically: not a tip
        ("istri saya guru, boleh ikut kampanye?", ("question", None)),
        ("saya pppk, minggu lalu disuruh atasan jadi relawan paslon", ("question", None)),
        ("kalau kepala desa kami kampanye, lapor kemana?", ("question", "how")),
        ("gimana cara lapor kades yang kampanye", ("question", "how")),
        ("lapor pns kampanye, apakah akan ditindak?", ("question", "how")),
        ("guru honorer pasang stiker caleg", ("question", None)),
        ("pns boleh dukung calon yang dia suka?", ("question", None)),
        ("besok boleh ikut kampanye?", ("question", None)),
        ("dinas boleh pasang baliho paslon?", ("question", None)),
    ],
)
def test_the_same_words_asked_stay_questions(text: str, expected: tuple[str, str | None]) -> None:
    assert report_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Javanese, Sundanese, Minang
        ("Wonten pegawai kecamatan ingkang masang spanduk caleg, kulo badhe lapor", "tip"),
        ("Aya guru PNS nu ngajak murid milih cabup, hoyong lapor", "tip"),
        ("Ado pegawai kantor camat nan mambagi amplop untuak caleg, ambo nio malapor", "tip"),
        ("Kemarin beta lihat guru PNS bagi sembako caleg, beta mau lapor", "tip"),
        ("Aku arep nglaporke PNS sing kampanye nang deso", "tip"),
        ("Tiang jagi ngelaporang pegawai kantor camat sane kampanye", "tip"),
        (
            "Wingi pak carik ngempalaken warga lajeng nyuwun milih calon, matur dhateng sinten?",
            "tip",
        ),
        ("Aya guru PNS nu ngajak murid milih calon, abdi hoyong ngawartosan ieu", "tip"),
        ("Ado guru PNS nan mandukuang caleg, ambo caliak kapatang, ambo nio malapor", "tip"),
        ("piye carane lapor pns kampanye?", "question"),
        ("Lapor ASN ora netral teng pundi?", "question"),
    ],
)
def test_regional_words_read_as_indonesian(text: str, expected: str) -> None:
    assert report_of(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("kak?", "hello"),
        ("ada yang online?", "hello"),
        ("oke paham, sangat membantu", "thanks"),
        ("matur nuwun", "thanks"),
        ("hatur nuhun kang", "thanks"),
        # regional greetings and address words
        ("sampurasun", "hello"),
        ("horas lae", "hello"),
        ("tabe daeng", "hello"),
        ("kulonuwun", "hello"),
        ("nuwun sewu", "hello"),
        ("om swastiastu", "hello"),
        ("makasih banyak bah", "thanks"),
        ("wilujeng wengi", "hello"),
        ("om swastiastu bli", "hello"),
        ("horas amang", "hello"),
        ("salam sejahtera", "hello"),
        ("matur suwun sanget", "thanks"),
        ("nuhun", "thanks"),
    ],
)
def test_calls_and_thanks_in_other_words_are_small_talk(text: str, kind: str) -> None:
    assert intent_of(text) == ("greeting", kind)


@pytest.mark.parametrize("text", ["kurang jelas", "belum paham", "ada yang bisa jelaskan cltn?"])
def test_a_complaint_or_a_question_is_not_thanks(text: str) -> None:
    assert intent_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    [
        "Sampurasun, Teh",  # Sundanese
        "Punten kang, bade naros",
        "Sugeng enjing Bu",  # Javanese
        "sugeng siang mas, arep takon",
        "Horas ito, boleh bertanya?",  # Batak
        "Tabe daeng",  # Bugis/Makassar
        "tabik pun",  # Lampung
        "Om swastiastu bli",  # Balinese
        "misi mas mo nanya",
        "selamat sore, saya mau konsultasi",
        "ada orang di sini?",
        "halo bisa bantu?",
    ],
)
def test_regional_and_clipped_greetings_open_the_conversation(text: str) -> None:
    assert intent_of(text) == ("greeting", "hello")


@pytest.mark.parametrize(
    "text", ["visi misi cabup", "kades pasang spanduk di sini", "pns bisa jadi kpps?", "bisa?"]
)
def test_greeting_words_inside_a_question_leave_it_a_question(text: str) -> None:
    assert intent_of(text)[0] != "greeting"
