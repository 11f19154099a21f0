from pathlib import Path

import pytest

from knowledge import KnowledgeBase, base
from knowledge.intent import detect_intent, fits, last_question
from knowledge.normalize import Normalizer
from tests.knowledge.lexicon_edit import edited_lexicon, modules_reading

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


def test_reminding_someone_who_campaigned_is_not_a_subscription() -> None:
    assert report_of("tolong ingatkan pak camat kami yang ikut kampanye caleg kemarin") == (
        "tip",
        "witness",
    )


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
        # Seen, and asked whether it is allowed: still a tip (the rule comes with it).
        ("tadi liat pak camat pakai mobil dinas kampanye, itu boleh?", "tip"),
        # Asked about something less sure to have been seen: answered, with the offer.
        ("pak camat pakai mobil dinas tiap jumat buat kampanye, itu boleh?", "question"),
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
        # asking how to report what someone in a role did is a tip (blind SOURCES.md),
        # even supposed or asked with what follows (the answer stays the one about
        # reporting: report "how"); a kind of person with no act named is not
        ("kalau kepala desa kami kampanye, lapor kemana?", ("tip", "how")),
        ("gimana cara lapor kades yang kampanye", ("tip", "witness")),
        ("gimana cara lapor asn yang tidak netral", ("question", "how")),
        ("lapor pns kampanye, apakah akan ditindak?", ("tip", "how")),
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
        ("piye carane lapor pns kampanye?", "tip"),
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


# --- a citizen's account in every register ----------------------------------
# Someone else (a role, "oknum …", "tetangga saya"), an act seen or done, often a wish
# to report: a tip, however it is written.


@pytest.mark.parametrize(
    "text",
    [
        # formal
        "Saya menyaksikan sendiri Kepala Bidang Perencanaan membagikan kaos bergambar calon "
        "gubernur kepada para honorer di aula dinas.",
        "Dengan hormat, kami warga RT 04 ingin mengadukan Lurah yang mengarahkan warga untuk "
        "memilih pasangan calon tertentu saat pembagian bantuan sosial.",
        "Oknum camat terlihat menghadiri deklarasi pasangan calon dengan mengenakan seragam "
        "dinas pada Sabtu lalu.",
        "Kepala Dinas Kesehatan memaksa bawahannya menghadiri kampanye calon bupati petahana.",
        "Kepala desa membagi-bagikan sembako berlogo partai kepada warga menjelang pemungutan "
        "suara.",
        "kasi pemerintahan pasang baliho caleg dua hari yang lalu, lapor ke mana?",
        "Mohon ditindaklanjuti, Kabag Umum Setda menggunakan kendaraan dinas untuk mengangkut "
        "atribut partai.",
        "Saya hendak menyampaikan pengaduan terkait kepala puskesmas yang mengarahkan tenaga "
        "kesehatan memilih calon tertentu.",
        # chat
        "td pagi pak kades bagi2 amplop ke warga, katanya dari caleg no 3",
        "barusan liat oknum pns pake mobil dinas plat merah nganter spanduk caleg",
        "pak camat ketahuan ikut rapat timses paslon semalem",
        "tetangga sy yg PNS kepergok bagi2 stiker capres di pasar",
        "oknum lurah ngarahin warga buat coblos no 1 waktu bagi bansos",
        "pak kades kita bilang kalo ga pilih no 2 bansosnya dicabut",
        "min, kepala dinas kami maksa semua staf ikut apel dukungan cabup, gmn cara lapornya",
        # typing in a hurry
        "kmren sy liat kpl desa bgi2 sembako ada stkr calegnya",
        "guru PNS d skolah anak sy nyuruh murid pasang stiker capres",
        "ada oknum asn kampanye di sekolah, gmna cra lpor nya",
        "pak camt ikt kmpanye cabup pk seragam dinas tdi sore",
        "pjbt kcamatan bagi2 amplp dr clg no 5 kmrn",
        # English
        "I saw the village head handing out rice packages with a candidate's sticker on them "
        "this morning.",
        "My neighbour who is a civil servant keeps posting campaign material for a candidate "
        "on Facebook. Where can I complain?",
        "A teacher at my kid's school told the students to ask their parents to vote for "
        "candidate 2.",
        "The district head forced his staff to attend a campaign rally last Saturday.",
        "Caught the head of the health office at a party event wearing his uniform.",
        "Spotted a civil servant distributing envelopes of money on behalf of a legislative "
        "candidate.",
        "There's a civil servant in my neighbourhood who hands out money to voters for a "
        "party. What should I do?",
        "A health office official posted a photo with the candidate doing the two-finger pose.",
        # Javanese, Sundanese, Betawi, Minang
        "Wingi aku ndelok pak lurah mbagi amplop nang warga kanggo caleg",
        "Mau isuk bapake kepala desa ngumpulke warga, dikon milih paslon nomer siji",
        "Kamari abdi nempo pa kades ngabagikeun sembako nu aya gambar caleg",
        "Kang, guru PNS di sakola abdi masang stiker capres dina motor dinas",
        "Kemarén aye liat pak RT yang PNS bagiin amplop caleg, gimane lapornye?",
        "Uda, patang ambo caliak pak wali nagari mambagi-bagi baju caleg",
        "Uni, kapalo dinas awak ikuik kampanye pakai baju dinas, baa caro malapor?",
        "Bang, kemaren aye liat lurah bagiin duit ke warga buat caleg, kudu lapor ke mane?",
        "Kulo ningali Pak Lurah nderek kampanye ngagem seragam dinas",
        "Dulur, kades ing deso ku ngumpulke perangkat desa kon dadi timses cabup",
        "Akang, kamari kapala desa ngiring deklarasi dukung paslon, abdi bade lapor",
        "Wingi aku nyekseni dhewe pak carik ngejak warga milih caleg",
        "Uda, kapalo dinas awak manyuruah pegawai mamasang baliho cagub patang",
        # a threat told, someone pressed, help asked, evidence to send
        "Ada pendamping PKH yang ngancam KPM bansosnya dicabut kalo ga nyoblos paslon 3",
        "tolong, pak camat maksa kami pns kecamatan datang ke acara cabup malam ini",
        "ini ada bukti foto pak sekcam ikut konvoi kampanye kemarin, mau sy kirim kemana?",
        "ada yg bisa bantu? camat di tempatku kampanye terang2an pake mobil dinas",
        "Woi min, aparat desa tempatku pada pake kaos paslon pas kerja, lapor dmn nih",
        "Pak Bupati pake acara dinas buat sosialisasi dirinya sendiri yg nyalon lagi, pegawai "
        "wajib hadir",
        "A civil servant from the local health agency is actively campaigning for a candidate "
        "on TikTok, I have screenshots.",
        # a status named with its workplace; pressure told without naming who
        "pegawai puskesmas bagiin kalender caleg ke pasien waktu pelayanan",
        "A civil servant at the land office is running a WhatsApp group for a candidate's "
        "volunteers.",
        "Di kantor kami ada iuran wajib buat cetak baliho calon bupati, yang nolak diancam "
        "dimutasi.",
        "Pak kades nyuruh warga milih paslon 1, yen ora bansose dicabut. Wingi kedaden.",
        "Atasan saya menyuruh semua pegawai memilih paslon 2 kemarin, kalau tidak akan dimutasi.",
        "nama sy dicatut jd pendukung caleg, sy asn, gmn ngelaporinnya",
        # a tip's heading, a request to look into it
        "Pelanggaran netralitas di Dinas Pendidikan: kabid ikut jadi timses caleg partai.",
        "Tolong cek akun FB pak camat, isinya kampanye caleg semua",
        # a party or a ticket named instead of "partai"/"capres"; village and poll workers
        "kemarin sekdes pasang foto prabowo gibran gede di balai desa",
        "anggota BPD ngajak warga dukung golkar tadi malam di masjid",
        "petugas KPPS di TPS kami nyuruh pemilih coblos nomor 2",
        # the actor with "-nya", a status at a named workplace
        "lurahnya ikut bagi2 kaos paslon ke warga pas senam pagi minggu",
        "Beberapa ASN di Pemkab ikut kumpul di posko pemenangan cabup",
        "Diduga Kepala Dinas PU terlibat kampanye cabup",
        # short news brought to the bot
        "pns kampanye di fb nih min",
        "min ada pns nyebar stiker caleg",
        "kepsek suruh murid coblos 01",
        "Ketua RT kami PNS dan terang-terangan jadi koordinator relawan capres di kampung.",
        # telling someone, to whom or where, stands for reporting
        "Kemarin sekcam ngumpulin guru honorer buat deklarasi cagub, aku harus kasih tau ke siapa?",
        "Pak lurah mbagekne beras kanggo caleg wingi, kula kedah matur dhateng sinten?",
        "Kamari pa camat ngiring konvoi partai, abdi kedah ngawartosan ka saha?",
        "My neighbour's husband works at the district office and handed out campaign shirts "
        "to his staff. Who should I contact?",
        # evidence received, and what to do with it
        "Aku dapet terusan chat dari kabid, isinya nyuruh staf pilih cabup no 1. Harus aku "
        "apain ini?",
    ],
)
def test_accounts_in_every_register_are_tips(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        # a civil servant asking about themself
        "saya PNS, boleh ikut kampanye suami saya?",
        "kalau aku ASN posting dukungan capres di IG pribadi, kena sanksi ga?",
        "kemarin saya datang ke kampanye caleg, apakah saya melanggar?",
        "Sebagai ASN saya ikut pelatihan saksi partai kemarin",
        "I am a teacher at a public school, can I attend a campaign rally?",
        # the rule asked, in statement form too
        "pak kades boleh bagi sembako pas masa kampanye?",
        "Apakah kepala desa yang membagikan sembako bergambar calon melanggar aturan?",
        "Kepala desa ikut kampanye kena sanksi apa",
        "bidan desa pppk harus netral ga waktu pilkada",
        "pppk ikut memilih di pilkada gak sih, atau harus golput biar netral",
        "asn bantuin anaknya yang timses pasang tenda buat acara kampanye",
        "is writing 'good luck sir' under a candidate's facebook post a violation for a "
        "state employee",
        "Bagaimana cara melaporkan ASN yang tidak netral?",
        # the writer is the civil servant, whoever else is named
        "tetangga yang baru mau nyalon minta pasang spanduk di pagar rumah saya, saya pns",
        "kapus nyuruh bidan2 dateng ke rumah paslon tiap kamis malem buat pertemuan. sy "
        "bidan honorer, boleh ikut dtg?",
        # what was done is asked about, not what to do about it
        "Kepala sekolah kami (PNS) ngumpulin guru-guru dan minta kami semua pilih caleg "
        "tertentu. Itu boleh dia lakukan?",
        "foto rame rame di nikahan ada cabupnya, asn boleh unggah?",
        "screenshot postingan pns dukung caleg cukup buat bukti laporan?",
        "can a public school teacher tell parents which candidate to vote for",
        "saya lihat di aturannya pns dilarang kampanye, kalau cuma hadir boleh?",
        "guru pns boleh kasih tau murid paslon mana yang bagus?",
        # the writer's own dilemma after what their superior did
        "kabid kami minta tiap staf nyetor 100 ribu buat kampanye calon petahana, harus ikut?",
        "kemarin kadis ngumpulin kami di aula, suruh dukung cabup, boleh saya tolak?",
    ],
)
def test_questions_near_an_account_are_not_tips(text: str) -> None:
    assert report_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    [
        "tadi pagi liat pak lurah bagi amplop ke warga, itu melanggar kan?",
        "kemarin oknum guru PNS pasang baliho caleg di sekolah, dia bisa kena sanksi ga?",
        "I saw the village head at a party rally yesterday, is that allowed?",
        "td liat bu camat ikut konvoi paslon, kalo sy lapor identitas sy aman ga?",
        "kmrn ada acara di balai desa, kades sama perangkat pake kaos paslon semua. gmn nih",
        # the condition is the reporting, not what happened
        "Kalau saya laporin pak camat yang kampanye kemarin, identitas saya aman ga?",
        # the writer says they saw it, whatever they ask and wherever they ask it
        "emang boleh ya kades bagi2 amplop pas kampanye? tadi aku liat sendiri",
        "Is it legal for the village head to hand out money for a candidate? I saw it yesterday.",
        # a civil servant pressed into it, asking how to report it
        "Saya ASN, dipaksa atasan milih calon tertentu, bisa lapor ke mana?",
        "I'm a civil servant and my boss forced us to attend a campaign rally. How can I "
        "report him safely?",
    ],
)
def test_an_account_that_asks_about_what_was_told_is_a_tip(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


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


# --- tips in chat register ---------------------------------------------------
# Short, unpunctuated, with "min"/"gan"/"guys", outrage ("parah sih", "ga bener nih"),
# calls to spread it ("tolong diviralkan"), the writer's own place ("di sini", "sekolah
# ini"), and a question after the account about where to take it or about the people
# pressed: still an account of what someone did.


@pytest.mark.parametrize(
    "text",
    [
        "guru pns pose 2 jari di ig",
        "kades pake kaos caleg pas posyandu",
        "parah sih pak lurah bagi2 amplop caleg no 2",
        "viral guru pns joget2 di panggung kampanye capres",
        "min di grup wa dinas kabid nyebar poster paslon 1",
        "tolong diviralkan kepsek maksa guru dukung caleg",
        "kepsek di sini nyuruh murid bilang ke ortu pilih no 3 ga bener nih",
        "di sekolah ini guru2 pns pada pasang twibbon capres",
        "kantor ini tiap apel kadisnya kampanye cagub",
        "gan pak kades kampanye terang2an di masjid ini gmn",
        "bidan pns di desa kami jadi timses caleg 😡",
        "guys sekdes pasang baliho caleg di depan kantor desa parah",
        "kades bagi sembako ada stiker paslon, mau kasih tahu ke siapa?",
        "pak camat ikut deklarasi cabup, ini ke mana ya?",
        "kepala puskesmas nyuruh bidan ikut kampanye caleg, bidan pns wajib nurut?",
        "lurah pasang foto bareng cagub di baliho kelurahan ga bener nih min",
        "pns dishub pake seragam dinas di acara partai, tolong diviralkan",
        "kadis upload dukungan caleg di fb min parah",
        "guru sd pns ngajak wali murid coblos caleg no 4 di grup wa kelas",
    ],
)
def test_accounts_in_chat_register_are_tips(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "kalo guru pns pose 2 jari boleh ga?",
        "saya pns like status caleg gmn",
        "guru pns pose 2 jari di ig boleh ga",
        "pns ikut kampanye gmn hukumnya",
        "asn boleh ga dateng kampanye",
        "sy pppk foto sama caleg kena sanksi ga min",
        "kades boleh ga jadi timses",
        "pns like postingan capres melanggar ga sih",
        "gan kalo asn share berita paslon gmn",
        "aku guru honorer ikut kampanye gapapa kan",
        "camat ikut kampanye",
        "pns kampanye sanksinya apa",
    ],
)
def test_chat_questions_that_look_like_accounts_stay_questions(text: str) -> None:
    assert report_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    [
        # a threat told in chat ("klo ga milih …" is what was said, not a supposition)
        "ASN dinsos ngancem penerima bansos klo ga milih paslon 2",
        "lurah bilang yg ga dateng kampanye ga dapet bansos",
        # a complaint ("kok", "knp", "masa") about what someone in a role did
        "camat kita kok ikut deklarasi ya",
        "knp pns di kelurahan pada pake pin partai",
        "kok bisa kepala dinas jadi jurkam cagub",
        # set against what they should have done, judged wrong
        "sekdes nyalon caleg tapi belum mundur",
        "kadisdik wajibin guru dateng deklarasi capres, ini ga bener kan",
        # more chat accounts
        "pak rt yg pns ngumpulin ktp warga buat dukungan calon independen",
        "kepsek anakku posting dukung capres di story wa",
        "tlg dicek min kades pake dana desa buat kampanye",
        "min kadis ikut kampanye cagub pke baju dinas, ini gmn",
        "ada kepala desa bagi duit ke warga buat pilih caleg, ini gimana min",
        "mau info aja min, kasi kesra kelurahan bagi2 sembako caleg",
        "dosen pns di kampus ngajak mhs pilih caleg partainya",
    ],
)
def test_complaints_and_threats_told_in_chat_are_tips(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "kenapa pns dilarang kampanye",
        "kok pns ga boleh ikut kampanye sih",
        "kenapa kades harus netral",
        "dosen pns boleh ngajak mhs milih?",
        "pns jadi admin grup relawan boleh ga",
        "kades nyalon caleg harus mundur ga",
        "camat pidato dukung cabup boleh?",
        "guru pns ikut konvoi caleg gmn hukumnya min",
        "kalo kades upload foto bareng caleg melanggar ga",
        "sy guru pns diwajibin kepsek dateng deklarasi, harus dateng ga?",
        "kepala desa boleh bagi sembako pas kampanye ga sih",
        "apakah pns boleh pose 2 jari di instagram",
        "kalau di sini pns ikut kampanye kena sanksi ga",
        "saya kades, boleh pasang foto bareng caleg di fb?",
        "pns kampanye itu ga etis kan?",
    ],
)
def test_chat_questions_about_the_rules_stay_questions(text: str) -> None:
    assert report_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    [
        # vowels dropped in haste
        "kpla desa bgiin bras ke wrga sblm coblosan",
        "camt ikt deklrasi cabup kmrn sore",
        "lrah nyruh wrga plih no 1",
        "gru pns d sklh ank sy pasng stikr capres di kls",
        # regional
        "kades di kampuang awak ikuik kampanye",
        "pak lurah neng deso ku bagi amplop kanggo caleg",
        "pak camat teh ngiring kampanye make baju dinas",
        # pressed by someone in a role, told in the passive
        "guru2 disuruh kepsek upload twibbon capres",
        "sekcam joget di kampanye cabup pake baju dinas 😂",
    ],
)
def test_hurried_and_regional_chat_accounts_are_tips(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "pns bole ikt kmpanye ga",
        "kpla desa blh jd timses?",
        "gru pns blh pasang stikr capres di rumah?",
        "pns oleh melu kampanye ora?",
        "pns teh kenging ngiring kampanye?",
        "asn joget di kampanye melanggar ga",
        "saya guru disuruh kepsek upload twibbon capres, harus ikut?",
    ],
)
def test_hurried_and_regional_questions_stay_questions(text: str) -> None:
    assert report_of(text)[0] == "question"


def test_vowel_dropped_words_are_read_whole_before_routing() -> None:
    """Routing reads the normalizer's words: a role, a place or an election word typed
    without its vowels is read whole, so the account it tells is a tip."""
    from knowledge.witness import ROLES

    assert Normalizer().words("desa camt lrah plih pns") == (
        "desa",
        "camat",
        "lurah",
        "pilih",
        "pns",
    )
    assert Normalizer().words("kpla desa")[0] in ROLES
    assert report_of("camt ikt deklrasi paslon td pagi di kntr kcmtan") == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own place, then where to take it
        "pak kepsek sekolah ini suka posting dukung caleg, mau kasih tahu ke siapa?",
        "di kantor ini kabidnya ngajak staf ke kampanye, ini ke mana ya?",
        "guru pns di sekolah ini ikut kampanye, info ke siapa ya",
        "bu bidan pns di sini jadi tim sukses caleg, harusnya ga boleh kan?",
        # a short account that says where, then "ini gimana"
        "guru pns pose 2 jari di tiktok, ini gimana ya min?",
        # a question about the duty of the people pressed, not the writer's
        "camat ngumpulin lurah buat dukung cabup, lurahnya harus ikut ga?",
        "kades nyuruh rt rw ngumpulin ktp buat caleg, rt wajib nurut?",
        "kades minta warga ikut kampanye, warga wajib ikut?",
    ],
)
def test_questions_after_a_chat_account_keep_it_a_tip(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "guru pns pose 2 jari di ig, itu gimana hukumnya?",
        "guru pns pose 2 jari di ig, itu boleh?",
        "kepsek nyuruh kami ikut kampanye, kami wajib ikut?",
        "pns dilarang kampanye, harusnya boleh kan?",
    ],
)
def test_rule_questions_after_a_chat_scene_stay_questions(text: str) -> None:
    assert report_of(text)[0] == "question"


@pytest.mark.parametrize(
    "text",
    [
        "sekdes pasang baliho caleg di rumahnya, dia kan pns",
        "lurahku melu kampanye caleg nganggo klambi dinas",
        "kades iki mbagi duit nggo caleg, piye iki?",
        "pak camat teh milu kampanye, kumaha ieu?",
        "pak camat ikut kampanye, aku kudu piye?",
        "pak kepling kami bagi-bagi kaos caleg, macam mana ini?",
        "kepala desa ikut kampanye bagaimana ini",
        "tolg min ada asn dinas kesehatan ikut kampanye pake seragam, foto ada, sy hrs gmn",
    ],
)
def test_regional_and_chat_asides_keep_an_account_a_tip(text: str) -> None:
    assert report_of(text) == ("tip", "witness")


@pytest.mark.parametrize(
    "text",
    [
        "pak camat ikut kampanye, itu gimana?",
        "kades ikut kampanye, gimana ini aturannya?",
        "kalau pak camat ikut kampanye, saya harus gimana?",
        "saya pns, kades ikut kampanye, saya harus gimana?",
        "pns ikut kampanye gimana ini",
        "pns itu kan dilarang kampanye",
        # why some may not: the rules (the writer pressed by a superior and afraid, or
        # asking what to do, is a tip: tests/routing/test_tip_pressed.py)
        "kenapa tni polri gak nyoblos tapi pns",
    ],
)
def test_rule_questions_with_chat_asides_stay_questions(text: str) -> None:
    assert report_of(text)[0] == "question"


def test_what_ends_a_ballot_number_is_a_word_of_the_lexicon(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "nomor 5" is a candidate's number, and the village head reading it out an account
    to report; "nomor 5 tahun 2023" names a regulation. The words that make it one are
    intents.toml [witness] not_ballot_after: "ayat" (clause), added there alone, makes
    "nomor 5 ayat 2" a regulation read out, asked about, not reported."""
    text = "pak kades kemarin bacain nomor 5 ayat 2 di balai desa"
    assert kb.ask(text).intent == "tip"
    words = edited_lexicon(
        tmp_path, "intents.toml", r"^not_ballot_after = \[", 'not_ballot_after = ["ayat", '
    )
    _, intent = modules_reading(words, "knowledge.witness", "knowledge.intent")
    monkeypatch.setattr(base, "detect_intent", intent.detect_intent)
    assert kb.ask(text).intent == "faq"
