"""Text normalization for everyday Indonesian chat (and some English).

Pipeline: cap length -> unicode folding -> strip URLs/HTML/emoji/punctuation
-> elongation and reduplication -> phrases -> slang/English words -> phrases
again -> stopwords -> stemming (bounded LRU).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from knowledge.lexicon import Lexicon, load_lexicon, sastrawi_words
from knowledge.typos import ENGLISH_MARKS, Typos

MAX_INPUT_CHARS = 500
MAX_TOKENS = 80
STEM_CACHE_SIZE = 8192

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_HTML_TAG = re.compile(r"<[^>]{0,200}>|&[a-z0-9#]{1,8};")
_REDUP = re.compile(r"\b([a-z]{2,})2\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Text the phrase lookup may read word by word (Normalizer._phrases).
_PLAIN = re.compile(r"[a-z0-9 ]*")
_PHRASE_WORDS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
# Phone numbers, NIP/NIK and the like: never useful for matching, and the
# normalized text is what gets stored as a "knowledge gap".
_LONG_NUMBER = re.compile(r"\d{5,}")
# One's rank said in passing ("PNS golongan III/b", "gol 3a", "PPPK golongan IX")
# describes a person, and the rank topic ("golongan", off topic: pay, promotion) is not
# asked by it; after "naik", "kenaikan", "dari", "ke" it is ("naik golongan III").
_RANK = re.compile(
    r"(?<![a-z])(naik |kenaikan |dari |ke )?(?:golongan|gol)\.? ?(?:[ivx]{1,5}|1[0-7]|[1-9])"
    r"(?: ?[/-]? ?[a-e])?(?![a-z0-9])"
)
# ...nor where the message asks about pay, allowances, rank or pension: there the rank
# is part of what is asked ("gaji pokok PPPK golongan 9 berapa?").
_RANK_TOPIC = re.compile(r"\b(?:gaji|tunjangan|tukin|pangkat|pensiun|salary|pay|allowance)")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_RUN2 = re.compile(r"([a-z])\1")
_NGE = re.compile(r"^(?:nge|ng)(?=[a-z]{3,}$)")
# Laughter and its keyboard variants ("wkwkwk", "awokwok", "hahaha", "xixixi"):
# never a word, whatever its length.
_LAUGH = re.compile(r"^(?:a?w?(?:wk|wok)+w?|(?:ha|he|hi|hu|xi|ck|kw)(?:ha|he|hi|hu|xi|ck|kw)+h?)$")
# Regional suffixes, tried on a word neither the vocabulary nor the stemmer
# knows: Sundanese "-keun" and Javanese "-ake"/"-ke" (= -kan: "masangkeun",
# "nglaporke"); Javanese "-ne", Sundanese "-na" and Minang "-nyo" (= -nya:
# "sanksine", "sanksina", "kampanyenyo"). Javanese "-e" after a consonant
# ("kantore") is left out: English "mobile", "secure", "raise" would lose
# their "e" to it (regional.toml lists the common "-e" words).
# Betawi "-nye" (= -nya: "syaratnye"); Bugis and Makassar particles "-ji", "-mi",
# "-ki" ("bisaji", "bolehki").
# Javanese krama "-ipun"/"-nipun" (= -nya: "sanksinipun", "kampanyenipun").
# Makassar "-ka" (= I, or the asking particle: "bolehka", "bisaka"), only on a word
# nothing else knows: "suka", "buka", "jika" stay themselves.
# Javanese krama "-aken" and Banjar "-akan" (= -kan: "nglaporaken", "malapurakan").
_REGIONAL_SUFFIXES = (
    "nipun",
    "ipun",
    "aken",
    "akan",
    "keun",
    "ake",
    "ke",
    "ne",
    "na",
    "nyo",
    "nye",
    "ji",
    "mi",
    "ki",
    "ka",
)
# Minang endings for Indonesian ones ("masuak" = masuk, "pilih" = piliah, "ikuik" =
# ikut, "kampuang" = kampung, "kantua" = kantor, "sakik" = sakit) and its prefixes
# ("pangurus" = pengurus, "bakampanye" = berkampanye, "sakantor" = sekantor), tried
# on a word nothing else knows and kept only when the result is a known word.
_MINANG_ENDINGS = (
    ("uak", "uk"),
    ("iah", "ih"),
    ("uik", "ut"),
    ("uang", "ung"),
    ("ua", "ur"),
    ("ua", "or"),
    ("ik", "it"),
    ("ak", "at"),
    ("eh", "as"),
    ("o", "a"),
)
# Possessive endings no Indonesian word has: a word that ends so is the word before
# them even when nothing knows it ("videonyo", "rekamanipun", "paslonnye").
_POSSESSIVE_ONLY = ("nipun", "ipun", "nyo", "nye")
# a word that marks its language by its ending only from this length ("masangkeun")
_MARK_MIN = 6
# Regional endings read at the word level (see Normalizer._regional_suffixed): the
# ending, and the Indonesian one that replaces it
_WORD_ENDINGS = (
    ("nipun", "nya"),
    ("ipun", "nya"),
    ("nyo", "nya"),
    ("nye", "nya"),
    ("aken", "kan"),
    ("akan", "kan"),
    # Javanese "-ne" and Sundanese "-na" after a vowel ("fotone", "potona", "bupatine");
    # after a consonant they would take "tone", "guna" apart
    ("ne", "nya"),
    ("na", "nya"),
)
_AFTER_A_VOWEL = frozenset({"ne", "na"})
# The asking "-lah" on a regional "may"-word (Banjar "kawalah", Minang "buliahlah"):
# the endings, and the modals a regional word must map to for them to ask
_MODAL_ASKING_ENDINGS = ("lah",)
_MODALS = frozenset({"boleh", "bisa"})
# "-ku" owned nouns: a base of four letters at least ("omahku", not "laku")
_OWNED_MIN = 6
_MINANG_PREFIXES = (("pa", "pe"), ("ba", "ber"), ("be", "ber"), ("sa", "se"), ("ma", "me"))
_MINANG_MIN = 5
_REGIONAL_BASE_MIN = 4
# English inflections, tried on a word nothing else knows, against english.toml's
# words only: (ending, what replaces it). "stories" -> "story", "joins" -> "join",
# "wearing" -> "wear", "giving" -> "give", "chatting" -> "chat". A base of three
# letters at least: "as" is not "a". The past ("-ed") stays as typed: Indonesian
# has no tense, and intents.toml reads "pressured", "handed", "displayed" as a
# witness telling what happened.
_ENGLISH_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("ers", ""),
)
_ENGLISH_BASE_MIN = 3
# Sundanese nga- ("ngadukung") only before a root this long: "ngajari" is
# "ajari", not "jari"; "ngaruh" is not "ruh".
_NGA_ROOT_MIN = 5


@dataclass(frozen=True, slots=True)
class Analysis:
    words: tuple[str, ...]  # folded, slang-mapped words, before stopwords and stemming
    terms: tuple[str, ...]  # stemmed content words: what the matcher compares

    @property
    def text(self) -> str:
        return " ".join(self.terms)


_ASCII_CONTROLS = dict.fromkeys([*range(0x20), 0x7F])


def _rank_said(found: re.Match[str]) -> str:
    return found.group(0) if found.group(1) else " "


def _ranks_described(text: str) -> str:
    """The text without ranks said in passing (``_RANK``), unless pay is asked."""
    if "gol" not in text or _RANK_TOPIC.search(text):
        return text
    return _RANK.sub(_rank_said, text)


def fold(text: str) -> str:
    """Lowercase ASCII-ish text: NFKC, accents off, control/zero-width chars out."""
    text = text[:MAX_INPUT_CHARS].translate(_ZERO_WIDTH)
    if text.isascii():
        # (most messages: NFKC and NFKD leave ASCII as it is, casefold is lower,
        # and its only "C" characters are the controls; char by char cost more)
        return text.lower().translate(_ASCII_CONTROLS)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(
        ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "C"
    )


@lru_cache(maxsize=1)
def _stemmer() -> object:
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer

    # Sastrawi's own CachedStemmer grows without bound; we cache below instead.
    return Stemmer(ArrayDictionary(sastrawi_words()))


@lru_cache(maxsize=1)
def _roots() -> frozenset[str]:
    """Sastrawi's root words: an Indonesian word is never read as an English plural
    ("bebas", "batas"). The vocabulary will not do: it holds every word of the
    English phrases too ("campaign posters" makes "posters" known)."""
    return frozenset(w.strip() for w in sastrawi_words())


def is_root(word: str) -> bool:
    """``word`` is an Indonesian root word (Sastrawi's list)."""
    return word in _roots()


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    result = _stemmer().stem(word)  # type: ignore[attr-defined]
    return str(result) or word


def _ends_in(words: set[str], endings: tuple[str, ...], indonesian: frozenset[str]) -> bool:
    """Whether a word long enough, and no Indonesian word ("meskipun", "ilmiah"),
    ends in one of the endings ("ngabagikeun", "caranipun")."""
    return any(
        len(w) >= _MARK_MIN and w.endswith(e) and w not in indonesian
        for w in words
        for e in endings
    )


def _possessive_base(word: str) -> str:
    """The word without a possessive or emphatic suffix (-nya, -ku, -mu, -lah)."""
    for suffix in ("nya", "ku", "mu", "lah"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# A phrase read token by token: its words and what it is replaced with.
_Phrase = tuple[list[str], str]


class Normalizer:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._phrase_map = dict(self.lex.phrases)
        # The same alternation read token by token: a phrase's first word -> its
        # phrases (words, replacement) in the pattern's order, as the pattern tries
        # them. A phrase with a character a plain text never holds ("father-in-law")
        # can never match one and is left out.
        # (Spaces out of place in a phrase would make \b mean more: then the regex.)
        self._phrase_first: dict[str, list[tuple[list[str], str]]] | None = {}
        for phrase, _ in self.lex.phrases:
            if _PHRASE_WORDS.fullmatch(phrase):
                words = phrase.split(" ")
                self._phrase_first.setdefault(words[0], []).append(
                    (words, self._phrase_map[phrase])
                )
            elif _PLAIN.fullmatch(phrase):
                self._phrase_first = None
                break
        # The same lists narrowed by the next word: a phrase of two or more words can
        # only match where the next word is its second (or, for two words, that word
        # with a possessive). "my", "saya", "tidak" begin 14-59 phrases each, and
        # trying every one at every such word was a third of reading the words.
        # Each list keeps the order the phrases are tried in.
        self._phrase_next: dict[str, tuple[list[_Phrase], dict[str, list[_Phrase]]]] = {}
        for head, listed in (self._phrase_first or {}).items():
            ones = [p for p in listed if len(p[0]) == 1]
            seconds = {p[0][1] for p in listed if len(p[0]) > 1}
            by_next = {s: [p for p in listed if len(p[0]) == 1 or p[0][1] == s] for s in seconds}
            self._phrase_next[head] = (ones, by_next)
        # words whose ending marks no language ([mark_endings]): "meskipun", "ilmiah"
        self._indonesian = _roots() | self.lex.stopwords | self.lex.not_marks

    @cached_property
    def _phrase_re(self) -> re.Pattern[str]:
        """Every phrase as one alternation, compiled on first need: most texts are
        plain words and read through _phrase_first, and compiling 1,300
        alternatives was 35 ms of every start."""
        return re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in self.lex.phrases) + r")\b")

    def _phrases(self, text: str) -> str:
        if not self._phrase_map:
            return text
        first = self._phrase_first
        if first is None or not _PLAIN.fullmatch(text):
            return self._phrase_re.sub(lambda m: self._phrase_map[m.group(1)], text)
        # Words of [a-z0-9] between single spaces: the pattern's \b is a space, so
        # its leftmost first-listed match is found by looking up each word; the
        # regex over 1,300 alternatives cost a tenth of a question.
        tokens = text.split(" ")
        out: list[str] = []
        i, size = 0, len(tokens)
        while i < size:
            for words, replacement in self._phrases_at(tokens, i):
                found = tokens[i : i + len(words)]
                if found == words or (
                    # the phrase's last word with a possessive: "tim suksesnya" is
                    # "tim sukses", "tim kampanyenyo" (read "kampanyenya") "tim kampanye"
                    len(words) > 1
                    and len(found) == len(words)
                    and found[:-1] == words[:-1]
                    and found[-1] != words[-1]
                    and _possessive_base(found[-1]) == words[-1]
                ):
                    out.append(replacement)
                    i += len(words)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return " ".join(out)

    def _phrases_at(self, tokens: list[str], i: int) -> list[_Phrase]:
        """The phrases that could match at tokens[i], in the order they are tried:
        those of one word, and those whose second word is the next token or, for a
        phrase of two words, the next token without its possessive (see _phrases)."""
        found = self._phrase_next.get(tokens[i])
        if found is None:
            return []
        ones, by_next = found
        if i + 1 == len(tokens):
            return ones
        after = tokens[i + 1]
        listed = by_next.get(after, ones)
        base = _possessive_base(after)
        if base == after or base not in by_next:
            return listed
        owned = [p for p in by_next[base] if len(p[0]) == 2 and p[0][1] == base]
        if not owned:
            return listed
        # both kinds: back in the order they are tried in (the lists are in that order)
        order = self._phrase_first[tokens[i]]  # type: ignore[index]
        chosen = {id(p) for p in (*listed, *owned)}
        return [p for p in order if id(p) in chosen]

    def _deelongate(self, word: str) -> str:
        vocab = self.lex.vocabulary
        if word in vocab or not _RUN2.search(word):
            return word
        if len(set(word)) == 1:  # "xxxxxx", "aaaa": keyboard noise, not a word
            return ""
        candidates = (
            _RUN3.sub(r"\1", word),
            _RUN3.sub(r"\1\1", word),
            _RUN2.sub(r"\1", _RUN3.sub(r"\1", word)),
        )
        for cand in candidates:
            if cand in vocab:
                return cand
        return candidates[0]

    def _map_word(self, word: str, prev: str = "", english: bool = False) -> str:
        words = self.lex.words
        if word in words:
            return words[word]
        # "ngelike", "ngeshare", "ngepost": the nasal prefix on a borrowed verb
        bare = _NGE.sub("", word)
        if bare != word and bare in words:
            return words[bare]
        if word not in _roots() and (base := self._english_base(word)):
            return words[base]
        if word not in self.lex.vocabulary and (rest := self._joined_negation(word)):
            return "tidak " + words.get(rest, rest)
        # the question tag joined after its word ("bolehgak", "blhgk", "bisaga"): the
        # two words, so the tag asks as it does apart ("boleh gak")
        if word not in self.lex.vocabulary and (tagged := self._joined_tag(word)):
            return tagged
        # di- on an English verb written as one word ("dishare", "diupload"), as
        # chat writes it apart or with a hyphen ("di-share")
        rest = word[2:]
        if word.startswith("di") and len(rest) >= 3 and rest in self.lex.english:
            if word not in self.lex.vocabulary and words.get(rest):
                return "di " + words[rest]
        if word not in self.lex.vocabulary and (asked := self._modal_asked(word)):
            return asked
        if word not in self.lex.vocabulary and (suffixed := self._regional_suffixed(word)):
            return suffixed
        # "kelurahanku", "sedulurku", "omahku" (Javanese, Malay, Medan): the owner kept
        # as a word, so "whose school" is read as in "sekolah saya"
        if (owned := self._owned(word)) is not None:
            return owned
        # Jakarta's passive di-...-in on a chat verb the lexicon knows
        # ("dilaporin", "disaranin", "dikumpulin"), unless negated: "gak
        # dipasangin" (not put up) is no "boleh gak pasangin".
        if word.startswith("di") and word.endswith("in") and word not in self.lex.vocabulary:
            mapped = words.get(word[2:], "")
            negated = words.get(prev, prev) in self.lex.negations
            if len(word) >= 7 and mapped and not negated:
                return mapped
        # "kntr", "snksi", "dftrnya": a word typed without its vowels, when nothing
        # else reads it (see knowledge/typos.py)
        if not english and word not in self.lex.vocabulary and self._colloquial(word) == word:
            restored = self._vowel_dropped.restore(word)
            if restored and restored != word:
                return self.lex.words.get(restored, restored) or word
        return word

    @cached_property
    def _vowel_dropped(self) -> Typos:
        """Built on first need: most messages have no typo of that kind."""
        return Typos(self.lex)

    def _regional_suffixed(self, word: str) -> str:
        """A known word with a regional ending, in its Indonesian form, or "": the
        possessives "-nyo", "-nye", "-ipun" ("lapornyo" -> "lapornya", "caronyo" ->
        "caranya") and the krama and Banjar "-aken", "-akan" ("nglaporaken" ->
        "melaporkan"), so the intent step reads them as it reads chat Indonesian."""
        words = self.lex.words
        for suffix, replacement in _WORD_ENDINGS:
            base = word[: -len(suffix)]
            if not word.endswith(suffix) or len(base) < _REGIONAL_BASE_MIN:
                continue
            if suffix in _AFTER_A_VOWEL and base[-1] not in "aiueo":
                continue
            if base not in self.lex.vocabulary:
                continue
            mapped = words.get(base, base)
            if mapped and " " not in mapped and not mapped.endswith(replacement):
                return mapped + replacement
        return ""

    def _modal_asked(self, word: str) -> str:
        """A regional "may"-word with the asking "-lah" joined to it (Banjar "kawalah
        ulun umpat?", Minang "buliahlah", Palembang "pacaklah"), read as the modal and
        the asking "kah" ("bisa kah", as "kawa kah" reads), or "". Only a word the lexicon maps to a
        modal: Indonesian "bolehlah" (= fine, go ahead) stays as typed."""
        for ending in _MODAL_ASKING_ENDINGS:
            base = word[: -len(ending)]
            if not word.endswith(ending) or len(base) < _REGIONAL_BASE_MIN - 1:
                continue
            mapped = self.lex.words.get(base, "")
            if mapped in _MODALS and base != mapped:
                return mapped + " kah"
        return ""

    def _owned(self, word: str) -> str | None:
        """ "X saya" for an unknown word that is a known noun with "-ku", or None."""
        vocab = self.lex.vocabulary
        if not word.endswith("ku") or word in vocab or len(word) < _OWNED_MIN:
            return None
        base = word[:-2]
        if base.startswith("di") or base not in vocab:
            return None  # "diambilku" is no noun
        mapped = self.lex.words.get(base, base)
        return f"{mapped} saya" if mapped else None

    def _joined_negation(self, word: str) -> str:
        """The word a chat negation is joined to ("gaboleh" -> "boleh"), or ""."""
        prefixes, targets = self.lex.joined_negation
        for prefix in prefixes:
            if word.startswith(prefix) and word[len(prefix) :] in targets:
                return word[len(prefix) :]
        return ""

    def _joined_tag(self, word: str) -> str:
        """ "boleh enggak" for "bolehgak" and the like (the joined negations read
        after their word), or ""."""
        words = self.lex.words
        negations, targets = self.lex.joined_negation
        for tag in negations:
            rest = word[: -len(tag)]
            if word.endswith(tag) and rest in targets:
                return f"{words.get(rest, rest)} {words.get(tag, tag)}"
        return ""

    def _english_base(self, word: str) -> str:
        """The english.toml word an unknown word inflects, or "" (see _ENGLISH_ENDINGS)."""
        english = self.lex.english
        for ending, replacement in _ENGLISH_ENDINGS:
            if not word.endswith(ending) or word.endswith("ss"):
                continue
            base = word[: -len(ending)] + replacement
            if len(base) < _ENGLISH_BASE_MIN:
                continue
            if base in english:
                return base
            # a doubled last consonant: "chatting", "planning"
            doubled = replacement == "" and len(base) > 3 and base[-1] == base[-2]
            if doubled and base[:-1] in english:
                return base[:-1]
        return ""

    def words(self, text: str) -> tuple[str, ...]:
        text = fold(text)
        text = _HTML_TAG.sub(" ", _URL.sub(" ", text))
        text = _ranks_described(text)
        text = _LONG_NUMBER.sub(" ", _REDUP.sub(r"\1 \1", text))
        tokens = _NON_WORD.sub(" ", text).split()[:MAX_TOKENS]
        tokens = [d for d in map(self._deelongate, tokens) if d and not _LAUGH.match(d)]
        if tokens and tokens[0] in self.lex.leading:
            tokens[0] = self.lex.leading[tokens[0]]
        # the company words first, on the words as typed: Makassar "ka" is no "ke"
        tokens = [t for t in self._in_company(tokens) if t]
        tokens = self._asking_ka(tokens)
        inner = self.lex.inner
        tokens = [inner.get(t, t) if 0 < i < len(tokens) - 1 else t for i, t in enumerate(tokens)]
        if "oleh" in tokens and not self.lex.javanese.isdisjoint(tokens):
            tokens = self._javanese_oleh(tokens)
        elif "oleh" in tokens:
            tokens = self._asking_oleh(tokens)
        if "ulah" in tokens and not self.lex.sundanese.isdisjoint(tokens):
            tokens = ["jangan" if t == "ulah" else t for t in tokens]  # Sundanese "don't"
        text = self._phrases(" ".join(tokens))
        raw = text.split()
        # in an English message an unknown word is English, not chat without vowels
        english = len(ENGLISH_MARKS.intersection(raw)) >= 2
        text = " ".join(
            self._map_word(t, raw[i - 1] if i else "", english) for i, t in enumerate(raw)
        )
        text = self._phrases(text)
        late = self.lex.late
        out: list[str] = []
        for tok in text.split():
            tok = late.get(tok, tok)
            if not out or out[-1] != tok:  # "anak anak" -> "anak"
                out.append(tok)
        return tuple(out)

    def _in_company(self, tokens: list[str]) -> list[str]:
        """regional.toml [company]: a word that is Indonesian too ("abdi", "tak",
        "ti") reads the regional way only where another word of its language is in
        the message, and only where the next word allows it."""
        out = list(tokens)
        indonesian = self._indonesian
        for marks, endings, readings in self.lex.company:
            found = [i for i, t in enumerate(tokens) if t in readings]
            if not found:
                continue
            typed = set(tokens)
            for i in found:
                word = tokens[i]
                others = typed - {word}
                if marks.isdisjoint(others) and not _ends_in(others, endings, indonesian):
                    continue
                reading = readings[word]
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if reading.before and nxt not in reading.before:
                    continue
                if nxt in reading.not_before:
                    continue
                out[i] = reading.reads
        return out

    def _asking_ka(self, tokens: list[str]) -> list[str]:
        """Makassar and eastern "ka" after a modal or a status asks ("bisa ka
        bertanya?", "boleh ka seng?", "PNS ka ini"): "kah", not the Sundanese
        "ka" (= ke) that [inner] reads between two words."""
        after = self.lex.asking_ka
        return [
            "kah" if t == "ka" and i > 0 and tokens[i - 1] in after else t
            for i, t in enumerate(tokens)
        ]

    def _asking_oleh(self, tokens: list[str]) -> list[str]:
        """ "oleh" where Indonesian "by" cannot stand: after who asks ("PNS oleh daftar
        caleg?") or before a question tag ("oleh ga sih …") is Javanese "boleh", unless
        an agent follows ("dari PNS oleh pejabat")."""
        askers, tags, agents = self.lex.oleh_around
        out = list(tokens)
        for i, t in enumerate(tokens):
            if t != "oleh":
                continue
            prev = tokens[i - 1] if i else ""
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in agents and i > 0:
                continue  # "dari PNS oleh pejabat atasan": by someone
            if prev in askers or nxt in tags or (i == 0 and nxt in askers):
                out[i] = "boleh"
        return out

    @staticmethod
    def _javanese_oleh(tokens: list[str]) -> list[str]:
        """In a Javanese question "oleh" is "boleh" ("aku oleh ngeterke bojo
        kampanye ora?"), except after a passive verb ("ditegur oleh atasan")."""
        return [
            "boleh" if t == "oleh" and (i == 0 or not tokens[i - 1].startswith("di")) else t
            for i, t in enumerate(tokens)
        ]

    def _colloquial(self, word: str) -> str:
        """Jakarta-style and regional forms the stemmer does not know: ngumpulin,
        nyuruh, nunda, ditetapin, cabupnya, sanksine, masangkeun, ngadukung.

        Tries the usual sound changes (ny- -> s/c, ng- -> k or nothing,
        n- -> t, -in and -nya -> nothing) and keeps the first candidate that
        is, or stems to, a known word.
        """
        vocab = self.lex.vocabulary
        if word in vocab or len(word) < 5:
            return word
        bases = [word]
        for suffix in ("in", "nya"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                bases.append(word[: -len(suffix)])
        found = self._sound_changes(word, bases)
        if found is not None:
            return found
        for base in bases[1:]:
            if stem(base) in vocab and stem(base) != base:
                return base
        if stem(word) != word and stem(word) in vocab:
            return word  # "pelaksana", "berpose": the stemmer knows it
        return self._regional(word)

    def _regional(self, word: str) -> str:
        """Regional suffixes and nga- (see _REGIONAL_SUFFIXES), on a word
        nothing else knows: "sanksine", "masangkeun", "nglaporke", "ngadukung"."""
        # krama passive "dipun-" (= di-): "dipuntetepaken", "dipunlaporaken"
        if word.startswith("dipun") and len(word) > 8:
            rest = word[5:]
            if self.lex.words.get(rest):
                return "di" + self.lex.words[rest]  # "dipuntetepaken" -> "ditetapkan"
            word = "di" + rest
        bases = [word]
        for suffix in _REGIONAL_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _REGIONAL_BASE_MIN:
                bases.append(word[: -len(suffix)])
        found = self._sound_changes(word, bases, nga=True)
        if found is not None:
            return found
        for base in bases:
            # Minang ma- is Indonesian me-: "mambantu", "mancalon"
            if base.startswith("ma") and len(base) >= 6:
                cand = "me" + base[2:]
                root = stem(cand)
                # a root of 4 letters or more: "mantau" is Jakarta "memantau", not "tau"
                if root != cand and len(root) >= 4 and root in self.lex.vocabulary:
                    return cand
        minang = self._minang(word)
        if minang:
            return minang
        for suffix in _POSSESSIVE_ONLY:
            if word.endswith(suffix) and len(word) - len(suffix) >= _REGIONAL_BASE_MIN:
                return word[: -len(suffix)]
        for base in bases[1:]:
            root = stem(base)
            # only a stem the base begins with ("aturan" -> "atur", "dilapor" ->
            # "lapor"): "pertamina" less "-na" is not "tam"
            known = root in self.lex.vocabulary and root != base
            if known and base.removeprefix("di").startswith(root):
                return base
        return word

    def _minang(self, word: str) -> str:
        """The Indonesian word a Minang one spells (see _MINANG_ENDINGS), or ""."""
        if len(word) < _MINANG_MIN:
            return ""
        vocab = self.lex.vocabulary
        forms = [word] + [word[: -len(a)] + b for a, b in _MINANG_ENDINGS if word.endswith(a)]
        for form in forms:
            for a, b in (("", ""), *_MINANG_PREFIXES):
                if not form.startswith(a):
                    continue
                cand = b + form[len(a) :]
                if cand == word:
                    continue
                if cand in vocab:
                    return self.lex.words.get(cand, cand) or word
                root = stem(cand)
                # a prefixed form whose root is known: "pangurus" -> "pengurus" (urus)
                if a and root != cand and len(root) >= 4 and root in vocab:
                    return cand
        return ""

    def _sound_changes(self, word: str, bases: list[str], nga: bool = False) -> str | None:
        """The first known word among the bases' Jakarta-style (and, with
        ``nga``, Sundanese) prefix changes, mapped as the lexicon maps it."""
        vocab = self.lex.vocabulary
        for base in bases:
            options = [base]
            if base.startswith("nge"):
                options.append(base[3:])
            if base.startswith("ny"):
                options += ["s" + base[2:], "c" + base[2:]]
            elif base.startswith("ng"):
                # meng- + vowel keeps the vowel ("ngisi", "ngundang", "ngurus"),
                # meng- + k drops the k ("ngumpulin"): the bare form first
                options += [base[2:], "k" + base[2:]]
            elif base.startswith("n"):
                options.append("t" + base[1:])
            if nga and base.startswith("nga") and len(base) - 3 >= _NGA_ROOT_MIN:
                options.append(base[3:])  # Sundanese nga- before a consonant: "ngadukung"
            for cand in options:
                if cand != word and len(cand) >= 3 and cand in vocab:
                    mapped = self.lex.words.get(cand, cand)
                    if mapped:  # never to nothing ("was" is a dropped English word)
                        return mapped
        return None

    def _question_particle(self, words: tuple[str, ...], i: int) -> bool:
        """Whether the negation words[i] asks rather than negates: "boleh gak",
        "kena sanksi nggak sih", "atau tidak" -- it closes the question or
        follows the word it questions."""
        lex = self.lex
        if i > 0 and words[i - 1] in lex.negation_hosts:
            return True
        return all(w in lex.stopwords or w in lex.negations for w in words[i + 1 :])

    def terms(self, words: tuple[str, ...]) -> tuple[str, ...]:
        lex = self.lex
        out: list[str] = []
        for i, word in enumerate(words):
            if word in lex.negations:
                if self._question_particle(words, i):
                    continue
                term = "belum" if word == "belum" else "tidak"
                if not out or out[-1] != term:
                    out.append(term)
                continue
            if word in lex.stopwords:
                continue
            if word in lex.protected or len(word) <= 3 or not word.isalpha():
                term = word
            elif (base := _possessive_base(word)) in lex.protected:
                term = base  # "relawannya" -> "relawan", never the stemmer's "rawan"
            else:
                term = stem(self._colloquial(word))
            term = lex.synonyms.get(term, term)
            if term in lex.stopwords:
                continue
            if not out or out[-1] != term:
                out.append(term)
        return tuple(out)

    def analyze(self, text: str) -> Analysis:
        words = self.words(text)
        return Analysis(words=words, terms=self.terms(words))

    def normalize(self, text: str) -> str:
        return self.analyze(text).text
