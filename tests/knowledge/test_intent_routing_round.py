"""Issue 13's routing round: greetings in every register (the salam typed in haste, a
formal address, thanks with a promise to ask again, farewells "for now"), asking how to
report someone's breach, and the questions that stay questions beside them."""

import pytest

from knowledge.intent import Intent, detect_intent, emoji_small_talk
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent(text: str) -> Intent:
    return detect_intent(_norm.words(text), asked="?" in text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("asslamualaikum wr wb", "hello"),
        ("aslkm min", "hello"),
        ("Selamat pagi Bapak/Ibu Admin yang terhormat", "hello"),
        ("woi, ada admin ga?", "hello"),
        ("permisi pak, izin nanya dulu", "hello"),
        ("pagi kak, ada yg bisa ditanya?", "hello"),
        ("good night, admin", "hello"),
        ("siap, makasih. nanti kalau ada lagi saya tanya", "thanks"),
        ("makasih min, sukses selalu", "thanks"),
        ("mokase banyak kaka", "thanks"),
        ("cukup sekian, terima kasih", "thanks"),
        ("udah dulu ya kak", "bye"),
        ("segitu dulu ya min", "bye"),
        ("take care", "bye"),
        # formal openings and thanks
        ("Dengan hormat, saya bermaksud menanyakan beberapa hal seputar netralitas.", "hello"),
        ("Mohon izin bertanya kepada Bapak/Ibu pengelola, semoga berkenan.", "hello"),
        ("Selamat sore, apakah ada petugas yang bisa membantu?", "hello"),
        ("Mohon arahannya, Bapak/Ibu.", "hello"),
        ("Terima kasih, jawaban Bapak/Ibu sudah saya pahami.", "thanks"),
        ("Terima kasih, semoga layanan ini terus bermanfaat.", "thanks"),
        # typed in haste
        ("trmksh ats jwbnnya min", "thanks"),
        ("asw min", "hello"),
        # regional thanks and openings
        ("maturnuwun mas", "thanks"),
        ("matur sembah nuwun, Pak", "thanks"),
        ("sakalangkong", "thanks"),
        ("suksma bli", "thanks"),
        ("hapunten kang, bade tumaros", "hello"),
        # "ok" alone (read "boleh") acknowledges an answer
        ("ok", "thanks"),
        ("ok min", "thanks"),
        ("can I type my questions in English?", "about"),
        ("halo bang, sapa nih?", "about"),
        ("boleh nulis pakai bahasa sunda?", "about"),
    ],
)
def test_small_talk_in_every_register(text: str, kind: str) -> None:
    assert intent(text) == Intent("greeting", kind)


@pytest.mark.parametrize(
    "text",
    [
        "kalau pns kampanye di luar jam kerja?",
        "dulu pns boleh jadi timses, sekarang?",
        "makasih, tapi kalau pppk ikut kampanye gimana?",
        "permisi, mau tanya pns boleh nyaleg?",
        "can I ask whether civil servants may campaign?",
        "apakah ada petugas kpps yang pns?",
        "terus kalau pppk gimana?",
    ],
)
def test_a_question_beside_the_small_talk_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


@pytest.mark.parametrize(
    "text",
    [
        "atasan saya ga netral, lapor kemana ya?",
        "How do I report my boss who violated neutrality rules?",
        "mau ngadu soal pegawai kecamatan yang melanggar netralitas, tau namanya kok. caranya?",
        "kalau ada guru pns kampanye di kelas, lapor ke mana?",
    ],
)
def test_how_to_report_someone_is_a_tip(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "cara lapor pelanggaran netralitas asn gimana?",
        "bisa lapor tanpa nama?",
        "berapa hari batas waktu lapor ke bawaslu?",
        "Bagaimana cara melaporkan ASN yang tidak netral?",
        # the writer is the one reported
        "saya pns dilaporkan tidak netral, bisa lapor balik?",
    ],
)
def test_reporting_asked_about_stays_a_question(text: str) -> None:
    assert intent(text) == Intent("question", report="how")


@pytest.mark.parametrize(
    "text",
    [
        # a workmate named before the writer ("my colleague, a PNS" reads "rekan kerja saya
        # pns"): the colleague acts, not the writer
        "teman sekantor saya guru pns jadi admin grup relawan capres, ss nya ada. bisa lapor?",
        "My coworker, a civil servant, hands out a candidate's flyers at the office. I have "
        "photos. Who should I tell?",
        # Minang and hasty report words
        "Ado lurah di kampuang kami mambagi amplop caleg. Ambo nio malapua.",
        "ad kades bagi2 sembako paslon, mw mlapor",
        # evidence held in formal words, and how to pass it on
        "Saya memiliki rekaman seorang kepala bidang mengajak staf memilih calon petahana. "
        "Bagaimana saya menyampaikannya?",
        # pressed, the superior named after the passive, and unwilling
        "saya staf tu di sekolah, disuruh nyebar brosur caleg ke wali murid sama kepsek, "
        "saya ga mau",
    ],
)
def test_accounts_in_more_words_are_tips(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own dilemma stays theirs, passive or not
        "saya disuruh kadis ikut kampanye sama atasan, harus nurut?",
        "saya pppk, kemarin diminta hadir di deklarasi oleh atasan",
        "rekan kerja saya boleh jadi timses caleg?",
    ],
)
def test_the_writers_own_case_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


@pytest.mark.parametrize(
    "text",
    [
        # a report about someone in a role, followed up or worried about
        "Saya sudah mengadukan camat ke Bawaslu dua minggu lalu, kapan ada hasilnya?",
        "udh pernah lapor pns kampanye bulan lalu, blm ada kabar smp skrg",
        "kalau sy ngadu soal kepsek, nama sy aman?",
    ],
)
def test_a_report_about_someone_followed_up_is_a_tip(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # where a report goes, and whom one tells, are not who is reported
        "lapor ke dinas kesehatan bisa ga?",
        "saya sudah lapor atasan, terus apa lagi?",
        "cek status laporan saya gimana?",
    ],
)
def test_where_a_report_goes_accuses_nobody(text: str) -> None:
    assert intent(text).kind == "question"


@pytest.mark.parametrize(
    ("text", "kind"), [("🙏", "thanks"), ("👍🏻👍🏻", "thanks"), ("👋", "hello")]
)
def test_emoji_alone_are_small_talk(text: str, kind: str) -> None:
    assert _norm.words(text) == ()
    assert emoji_small_talk(text) == kind


@pytest.mark.parametrize("text", ["😡", "🙏 pns boleh kampanye?", ""])
def test_other_emoji_or_words_are_not(text: str) -> None:
    assert emoji_small_talk(text) is None or _norm.words(text)


@pytest.mark.parametrize(
    "text",
    [
        "kapan bansos pkh tahap ini cair?",
        "BLT dana desa bulan depan cair tanggal berapa ya",
        "gimana cara daftar jadi anggota partai? saya wiraswasta",
    ],
)
def test_social_aid_and_party_procedure_are_not_ours(kb, text: str) -> None:  # type: ignore[no-untyped-def]
    got = kb.ask(text)
    assert got.match is None and got.intent != "tip"


@pytest.mark.parametrize(
    "text",
    ["pns boleh jadi anggota partai?", "kades bagi blt sambil kampanyein paslon, boleh?"],
)
def test_with_an_actor_asking_or_a_campaign_they_stay_ours(kb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert kb.ask(text).match is not None


@pytest.mark.parametrize(
    "text",
    [
        # someone else's act with when it happened, then whether it breaks the rules
        "lurah kmi td pagi bagi2 kalender caleg, emg boleh?",
        "Kemarin sore seorang kepala seksi di kantor kami menjadi pembawa acara kampanye "
        "caleg. Bisakah ia dipidana?",
        "Minggu lalu kepala sekolah mengumpulkan kami dan meminta memilih calon petahana. "
        "Apakah dia dapat dikenai sanksi?",
        "tadi ada sekcam ikut konvoi paslon, melanggar ga sih",
        # "salah satu calon" is no question of what is wrong
        "Kepala dinas kami mendukung salah satu calon di acara kantor. Apa yang bisa saya lakukan?",
    ],
)
def test_a_recent_act_judged_is_a_tip(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own part, a status, or a look at something
        "kemarin kades kampanye, saya pns boleh ikut?",
        "atasan kemarin nyuruh saya ikut kampanye, boleh?",
        "ibu saya pensiun bulan lalu, sekarang diajak jadi relawan caleg, sudah boleh kan?",
        "pns liat debat capres di tv boleh kan",
        "pns yang ketahuan ikut kampanye kena sanksi apa?",
    ],
)
def test_the_rule_or_the_writers_part_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


def test_an_unwilling_writer_asking_what_to_do_is_a_tip() -> None:
    text = (
        "Saya staf di kantor dinas. Kemarin kepala dinas mengumpulkan kami dan mewajibkan "
        "semua ikut kampanye cagub, katanya itu tidak dilarang. Saya keberatan. Apa yang "
        "sebaiknya saya lakukan?"
    )
    assert intent(text).kind == "tip"
