"""Typed words nothing else reads: without their vowels ("kntr", "snksi",
"plnggaran", "dftr") or with two letters swapped ("kampnaye", "bolhe").

Chat drops vowels from any word, not only the few abbreviations a slang list can
hold. A word nothing else knows is read as the one known word it spells with its
vowels put back: its consonants in the same order, the vowels it kept where they
were, and nothing else added. Only a word the lexicon itself uses (the words the
slang, regional and English maps turn things into, the phrases' readings, the
protected words, the synonyms, the stopwords) counts as "known" here: the 30,000
roots of the stemmer hold too many rare words ("kentara", "kontur" for "kntr").
A word with two such readings ("ntrl": "netral", "natural") stays as typed.
Three letters are too few to tell ("cln": "calon", "celana"; "cmt": "camat",
"comment"): those that are safe are listed in slang.toml.

Two neighbouring letters typed the other way round ("snaksi", "kampnaye") are read
the same way: the one lexicon word of five letters at least that the swap spells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from knowledge.lexicon import Lexicon

_VOWELS = frozenset("aeiou")
MIN_LETTERS = 4
# a word with two letters swapped, from this length ("bolhe")
SWAP_MIN = 5
# from this length a word may be any known word, not only one of the lexicon's own
LONG_ENOUGH = 5
# English words that make a message English: there "bags" is no "bagus", "truck" no
# "terucuk" (two of them at least: one may be chat's "no" or "i")
ENGLISH_MARKS = frozenset(
    "the a an is are was were of to for with and my our his her their it this that "
    "can could does do did be been has have had who what when how if you he she we "
    "they from about or".split()
)
# endings read apart from the word they end ("sanksiny", "dftrnya", "blhkah",
# "dmpingin"): typed ending -> the ending put back
_ENDINGS = (("nya", "nya"), ("ny", "nya"), ("kah", "kah"), ("kh", "kah"), ("in", "in"))


def _indexed(words: Iterable[str]) -> dict[tuple[str, str], list[str]]:
    """Words by their first letter and their consonants."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word in sorted(words):
        index[(word[0], _consonants(word))].append(word)
    return index


def _consonants(word: str) -> str:
    return "".join(c for c in word if c not in _VOWELS)


def _drops_vowels_only(typed: str, word: str) -> bool:
    """``typed`` is ``word`` with some of its vowels left out, each between two
    consonants ("kntor", "sragam"), or the last one after a consonant when what was
    typed ends in two ("istr"), and nothing else: a vowel beside another one or
    at the end is a word of its own ("bali" is not "balai", "lalin" not "laluin",
    "unggahan" not Javanese "unggahane")."""
    i = 0
    last = len(word) - 1
    for j, c in enumerate(word):
        if i < len(typed) and c == typed[i]:
            i += 1
            continue
        if c not in _VOWELS or j == 0 or word[j - 1] in _VOWELS:
            return False
        if j == last and not _ends_in_a_cluster(typed):
            return False
        if j < last and word[j + 1] in _VOWELS:
            return False
    return i == len(typed)


def _ends_in_a_cluster(typed: str) -> bool:
    """Two consonants no Indonesian word ends in ("istr", "snks"): the last vowel
    was dropped too ("istri", "sanksi")."""
    end = typed[-2:]
    return len(end) == 2 and not _VOWELS.intersection(end) and end not in ("ng", "ny")


def lexicon_words(lex: Lexicon) -> frozenset[str]:
    """The words the lexicon reads things as: what a vowel-less word may become."""
    found: set[str] = set()
    for value in lex.words.values():
        found.update(value.split())
    for _, value in lex.phrases:
        found.update(value.split())
    found |= lex.protected | lex.stopwords | set(lex.synonyms) | set(lex.synonyms.values())
    return frozenset(w for w in found if w.isalpha() and len(w) >= MIN_LETTERS)


class Typos:
    """Puts the vowels back into a word typed without them, or two swapped letters
    in their order (see the module doc)."""

    def __init__(self, lex: Lexicon) -> None:
        self._words = lex.words
        self._vocabulary = lex.vocabulary
        own = lexicon_words(lex)
        self._own = own
        self._index = _indexed(own)
        self._all = _indexed(w for w in lex.vocabulary if w.isalpha() and len(w) >= MIN_LETTERS)

    def _one(self, typed: str) -> str:
        if len(typed) < MIN_LETTERS - 1 or not typed.isalpha():
            return ""
        key = (typed[0], _consonants(typed))
        found = [w for w in self._index.get(key, ()) if _drops_vowels_only(typed, w)]
        if not found and len(typed) >= LONG_ENOUGH:
            # none of the lexicon's own words: any known word, when it is the only
            # one ("prtai" -> "partai", "slsai" -> "selesai")
            found = [w for w in self._all.get(key, ()) if _drops_vowels_only(typed, w)]
        found = [w for w in found if w != typed]
        return found[0] if len(found) == 1 else ""

    def _swapped(self, typed: str) -> str:
        """The one lexicon word ``typed`` is with two neighbouring letters swapped."""
        if len(typed) < SWAP_MIN:
            return ""
        found = {
            cand
            for i in range(len(typed) - 1)
            if typed[i] != typed[i + 1]
            and (cand := typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]) in self._own
        }
        return found.pop() if len(found) == 1 else ""

    def restore(self, typed: str) -> str:
        """The known word ``typed`` spells without some vowels, or with two letters
        swapped, or ""."""
        if len(typed) < MIN_LETTERS or not typed.isalpha():
            return ""
        if whole := self._one(typed) or self._swapped(typed):
            return whole
        for ending, put_back in _ENDINGS:
            base = typed[: -len(ending)]
            if not typed.endswith(ending) or len(base) < MIN_LETTERS - 1:
                continue
            if base in self._vocabulary:
                # a known word or abbreviation with its ending cut short ("sanksiny",
                # "blhkah"): one word, never a phrase ("gpp" reads "enggak apa")
                known = self._words.get(base, base)
                found = known if known.isalpha() else ""
            else:
                found = self._one(base)
            if found and put_back[0] in _VOWELS and found[-1] in _VOWELS:
                continue  # "sekdin" is no "sekda" + "-in"
            if found:
                return found + put_back
        return ""
