"""Greetings and questions about the service itself, in the ways people open a chat: formal
Indonesian, chat shorthand and typos, English, regional openings. And what stays a question
although it opens with a greeting ("pagi kak, pns boleh like status caleg?") or a tip."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App
from tests.routing.helpers import person

GREETINGS = [
    # formal Indonesian
    "Selamat siang, mohon izin bertanya",
    "Selamat pagi Bapak/Ibu, mohon maaf mengganggu waktunya",
    "Mohon informasi, layanan ini untuk apa?",
    "Dengan siapa saya berbicara?",
    "Apakah saya berbicara dengan petugas?",
    "Permisi, saya ingin mengetahui layanan apa saja yang tersedia di sini",
    "Bagaimana cara menggunakan layanan ini?",
    "Bagaimana cara bertanya di sini?",
    "Selamat pagi, mohon izin memperkenalkan diri",
    "Assalamualaikum warahmatullahi wabarakatuh, Bapak/Ibu yang saya hormati",
    "Mohon maaf sebelumnya, apakah ini benar layanan informasi netralitas ASN?",
    "Kepada Yth. Admin",
    "Yang terhormat pengelola layanan",
    "Salam kebajikan",
    "Namo buddhaya",
    "Selamat malam, apakah layanan ini masih aktif?",
    "Mohon izin, layanan ini melayani apa saja?",
    "Apakah layanan ini tersedia 24 jam?",
    "Apakah pertanyaan saya akan dijawab oleh petugas?",
    # chat, shorthand and typos
    "min",
    "kak mau nanya dong",
    "ini bot ya",
    "ini bisa apa aja sih",
    "ini apaan",
    "ini buat apa",
    "gimana cara pakainya",
    "min ini bot atau orang",
    "bot ini ngapain aja",
    "test",
    "test 123",
    "cek cek",
    "halo2",
    "assalamualaikum wr wb",
    "walaikumsalam",
    "p p",
    "pp",
    "bang",
    "mat siang",
    "hai kak, salken",
    # typed in haste: a letter off a greeting word, shorthand, whether anyone is there
    "selamat siyang",
    "met siank",
    "assalamualaykum",
    "ijin bertnya min",
    "helow min",
    # asking whether the bot is still there ("masih … kan?"): no question of ours in it
    "halo, masih aktif kan?",
    "kak masih online kan",
    "hello, are you still there?",
    "asslamu'alaikum",
    "pmisi",
    "adminnya ada?",
    "lg online?",
    "bls dong",
    "coba2",
    "Kak, aku mau curhat dikit boleh?",
    "Permisi min, numpang lewat",
    # English
    "what can you help me with?",
    "how does this work?",
    "who am I talking to?",
    "hello, I have a question",
    "Dear Sir/Madam",
    "Hello team",
    "Can you tell me what this service does?",
    "Hi there, who am I chatting with?",
    # regional openings
    "Sugeng siang, nyuwun sewu badhe tanglet",  # Javanese
    "Monggo, nyuwun pirsa",  # Javanese
    "Wilujeng enjing, punten bade naros",  # Sundanese
    "Horas, lae. Marsapa",  # Batak
    "Salamaik pagi, ambo nak batanyo",  # Minang
    "tabe daeng, mau ka bertanya",  # Bugis
    "Salamat pagi, ulun handak batakun",  # Banjar
    "Swastyastu",  # Balinese
    "Rahajeng semeng",  # Balinese
    "selamat siang om, kita mo batanya",  # Manado
]

# Whether the service is official, and who runs it: a greeting whose reply adds the
# knowledge base's honest answer (an aid, not an official body).
OFFICIAL = [
    "Apakah benar ini layanan resmi?",
    "Apakah benar ini layanan resmi dari pemerintah?",
    "Mohon maaf, ini nomor resmi atau bukan?",
    "Mohon penjelasan, layanan ini dikelola oleh instansi mana?",
    "Layanan ini milik instansi mana?",
    "hello, who runs this?",
    "is this an official channel?",
    "is this legit?",
    "ini wa resmi?",
    "Is this run by the government?",
]

# A real question (or a tip) after a greeting stays one.
STILL_QUESTIONS = [
    # a real word close to a greeting word is not read as one ("salah", not "salam")
    "salah ga kalau pns like status caleg?",
    "pagi kak, pns boleh like status caleg?",
    "Selamat siang, mohon izin bertanya, apakah ASN boleh menghadiri kampanye?",
    "halo min, guru honorer boleh jadi timses?",
    "assalamualaikum, pns boleh foto bareng caleg?",
    "hello, can a civil servant attend a campaign rally?",
    "Sugeng enjing, PNS angsal ndherek kampanye?",
    "Horas lae, PNS boleh pasang baliho caleg?",
    # (naming an election body beside the bot is the official greeting, which carries
    # the entry about the bot: tests/knowledge/test_routing_round8.py)
]
TIPS = [
    "selamat pagi, saya mau lapor kepala desa bagi sembako dari caleg kemarin",
    "halo min, tadi saya lihat camat ikut kampanye paslon",
    "is this an official channel to report a civil servant campaigning?",
]


@pytest.mark.parametrize("text", GREETINGS + OFFICIAL)
def test_openings_are_greetings(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "greeting"


@pytest.mark.parametrize("text", OFFICIAL)
def test_asking_whether_it_is_official_carries_the_entry_about_the_bot(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "greeting" and got["match"]["id"] == "prinsip-tentang-bot"


@pytest.mark.parametrize("text", STILL_QUESTIONS)
def test_a_question_after_a_greeting_stays_a_question(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "faq" and got["match"] is not None


@pytest.mark.parametrize("text", TIPS)
def test_a_tip_after_a_greeting_stays_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


async def test_asking_whether_it_is_official_gets_the_welcome_and_the_honest_answer(
    app: App,
) -> None:
    reply = await person(app, "console:official").say("Apakah ini layanan resmi pemerintah?")
    assert "Saya asnbot" in reply and "bukan lembaga resmi" in reply


# Near misses of the civil-service topics that are not ours (knowledge/lexicon/scope.toml):
# an honest "I don't know", while a civil servant's own question about them stays ours.
NOT_OURS = [
    "Can PPPK employees apply for a housing loan through Tapera?",
    "pns blh ngajuin kpr pake sk gk",
    "Apa syarat menjadi anggota Bawaslu kabupaten?",
    "Kapan jadwal seleksi calon anggota KPU kabupaten dibuka?",
    "honor guru honorer di sekolah negeri berapa per bulan?",
]
STILL_OURS = [
    "PNS mau daftar jadi anggota KPU kabupaten, apa harus berhenti dulu dari PNS?",
    "pns boleh ikut seleksi anggota bawaslu kabupaten ga?",
    "PNS boleh ikut pengajian caleg berapa kali per bulan?",
]


@pytest.mark.parametrize("text", NOT_OURS)
def test_near_misses_get_an_honest_unknown(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] != "tip" and got["match"] is None


@pytest.mark.parametrize("text", STILL_OURS)
def test_a_civil_servants_own_question_stays_ours(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["match"] is not None
