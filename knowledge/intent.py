"""The intent step: is this a tip, a reminder request, small talk, or a question?

Runs on the normalized words (slang and English already mapped), before
matching. It only has to separate the few non-question intents; everything
else goes to the matcher and becomes "faq" or "unknown" there.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.normalize import stem

# Verbs (as stems) that mean reporting a violation.
_REPORT_STEMS = frozenset({"lapor", "adu", "aduan", "ngadu", "mengadu", "adukan"})
# Someone wanting to do it now, not asking about it.
_DESIRE = frozenset(
    {"mau", "ingin", "hendak", "akan", "izin", "ijin", "pengin", "tolong", "bantu", "siap"}
)
# Words that turn a mention of reporting into a question about reporting.
_QUESTION = frozenset(
    {
        "apa",
        "apakah",
        "bagaimana",
        "cara",
        "caranya",
        "mana",
        "kemana",
        "dimana",
        "siapa",
        "kapan",
        "berapa",
        "syarat",
        "syaratnya",
        "prosedur",
        "prosedurnya",
        "bisa",
        "bisakah",
        "boleh",
        "bolehkah",
        "harus",
        "perlu",
        "wajib",
        "tenggat",
        "batas",
        "lama",
        "kenapa",
        "mengapa",
        "apabila",
        "kalau",
        "jika",
        "bila",
        "aman",
        "anonim",
        "rahasia",
        "dirahasiakan",
        "identitas",
        "setelah",
        "sesudah",
        "diapakan",
        "dilindungi",
        "takut",
        "akibat",
        "proses",
        "ditindaklanjuti",
        "sanksi",
        "hukuman",
        "dihukum",
        "kedaluwarsa",
        "kadaluarsa",
        "kadaluwarsa",
        "aplikasi",
        "situs",
        "website",
        "kanal",
        "link",
        "formulir",
        "hotline",
    }
)
# Other reporting channels: "mau lapor ke bawaslu, caranya gimana" asks how to
# use one of them, it does not start a tip with us.
_CHANNELS = frozenset(
    {"bawaslu", "panwaslu", "panwas", "bkn", "sbt", "sp4n", "kasn", "ombudsman", "gakkumdu"}
)
# "buat lapor", "cara lapor", "tempat lapor": reporting named as a purpose or topic
_PURPOSE = frozenset({"buat", "untuk", "cara", "tempat", "kanal", "saluran", "biar", "agar"})
_CONDITIONAL = frozenset({"kalau", "jika", "bila", "apabila", "seandainya", "misal", "andai"})
# Handing over evidence is a tip even without the word "lapor".
_SEND = frozenset({"kirim", "mengirim", "kirimkan", "serahkan", "setor", "upload", "unggah"})
_EVIDENCE = frozenset(
    {"bukti", "foto", "video", "rekaman", "screenshot", "tangkapan", "dokumentasi", "ss"}
)
_SUBSCRIBE = frozenset(
    {"langganan", "berlangganan", "pengingat", "ingatkan", "reminder", "notifikasi", "subscribe"}
)
_UNSUBSCRIBE = frozenset({"berhenti", "stop", "unsubscribe", "batal", "hentikan", "jangan"})
_HELLO = frozenset(
    {
        "halo",
        "assalamualaikum",
        "salam",
        "selamat",
        "pagi",
        "siang",
        "sore",
        "malam",
        "permisi",
        "hai",
        "shalom",
        "om",
        "swastiastu",
        "wr",
        "wb",
        "warahmatullahi",
        "wabarakatuh",
        "warahmatullah",
        "waalaikumsalam",
        "punten",
        "sugeng",
        "rahayu",
    }
)
_THANKS = frozenset({"terimakasih", "banyak", "makasih", "tengkyu", "mantap", "oke", "siap", "sip"})
_BYE = frozenset({"dadah", "bye", "sampai", "jumpa", "ketemu", "dah", "daah", "pamit"})
# Words allowed around a greeting without making it a question.
_FILLER = frozenset(
    {
        "min",
        "admin",
        "kak",
        "kakak",
        "gan",
        "sis",
        "bro",
        "pak",
        "bapak",
        "ibu",
        "bu",
        "mas",
        "mbak",
        "ya",
        "yah",
        "semua",
        "semuanya",
        "ok",
        "boleh",
        "nih",
        "sih",
        "dong",
        "deh",
        "bot",
        "asnbot",
        "juga",
        "lagi",
        "nanti",
        "besok",
        "yg",
        "yang",
        "atas",
        "infonya",
        "informasinya",
        "jawabannya",
        "bantuannya",
        "penjelasannya",
        "saya",
        "kami",
        "teman",
        "kawan",
        "sobat",
        "bang",
        "kalian",
        "enggak",
        "tidak",
    }
)


@dataclass(frozen=True, slots=True)
class Intent:
    kind: str  # "tip" | "subscribe" | "greeting" | "question"
    small_talk: str | None = None  # "hello" | "thanks" | "bye" for greetings


def _is_report_word(word: str) -> bool:
    return (
        word in _REPORT_STEMS
        or (len(word) > 4 and stem(word) in _REPORT_STEMS)
        or (word.startswith("report"))
    )


def detect_intent(words: tuple[str, ...]) -> Intent:
    if not words:
        return Intent("question")
    wordset = set(words)
    small = _small_talk(words)
    if small is not None:
        return Intent("greeting", small)
    if wordset & _SUBSCRIBE and not wordset & _UNSUBSCRIBE:
        return Intent("subscribe")
    asks = asks_something(words)
    report_at = [i for i, w in enumerate(words) if _is_report_word(w)]
    if report_at:
        first = report_at[0]
        before = words[max(0, first - 3) : first]
        # "kalau mau lapor ..." is a hypothetical, not someone reporting now
        wants = any(w in _DESIRE for w in before) and not any(w in _CONDITIONAL for w in before)
        # Report nouns ("laporan", "pelapor") are about the process unless
        # the message opens with one ("Laporan: di grup wa dinas ...").
        verb_form = first == 0 or words[first] not in {
            "laporan",
            "pelapor",
            "terlapor",
            "dilaporkan",
        }
        purpose = first > 0 and words[first - 1] in _PURPOSE
        elsewhere = asks and bool(wordset & _CHANNELS)
        if (wants and not elsewhere) or (verb_form and not asks and not purpose):
            return Intent("tip")
    if wordset & _SEND and wordset & _EVIDENCE and wordset & _DESIRE and not asks:
        return Intent("tip")
    return Intent("question")


def asks_something(words: tuple[str, ...]) -> bool:
    """Whether the words ask (a question word: "boleh", "bagaimana", "kalau", …);
    a message that asks nothing and is not small talk reads as a report."""
    return any(w in _QUESTION or w.removesuffix("nya") in _QUESTION for w in words)


def _small_talk(words: tuple[str, ...]) -> str | None:
    """ "hello"/"thanks"/"bye" when the message is nothing but small talk."""
    kinds: list[str] = []
    for word in words:
        if word in _THANKS:
            kinds.append("thanks")
        elif word in _BYE:
            kinds.append("bye")
        elif word in _HELLO:
            kinds.append("hello")
        elif word not in _FILLER:
            return None
    if not kinds:
        return None
    for kind in ("thanks", "bye", "hello"):
        if kind in kinds:
            return kind
    return None
