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
        # the writer introduced before the question comes
        "Selamat sore. Saya seorang guru PNS, ingin berkonsultasi.",
        "Selamat malam, perkenalkan saya staf BKPSDM di kabupaten.",
        "Hi! I'm a nurse at a puskesmas and I have a few questions",
        "Wilujeng enjing, abdi bade naros",
        "Sugeng siang, Pak. Kulo badhe tanglet babagan netralitas",
        "Bang, aye mau nanye nih",
        "halo kak ad yg bs dbantu?",
        "Mohon bantuannya, Bapak/Ibu.",
        # thanks in other words
        "Terima kasih, informasinya sudah cukup jelas.",
        "Baik, terima kasih. Selamat siang.",
        "thank you so much, very helpful",
        "ok noted, thanks",
        "Tarimo kasih banyak yo",
        # the general subject, with its connectors and a year
        "Selamat pagi. Saya ingin bertanya mengenai ketentuan netralitas bagi PPPK dalam "
        "pemilu 2024.",
        "Mohon petunjuk, Bapak/Ibu.",
        "minta pencerahannya min",
        # English openings and thanks
        "Hey, quick question about elections",
        "Hi, I need some help",
        "Good day",
        "Greetings",
        "Morning!",
        "Hi, sorry to bother you",
        "Excuse me, may I ask something?",
        "Have a nice day",
        "Appreciate it",
        "Understood, thanks",
        "that answers my question, thanks",
        "Thank you very much for the explanation",
        "how are you?",
        "hai min apa kabar",
        # an introduction that names a place
        "Assalamualaikum warahmatullahi wabarakatuh. Saya ASN di Kabupaten Sleman.",
        "Hi, I'm a civil servant from Makassar",
        # more thanks and openings, formal, typed in a hurry, English, regional
        "Thank you for your help!",
        "Thanks for the info, have a great day",
        "OK, thank you for the answer.",
        "thanks, that's all I needed",
        "Good morning! I have a question regarding the upcoming election.",
        "Hello, I want to know more about civil servant neutrality",
        "hello? anybody?",
        "Dengan hormat, perkenankan saya bertanya.",
        "Terima kasih atas jawaban yang diberikan.",
        "Terima kasih, penjelasannya sangat lengkap.",
        "Hello, is this the right place to ask about ASN neutrality?",
        "mksih kak, udh jls",
        "slmt siang, ad yg bs sy tnyakan?",
        "pgi min, mo tny dkit",
        "Assalamualaikum, Uda. Ambo nak batanyo",
        "Hi there, I'm looking for some guidance",
        "thanks a bunch",
        "ty",
        "Alright, thanks for your time",
        "Great, that helps a lot",
        "Good morning. I work for the provincial government and would like some advice.",
        "Hello, I'm a government employee. Can I ask you a few things?",
        "Halo, saya baru pertama kali pakai bot ini",
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
        "ini bisa nanya apa aja?",
        "Hello, what can you help me with?",
        "Good morning, is this the ASN neutrality helpline?",
        "Hi, how does this work?",
        "Hi, is this service free?",
        "What kind of questions can you answer?",
        "Selamat siang. Apakah saya dapat berkonsultasi melalui layanan ini?",
        "Hello, how can you help me?",
        "Hi, are you a real person or an automated system?",
        "Hi, what topics do you cover?",
        "What languages do you speak?",
        "Can you reply in English please?",
        "Sugeng enjing, menika bot punapa nggih?",
    ],
)
def test_a_question_about_the_bot_itself_is_a_greeting(text: str) -> None:
    assert intent(text) == Intent("greeting", "about")


@pytest.mark.parametrize(
    "text",
    [
        # whether its answers are official: an entry answers that ("bot ini resmi dari
        # bawaslu?" is the official greeting, which carries the same entry:
        # test_routing_round8.py)
        "jawaban bot ini bisa dijadikan dasar hukum?",
        # an opening followed by a real question
        "Selamat pagi, mohon izin bertanya, apakah PNS boleh menghadiri kampanye?",
        "mau tanya soal netralitas asn, apa saja larangannya?",
        "saya ingin bertanya tentang cuti di luar tanggungan negara",
        "P3K itu apa",
        "netralitas asn itu apa?",
        "Can I ask my staff to attend the regent's campaign?",
        "Can police officers vote in Indonesian elections?",
        "Selamat pagi, saya guru PNS, suami saya nyaleg DPRD. Boleh saya ikut kampanye?",
        "halo min, saya pppk, boleh like postingan caleg?",
        "I'm a civil servant, can I attend my husband's campaign?",
        "pns bisa tanya apa aja ke bawaslu soal laporan?",
        "saya ingin bertanya tentang netralitas asn dalam pilkada, apa saja yang dilarang?",
        "mohon petunjuk, pns ikut kampanye sanksinya apa",
        "halo, saya pns dari partai lama, boleh?",
        "Hi, I'm a teacher from Bogor, can I join a campaign rally?",
        # a role wished for is a question, not an introduction
        "Ulun PNS, handak KPPS, kawa kah?",
        "Halo, saya PNS, mau daftar KPPS, bisa?",
        "halo saya pns ingin jadi pps",
        "makasih, tapi kalau honorer gimana?",
        # "Bapak/Ibu" is Sir/Madam, not "my mother", and an activity makes it a question
        "Selamat pagi, Bapak/Ibu. Saya hendak menanyakan beberapa hal terkait aturan "
        "netralitas ASN pada masa kampanye.",
        "thanks, and what about a retired civil servant joining a party?",
    ],
)
def test_an_opening_with_a_real_question_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


# --- accounts of what someone else did -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # told by one of those pressed: the act is the superior's, not the writer's
        "kepsek kami kemarin ngumpulin semua guru di aula, nyuruh menangin cabup petahana. "
        "aku guru juga tapi gak mau",
        "Kepala dinas kami mengumpulkan seluruh staf dan meminta kami memilih calon petahana. "
        "Saya sebagai staf merasa tertekan.",
        "camat maksa lurah2 sekecamatan pasang baliho caleg partainya, sy lurah jg, terpaksa",
        "atasan sy ngewajibin kami semua hadir di deklarasi paslon minggu depan. sy pns tp ga rela",
        "sy guru honorer, disuruh kepsek upload twibbon capres, jujur sy keberatan",
        "My boss ordered all of us staff to attend the governor candidate's rally last "
        "week, I am a civil servant and I didn't want to go",
        # and asking where to take it
        "kadis kami kumpulkan kabid2 suruh galang dukungan caleg, sy kabid jg. lapor kemana?",
        # eastern Indonesian, Javanese, Sundanese accounts
        "Kemarin kita lia pak camat da bage-bage amplop for caleg, kita so foto. Musti "
        "lapor pa sapa?",
        "Tadi torang lia guru PNS iko kampanye cagub, musti kase tau pa sapa?",
        "Pak lurah ngumpulke RT RW, dikon menangke paslon 1. Niku pripun?",
        "Pa kuwu ngempelkeun perangkat desa, nitah milih caleg ti partaina. Eta kumaha?",
        # shame called on what someone in a role did, an article before the person
        "pak kadis ikut konvoi partai kmrn, gak malu apa",
        "si bu bidan puskesmas promosiin caleg ke ibu2 posyandu",
        "sekdes di desa ku jadi caleg tp gak mundur2",
        # "gimana tuh" after what someone did; evidence handed over
        "tetangga sy pns pasang baliho caleg di depan rumahnya, gmn tuh",
        "ini link postingan pns dinas pendidikan dukung paslon 2",
        "berikut videonya, pak kades bagi amplop ke warga",
        # shameless, said of it; asking what to do, in Minang and Betawi
        "Pegawe kantor camat pade pasang gambar caleg di ruang kerja, kagak takut ape?",
        "Ambo caliak guru PNS mambagian baju caleg di pasa, apo nan harus ambo buek?",
        "Pak lurah kite kemaren bagi duit caleg, aye mesti gimane?",
        # hearsay of pressure, then "gimana ya"; someone unnamed, at a named place
        "katanya kepsek nyuruh guru2 coblos caleg tertentu, gmn ya",
        "di grup wa kantor ada yg share video kampanye cagub tiap hari",
        "ada orang bagi amplop caleg di masjid tadi subuh",
    ],
)
def test_an_account_of_what_someone_else_did_is_a_tip(text: str) -> None:
    assert intent(text) == Intent("tip", report="witness")


@pytest.mark.parametrize(
    "text",
    [
        # the writer asks what they must or may do: their own question
        "kabid sy wajibin semua staf dtg ke kampanye, sy hrs nurut?",
        "kepala dinas kami minta kami hadir di kampanye, saya wajib datang?",
        "kepsek nyuruh semua guru pasang twibbon capres, aku guru honorer, boleh nolak?",
        "kades ngumpulin perangkat suruh menangin paslon 01, sy perangkat harus ikut",
        "sy perangkat desa, boleh nolak kalau disuruh kades kampanye?",
        "saya pppk, minggu lalu disuruh atasan jadi relawan paslon",
        # the rule asked, or a hypothetical
        "kalau kades nyuruh perangkat menangkan paslon, itu melanggar?",
        "apakah kepala desa boleh mengumpulkan perangkat untuk mendukung calon?",
        "Kalau atasan memaksa kami memilih calon tertentu, apa yang bisa dilakukan?",
        "tetangga minta pasang spanduk caleg di pagar rumah saya, saya pns",
        "saya pns, boleh ikut kampanye suami?",
        "pns share link caleg di grup wa",
        "ini foto pns kampanye, boleh?",
        "pns gak takut kena sanksi kalau like postingan caleg?",
        "ada yang bilang pns boleh like postingan caleg",
        "ada yang tau aturan kampanye di kantor?",
        "saya disuruh kepsek ikut kampanye, gimana ya",
    ],
)
def test_the_writers_own_question_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"
