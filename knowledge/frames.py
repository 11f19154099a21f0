"""Who does what, in what context: a question read as a Frame.

The concepts and their words are data (knowledge/lexicon/concepts.toml).
Each concept word goes through the question's own normalizer, so slang,
English and regional words, typos the lexicon knows and inflections meet
the question's form. A word the vocabulary does not know ("komenrar") may
still match a concept word of five letters or more by spelling.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from knowledge.lexicon import LEXICON_DIR
from knowledge.normalize import Analysis, Normalizer, fold, stem

CONCEPTS_FILE = LEXICON_DIR / "concepts.toml"
KINDS = ("actor", "activity", "context")
# A misspelt word matches a concept word this close (rapidfuzz ratio), and
# only words of at least TYPO_MIN_CHARS letters are tried: short ones collide.
TYPO_RATIO = 86.0
TYPO_MIN_CHARS = 5
SEPARATOR = " · "
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Concept:
    kind: str  # "actor" | "activity" | "context"
    id: str
    label: str
    label_en: str
    priority: int = 0
    group: str = ""  # actors: "asn" for those the civil-service rules bind
    shown: bool = True  # False: used for choosing, never said back to the person
    # True: its words count even where a longer or likelier concept claimed them
    # ("ikut kampanye" is attending a rally and, as well, taking part).
    overlaps: bool = False

    def label_for(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label


@dataclass(frozen=True, slots=True)
class Frame:
    actor: Concept | None
    activity: Concept | None
    contexts: tuple[Concept, ...] = ()
    activities: tuple[Concept, ...] = ()  # every activity named, the chosen one first

    @property
    def empty(self) -> bool:
        shown = any(c.shown for c in self.contexts)
        return self.actor is None and self.activity is None and not shown

    def has(self, context_id: str) -> bool:
        return any(c.id == context_id for c in self.contexts)

    def text(self, lang: str = "id") -> str:
        """ "PPPK · menjadi saksi paslon di TPS · di luar jam kerja"."""
        parts = [c.label_for(lang) for c in (self.actor, self.activity) if c is not None]
        parts += [c.label_for(lang) for c in self.contexts if c.shown]
        return SEPARATOR.join(parts)

    def to_json(self, lang: str = "id") -> dict[str, Any]:
        return {
            "actor": None if self.actor is None else self.actor.id,
            "activity": None if self.activity is None else self.activity.id,
            # INTERFACES.md names the list "context"; "contexts" is the same list.
            "context": [c.id for c in self.contexts if c.shown],
            "contexts": [c.id for c in self.contexts if c.shown],
            "text": self.text(lang),
        }


NO_FRAME = Frame(None, None)
Tokens = tuple[tuple[str, ...], tuple[str, ...]]


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_concepts(path: Path = CONCEPTS_FILE) -> dict[str, dict[str, tuple[Concept, list[str]]]]:
    """kind -> id -> (concept, its words), as written in the file."""
    raw = _read(path)
    out: dict[str, dict[str, tuple[Concept, list[str]]]] = {k: {} for k in KINDS}
    for kind in KINDS:
        for cid, table in raw.get(kind, {}).items():
            concept = Concept(
                kind,
                str(cid),
                str(table.get("label", cid)),
                str(table.get("label_en", table.get("label", cid))),
                int(table.get("priority", 0)),
                str(table.get("group", "")),
                bool(table.get("shown", True)),
                bool(table.get("overlaps", False)),
            )
            out[kind][str(cid)] = (concept, [str(w) for w in table.get("words", [])])
    return out


class FrameReader:
    """Reads Frames out of questions; built once per normalizer and concept file."""

    def __init__(self, normalizer: Normalizer, path: Path = CONCEPTS_FILE) -> None:
        self.normalizer = normalizer
        self.concepts = load_concepts(path)
        # a phrase's first word and first stem -> [(phrase as (words, stems), concept)]
        self._phrases: dict[str, list[tuple[Tokens, Concept]]] = {}
        self._single: dict[str, Concept] = {}  # one-word concept words, for typos
        # slang words and folded phrases matched as typed: words -> concept
        self._literal: dict[tuple[str, ...], Concept] = {}
        self._seen: set[tuple[Tokens, Concept]] = set()
        for table in self.concepts.values():
            for concept, words in table.values():
                for phrase in words:
                    self._index(phrase, concept)
        # An English word that is one of its concept's own words once translated
        # ("army" is "tni") needs no literal match: read through the normalizer it
        # takes part in the claiming below, so "unlike the army" can claim it for a
        # comparison (a literal match claims nothing). Slang keeps its literal match:
        # a phrase may fold it away ("nyalon bupati" is "cabup").
        english = self.normalizer.lex.english
        for key, concept in list(self._literal.items()):
            if not english.issuperset(key):
                continue
            folded = self.normalizer.words(" ".join(key))
            own = self._phrases.get(folded[0], ()) if len(folded) == 1 else ()
            # (the very word: "favouring" folds to "untung", which the phrase
            # "menguntungkan" does not match, so its literal match stays)
            if any(c == concept and toks[0] == tuple(folded) for toks, c in own):
                del self._literal[key]
        self._literal_lengths = sorted({len(k) for k in self._literal})

    def _tokens(self, words: tuple[str, ...]) -> Tokens:
        """The words and, aligned with them, each word's stem ("" for a stopword)."""
        stems = tuple((self.normalizer.terms((w,)) or ("",))[0] for w in words)
        return words, stems

    def _index(self, phrase: str, concept: Concept) -> None:
        literal = tuple(_NON_WORD.sub(" ", fold(phrase)).split())
        words = self.normalizer.words(phrase)
        if len(words) == 1 and words != literal:
            # "nyaleg" reads as "caleg", "komen" as "komentar": the slang word
            # itself is the concept word, not the common noun it maps to. A phrase
            # the normalizer folds into one word ("tim sukses" -> "timses", "hand
            # out" -> "bagikan", "cuma nonton" -> "menonton") is matched as typed
            # too: its folded word alone would be too wide ("menonton" is not
            # "only watching"), and it must still match somewhere.
            self._literal.setdefault(literal, concept)
            return
        tokens = self._tokens(words)
        if tokens[0] and (tokens, concept) not in self._seen:
            self._seen.add((tokens, concept))
            for key in {tokens[0][0], tokens[1][0]} - {""}:
                self._phrases.setdefault(key, []).append((tokens, concept))
        if len(tokens[0]) == 1 and len(tokens[0][0]) >= TYPO_MIN_CHARS:
            self._single.setdefault(tokens[0][0], concept)

    def concept(self, kind: str, cid: str) -> Concept | None:
        found = self.concepts.get(kind, {}).get(cid)
        return None if found is None else found[0]

    def _found(self, text: str, words: tuple[str, ...]) -> dict[Concept, int]:
        """Every concept named, with the position of its first mention."""
        hits: dict[Concept, int] = {}
        typed = _NON_WORD.sub(" ", fold(text)).split()
        for i in range(len(typed)):
            for n in self._literal_lengths:
                concept = self._literal.get(tuple(typed[i : i + n]))
                if concept is not None:
                    hits.setdefault(concept, i)
        q_words, q_stems = self._tokens(words)
        vocab = self.normalizer.lex.vocabulary
        # A misspelt word reads as the concept word it is closest to.
        for i, word in enumerate(q_words):
            if len(word) >= TYPO_MIN_CHARS and word not in vocab and word.isalpha():
                best = process.extractOne(
                    word, self._single.keys(), scorer=fuzz.ratio, score_cutoff=TYPO_RATIO
                )
                if best is not None:
                    q_stems = (*q_stems[:i], best[0], *q_stems[i + 1 :])
        found: set[tuple[int, int, Concept]] = set()
        for i, keys in enumerate(zip(q_words, q_stems, strict=True)):
            for key in set(keys) - {""}:
                for (p_words, p_stems), concept in self._phrases.get(key, ()):
                    n = len(p_words)
                    if i + n <= len(q_words) and all(
                        _same(q_words[i + j], q_stems[i + j], p_words[j], p_stems[j])
                        for j in range(n)
                    ):
                        found.add((i, n, concept))
        # Longest phrases claim their words first: "tanpa atribut" before "atribut";
        # same length, the more specific concept ("pembawa acara" before "acara
        # kampanye" in "pembawa acara kampanye").
        claimed = [False] * len(q_words)
        for i, n, concept in sorted(found, key=lambda f: (-f[1], -f[2].priority, f[0])):
            if concept.overlaps:
                hits.setdefault(concept, i)  # seen, and claims nothing
            elif not any(claimed[i : i + n]):
                claimed[i : i + n] = [True] * n
                hits.setdefault(concept, i)
        return hits

    def read(self, text: str, analysis: Analysis | None = None) -> Frame:
        """The frame of ``text``; ``analysis``: its normalizer analysis, if already made."""
        words = self.normalizer.words(text) if analysis is None else analysis.words
        hits = self._found(text, words)
        if not hits:
            return NO_FRAME

        def ranked(kind: str) -> tuple[Concept, ...]:
            of_kind = [c for c in hits if c.kind == kind]
            return tuple(sorted(of_kind, key=lambda c: (-c.priority, hits[c])))

        actors, activities = ranked("actor"), ranked("activity")
        contexts = tuple(sorted(ranked("context"), key=lambda c: hits[c]))
        return Frame(
            actors[0] if actors else None,
            activities[0] if activities else None,
            contexts,
            activities,
        )


def _same(q_word: str, q_stem: str, p_word: str, p_stem: str) -> bool:
    """One question word against one phrase word. Stems meet only where the
    question's word is itself inflected or misspelt ("berkomentar", "komenrar"):
    a plain "calon" is not "mencalonkan"."""
    if q_word == p_word:
        return True
    base = q_word.removesuffix("nya")
    if base != q_word and base == q_stem:
        # A possessive, not an inflection: "calonnya" is a plain "calon", not
        # "mencalonkan" ("kalau calonnya kakak sendiri" names no one running).
        return base == p_word
    if not q_stem and not p_stem:
        # two stopwords: an inflected one still is its root ("menjadi" is "jadi" in
        # "suami menjadi caleg"), which the terms, having dropped both, cannot say
        return stem(q_word) == stem(p_word)
    return q_stem != q_word and bool(q_stem) and q_stem in (p_stem, p_word)


@cache
def default_reader() -> FrameReader:
    return FrameReader(Normalizer())
