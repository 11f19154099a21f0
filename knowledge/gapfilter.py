"""What the unanswered-questions log may keep: a question, never a report.

People paste their receipt code without /status and type a tip without
/lapor; both used to land in the log in clear. Nothing of a message is kept
if it holds something that looks like a receipt code, a phone number, an
e-mail address or a NIP/NIK-like number, or if the intent step reads it as a
tip. A message that asks nothing (no question word, as the intent step reads
them, and no question mark) is a statement, and a statement that names
someone, tells what was seen ("tadi", "kemarin", "lihat", "kami"), or holds
a word we do not know (a name, a place) reads as a report: not kept either.
What is kept has people's names masked ("[nama]") before it is normalized:
capitalised words the knowledge base does not use, and the words after a
form of address or an office title ("pak Budi", "kabid Santoso").
"""

from __future__ import annotations

import re

from knowledge.base import KnowledgeBase
from knowledge.intent import asks_something, detect_intent
from knowledge.normalize import stem

MASK = "[nama]"
MAX_NAME_WORDS = 3  # after "pak", "bu kabid", …: how many unknown words count as the name

# Crockford base32 in three groups of four (I, L, O read as digits, as /status reads them).
_CODE = re.compile(
    r"(?<![0-9a-z])([0-9a-z]{4})([-\s_.]?)([0-9a-z]{4})\2([0-9a-z]{4})(?![0-9a-z])", re.I
)
_CODE_CHARS = frozenset("0123456789abcdefghjkmnpqrstvwxyzilo")
_VOWELS = frozenset("aeiou")
_WORD_VOWELS = 4  # fewer in twelve letters run together: no word, a code
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dates and money are not identifiers: set aside before counting digits.
_DATE = re.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)")
_MONEY = re.compile(r"\brp\.?\s*\d[\d.,]*|(?<![\d.])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])", re.I)
# Eight or more digits, alone or grouped by single spaces, dots or dashes: a phone
# number (0812-3456-7890, +62 812 …), a NIK (16 digits) or a NIP (18).
_LONG_NUMBER = re.compile(r"(?<!\d)\+?\d(?:[\s.-]?\d){7,}(?!\d)")

# Forms of address and office titles: the words right after them are a name.
_ADDRESS = frozenset(
    "pak bapak bpk bu ibu mas mbak bang abang kak kakak om tante sdr sdri saudara saudari "
    "tuan nyonya".split()
)
_TITLES = frozenset(
    "kabid kadis kasi kasie kabag kasubag kasubbag kasubbid kasatpol sekda sekdes camat "
    "lurah kades bupati wabup walikota wawali gubernur wagub direktur dirut kapolsek "
    "danramil haji hj dr drs dra ir prof".split()
)
# Words of someone telling what they saw, where: "tadi", "kemarin", "di kantor kami".
_WITNESS = frozenset(
    "tadi barusan kemarin kemaren semalam lihat melihat liat ngeliat terlihat tampak nampak "
    "saksikan menyaksikan ketahuan kepergok kedapatan tertangkap terekam kami".split()
)
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


def looks_like_code(text: str) -> bool:
    """Something a receipt code could be: three dashed groups of four, or twelve such
    characters with a digit among them ("cpns yang lagi" is three words, not a code), or
    twelve run together with few vowels (about one code in a hundred has no digit:
    "tsrcznqsnwej"; a twelve-letter word has four vowels or more: "menghadirkan")."""
    for m in _CODE.finditer(text):
        bare = "".join(m.group(1, 3, 4)).lower()
        dashed = m.group(2) not in ("", " ") and not m.group(2).isspace()
        if not set(bare) <= _CODE_CHARS:
            continue
        if dashed or any(c.isdigit() for c in bare):
            return True
        if m.group(2) == "" and sum(c in _VOWELS for c in bare) < _WORD_VOWELS:
            return True
    return False


def identifying(text: str) -> bool:
    """A receipt code, an e-mail address, or a phone/NIK/NIP-like number."""
    if looks_like_code(text) or _EMAIL.search(text):
        return True
    rest = _MONEY.sub(" ", _DATE.sub(" ", text))
    return bool(_LONG_NUMBER.search(rest))


def mask_names(text: str, kb_words: frozenset[str], words: frozenset[str]) -> str:
    """``text`` with people's names replaced by ``MASK``. ``kb_words`` are the words the
    knowledge base uses, ``words`` every word the lexicon knows (names among them)."""
    out: list[str] = []
    after = ""  # the form of address or title the next words may name
    left = 0  # how many more words after it may be the name
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        core = _EDGE.sub("", token)
        lower = core.casefold()
        if lower in _ADDRESS or lower in _TITLES:
            out.append(token)
            after, left = lower, MAX_NAME_WORDS
            continue
        capitalised = core[:1].isupper() and not core.isupper()
        if not core.isalpha() or lower in kb_words or (left and lower.startswith(after)):
            name = False  # an ordinary word, or "saudara saudaranya"
        elif left and after in _ADDRESS:
            name = True  # "pak Budi", "bu siti": the word after a form of address
        else:
            # A capitalised word the knowledge base never uses is a name (or a place,
            # as telling); after a title ("camat X") so is a word no lexicon knows.
            name = capitalised or (left > 0 and lower not in words and stem(lower) not in words)
        if not name:
            left = 0
            out.append(token)
            continue
        left = max(left - 1, 0)
        if not (out and out[-1] == MASK):
            out.append(MASK)
    return " ".join(out)


def _reads_as_report(kb: KnowledgeBase, words: tuple[str, ...], named: bool) -> bool:
    """A statement (it asks nothing) that names someone, tells what was seen, or holds
    a word neither the knowledge base nor the lexicon knows (a name, a place)."""
    if named or _WITNESS.intersection(words):
        return True
    known = kb.normalizer.lex.vocabulary
    return any(w.isalpha() and w not in known and w not in kb.vocabulary for w in words)


def gap_text(kb: KnowledgeBase, message: str) -> str | None:
    """The normalized, masked question to log, or None: nothing of this message is kept."""
    if identifying(message):
        return None
    words = kb.normalizer.words(message)
    if detect_intent(words).kind != "question":
        return None  # a tip (or a reminder request, small talk): not a question
    masked = mask_names(message, kb.vocabulary, kb.normalizer.lex.vocabulary)
    asks = asks_something(words) or "?" in message
    if not asks and _reads_as_report(kb, words, MASK in masked):
        return None
    parts = [kb.normalize(part) for part in masked.split(MASK)]
    text = f" {MASK} ".join(parts).strip()
    return text if any(parts) else None
