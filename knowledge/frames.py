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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from knowledge import clauses
from knowledge.lexicon import LEXICON_DIR, word_classes
from knowledge.normalize import Analysis, Normalizer, fold, stem
from knowledge.verdicts import asks_permission, asks_what

CONCEPTS_FILE = LEXICON_DIR / "concepts.toml"
KINDS = ("actor", "activity", "context")
# A misspelt word matches a concept word this close (rapidfuzz ratio), and
# only words of at least TYPO_MIN_CHARS letters are tried: short ones collide.
TYPO_RATIO = 86.0
TYPO_MIN_CHARS = 5
SEPARATOR = " · "
_NON_WORD = re.compile(r"[^a-z0-9]+")
# A sentence ends at ".", "!" or "?" (a run of them) followed by a space or the end;
# the mark stays with its sentence, so the question sentence keeps its "?".
_CLAUSE_END = re.compile(r"(?<=[,;])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<![0-9]\.)\s+")
# The words every question is read by (concepts.toml [reading], where each is
# explained): the shipped file's, whatever concept file a reader is given.
_READING = word_classes("concepts.toml", "reading")
_FIRST_PERSON = _READING["first_person"]
_THIRD_PERSON = _READING["third_person"]
_NO_SKIP = _READING["no_skip"]
_UNRELATED_FORMS = _READING["unrelated_forms"]
_TYPED_ONLY = frozenset(_READING["typed_only"])
_JOINERS = _READING["joiners"]
_PERMISSION = frozenset(_READING["permission"])
_PASSED = frozenset(_READING["not_after_passed"])
_KIN = _READING["kin"]
_HOUSEWIFE_TAIL = ("rumah", "tangga")
_APART_UNLESS_ACTORS = frozenset(_READING["apart_unless_actors"])
# What the writer who sets themself apart from a civil-servant relative is read as.
_APART_ACTOR, _APART_CONTEXT = "warga", "self_not_asn"
# What a relative asked about is read as, and, described outside the service, who.
_RELATIVE_ASKS, _RELATIVE_ACTOR, _RELATIVE_APART = "relative_asks", "kerabat", "relative_not_asn"
# The relative asked about named as the civil servant; the writer who says they are one
# and asks about their own act.
_RELATIVE_ASN_ASKED, _SELF_ASKS = "relative_asn_asked", "self_asks"


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
    # True: an act the story itself tells ("istri nyaleg" is accompanying a spouse who
    # runs), kept first when a question sentence after the story names another act.
    story: bool = False
    # A phrase right after one of these words is not this concept: "saya PNS" says
    # the one asking is a civil servant, "suami saya PNS" says the husband is.
    not_after: frozenset[str] = frozenset()
    # Contexts only: when stated, with every context of `prefer_with` and none of
    # `prefer_unless`, an actor of this group is the one the question is about
    # ("saya PNS, suami saya bukan ASN, boleh saya ikut?" asks about the PNS).
    prefer_group: str = ""
    prefer_with: frozenset[str] = frozenset()
    prefer_unless: frozenset[str] = frozenset()
    # Contexts only: activities that, when this context is stated and another act is
    # named, are someone else's ("kakak saya nyaleg, dia polisi, boleh jadi timses?":
    # the running is the brother's, the campaign team the officer's).
    demotes: frozenset[str] = frozenset()
    # Contexts that overlap only: up to this many words may stand between a phrase's
    # words ("istri saya seorang guru PNS" is "istri saya PNS"), never a negation,
    # a conjunction or a person ("istri saya bukan PNS", "istri saya, saya PNS").
    gap: int = 0
    # Contexts only: looking without acting ("asal nggak like", "cuma lihat"), which
    # an act told as done beside it undoes ("cuma like doang, ga komen").
    no_act: bool = False

    def label_for(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label


@dataclass(frozen=True, slots=True)
class Frame:
    actor: Concept | None
    activity: Concept | None
    contexts: tuple[Concept, ...] = ()
    activities: tuple[Concept, ...] = ()  # every activity named, the chosen one first
    actors: tuple[Concept, ...] = ()  # every actor named, the chosen one first
    # The contexts' ids, found once: the frame map asks has() of every ranked
    # entry's declarations.
    context_ids: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "context_ids", frozenset(c.id for c in self.contexts))

    @property
    def empty(self) -> bool:
        shown = any(c.shown for c in self.contexts)
        return self.actor is None and self.activity is None and not shown

    def has(self, context_id: str) -> bool:
        return context_id in self.context_ids

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
# A phrase as read: its words, their stems, its concept.
_Phrase = tuple[tuple[str, ...], tuple[str, ...], Concept]
# Under one first-word key: one-word phrases, gapped phrases, longer phrases by
# second-word key.
_Candidates = tuple[tuple[_Phrase, ...], tuple[_Phrase, ...], dict[tuple[str, str], list[_Phrase]]]
_TYPO_CACHE_SIZE = 50_000  # words remembered as typos or not (a bot runs for weeks)


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
                bool(table.get("story", False)),
                frozenset(str(w) for w in table.get("not_after", [])),
                str(table.get("prefer_group", "")),
                frozenset(str(c) for c in table.get("prefer_with", [])),
                frozenset(str(c) for c in table.get("prefer_unless", [])),
                frozenset(str(a) for a in table.get("demotes", [])),
                int(table.get("gap", 0)),
                bool(table.get("no_act", False)),
            )
            out[kind][str(cid)] = (concept, [str(w) for w in table.get("words", [])])
    return out


class FrameReader:
    """Reads Frames out of questions; built once per normalizer and concept file."""

    def __init__(self, normalizer: Normalizer, path: Path = CONCEPTS_FILE) -> None:
        self.normalizer = normalizer
        # Each word's stem, as _tokens found it: a word's stem depends on the word
        # alone, and stemming every word of every message again was a tenth of a
        # question's time. Bounded like the typos.
        self._stems: dict[str, str] = {}
        self.concepts = load_concepts(path)
        # a phrase's first word and first stem -> [(phrase as (words, stems), concept)]
        self._phrases: dict[str, list[tuple[Tokens, Concept]]] = {}
        self._single: dict[str, Concept] = {}  # one-word concept words, for typos
        # slang words and folded phrases matched as typed: words -> concept
        self._literal: dict[tuple[str, ...], Concept] = {}
        # each concept's one-word words, as matched and as typed: a list of them
        # ("tni polri") shares the word before its first (see _set_apart)
        self._own: dict[Concept, set[str]] = {}
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
        # (a word no literal phrase begins with starts no literal match: most words)
        self._literal_first = frozenset(k[0] for k in self._literal)
        self._lookup = self._second_word_index()
        self._one_word_acts = frozenset(
            p_words[0]
            for ones, _gapped, _by_second in self._lookup.values()
            for p_words, _p_stems, concept in ones
            if concept.kind == "activity"
        )
        # word -> the concept word it is a typo of ("" for none): extractOne over
        # every one-word concept word is the costliest step of a read, and a pure
        # function of the word
        self._typos: dict[str, str] = {}

    def _second_word_index(self) -> dict[str, _Candidates]:
        """_phrases split for reading: under each first-word key, the one-word
        phrases, the gapped ones (matched word by word as before) and the longer ones
        by every key their second word can be met under (see _second_keys), so a
        common first word ("saya", "suami") no longer tries each of its phrases."""
        out: dict[str, _Candidates] = {}
        for key, items in self._phrases.items():
            ones: list[_Phrase] = []
            gapped: list[_Phrase] = []
            by_second: dict[tuple[str, str], list[_Phrase]] = {}
            for (p_words, p_stems), concept in items:
                phrase = (p_words, p_stems, concept)
                if concept.gap and concept.overlaps:
                    gapped.append(phrase)
                elif len(p_words) == 1:
                    ones.append(phrase)
                else:
                    keys = {("w", p_words[1])}
                    if p_stems[1]:
                        keys.add(("s", p_stems[1]))
                    else:
                        keys.add(("sw", stem(p_words[1])))
                    for k in keys:
                        by_second.setdefault(k, []).append(phrase)
            out[key] = (tuple(ones), tuple(gapped), by_second)
        return out

    @staticmethod
    def _persons(words: tuple[str, ...]) -> tuple[str, ...]:
        """The words with each person said one way (see _FIRST_PERSON); "ibu rumah
        tangga" is "irt", a housewife, no mother ("saya ibu rumah tangga dan bukan
        ASN" sets the writer apart)."""
        out: list[str] = []
        skip = 0
        for i, w in enumerate(words):
            if skip:
                skip -= 1
                continue
            if w == "ibu" and words[i + 1 : i + 3] == _HOUSEWIFE_TAIL:
                out.append("irt")
                skip = 2
            elif w in _FIRST_PERSON:
                out.append("saya")
            elif w in _THIRD_PERSON:
                out.append("dia")
            elif w.endswith("ku") and w[:-2] in _KIN:
                out += [w[:-2], "saya"]
            elif w == "nya" and out and out[-1] in _PERMISSION:
                # "bisa nya kutolak", "boleh nya ikut": the "may"-word's own particle,
                # typed apart; "bisa kutolak" is what the phrases know
                continue
            else:
                out.append(w)
        return tuple(out)

    def _tokens(self, words: tuple[str, ...]) -> Tokens:
        """The words and, aligned with them, each word's stem ("" for a stopword)."""
        return words, tuple(map(self._stem, words))

    def _stem(self, word: str) -> str:
        """The word's stem ("" for a stopword)."""
        found = self._stems.get(word)
        if found is None:
            found = (self.normalizer.terms((word,)) or ("",))[0]
            if len(self._stems) < _TYPO_CACHE_SIZE:
                self._stems[word] = found
        return found

    def _index(self, phrase: str, concept: Concept) -> None:
        literal = tuple(_NON_WORD.sub(" ", fold(phrase)).split())
        words = self._persons(self.normalizer.words(phrase))
        if concept.not_after:
            own = self._own.setdefault(concept, set())
            own.update(form[0] for form in (literal, words) if len(form) == 1)
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

    def _set_apart(self, words: Sequence[str], i: int, concept: Concept) -> bool:
        """The word before ``words[i]`` is one of the concept's not_after words, looking
        past a list of the concept's own words ("kayak tni dan polri", "pensiunan
        tni polri"): every one of them is set apart, not only the first."""
        if not concept.not_after:
            return False
        own = self._own.get(concept, set())
        j = i - 1
        while j >= 0 and (words[j] in _JOINERS or words[j] in own or words[j] in _PASSED):
            j -= 1
        return j >= 0 and words[j] in concept.not_after

    def _found(self, text: str, words: tuple[str, ...]) -> dict[Concept, int]:
        """Every concept named, with the position of its first mention."""
        hits: dict[Concept, int] = {}
        typed = _NON_WORD.sub(" ", fold(text)).split()
        literal = [
            (i, n, concept)
            for i in range(len(typed))
            if typed[i] in self._literal_first
            for n in self._literal_lengths
            if (concept := self._literal.get(tuple(typed[i : i + n]))) is not None
        ]
        # (a one-word act typed as written counts as a span too: in "ga like, komen"
        # the slang "komen" is listed after the denied "like")
        spans = {(i, n) for i, n, c in literal if c.kind == "activity"} | {
            (i, 1) for i, word in enumerate(typed) if word in self._one_word_acts
        }
        not_done = clauses.negated_acts(typed, sorted(spans))
        for i, _n, concept in literal:
            if not self._set_apart(typed, i, concept) and not (
                concept.kind == "activity" and i in not_done
            ):
                hits.setdefault(concept, i)
        q_words, q_stems = self._tokens(words)
        vocab = self.normalizer.lex.vocabulary
        # A misspelt word reads as the concept word it is closest to.
        for i, word in enumerate(q_words):
            if len(word) >= TYPO_MIN_CHARS and word not in vocab and word.isalpha():
                fixed = self._typos.get(word)
                if fixed is None:
                    best = process.extractOne(
                        word, self._single.keys(), scorer=fuzz.ratio, score_cutoff=TYPO_RATIO
                    )
                    fixed = "" if best is None else best[0]
                    if len(self._typos) < _TYPO_CACHE_SIZE:
                        self._typos[word] = fixed
                if fixed:
                    q_stems = (*q_stems[:i], fixed, *q_stems[i + 1 :])
        found: set[tuple[int, int, Concept]] = set()
        size = len(q_words)
        for i, keys in enumerate(zip(q_words, q_stems, strict=True)):
            for key in set(keys) - {""}:
                candidates = self._lookup.get(key)
                if candidates is None:
                    continue
                ones, gapped, by_second = candidates
                # A phrase matches when every word of it is _same as the question's;
                # the index only leaves out phrases whose second word cannot be.
                tried: list[_Phrase] = list(ones)
                if i + 1 < size:
                    for k in _second_keys(q_words[i + 1], q_stems[i + 1]):
                        tried += by_second.get(k, ())
                for p_words, p_stems, concept in tried:
                    n = len(p_words)
                    if (
                        i + n <= size
                        and _matches(q_words, q_stems, i, p_words, p_stems)
                        and not self._set_apart(q_words, i, concept)
                    ):
                        found.add((i, n, concept))
                for p_words, p_stems, concept in gapped:
                    n = len(p_words)
                    if self._set_apart(q_words, i, concept):
                        continue
                    if i + n <= size and _matches(q_words, q_stems, i, p_words, p_stems):
                        found.add((i, n, concept))
                    else:
                        end = _gapped(q_words, q_stems, i, p_words, p_stems, concept.gap)
                        if end is not None:
                            found.add((i, end - i, concept))
        # Longest phrases claim their words first: "tanpa atribut" before "atribut";
        # same length, the more specific concept ("pembawa acara" before "acara
        # kampanye" in "pembawa acara kampanye"). Ties end on the concept's id: a set's
        # order changes with each process's hash seed, and so did the answer.
        claimed = [False] * len(q_words)
        order = sorted(found, key=lambda f: (-f[1], -f[2].priority, f[0], f[2].kind, f[2].id))
        # "ga posting apa2", "ga komen atau share": acts said not done
        not_done = clauses.negated_acts(
            q_words, [(i, n) for i, n, c in found if c.kind == "activity"]
        )
        for i, n, concept in order:
            if concept.kind == "activity" and i in not_done:
                continue
            if concept.overlaps:
                hits.setdefault(concept, i)  # seen, and claims nothing
            elif not any(claimed[i : i + n]):
                claimed[i : i + n] = [True] * n
                hits.setdefault(concept, i)
        # An act told as done ("cuma like doang, ga komen", "ga komen, cuma dateng ke
        # kampanye") is no looking without acting: the context is not the question's.
        if any(c.kind == "activity" for c in hits):
            for concept in [c for c in hits if c.no_act]:
                del hits[concept]
        return hits

    def _asked_acts(self, text: str, activities: tuple[Concept, ...]) -> frozenset[Concept]:
        """The acts the question sentence names, when a story in sentences of its
        own comes before it (the last sentence with a question mark, else the last),
        or, in one sentence of clauses, when its last clause itself asks leave."""
        if len(activities) < 2:
            return frozenset()
        parts = _sentences(text)
        if len(parts) < 2:
            # one sentence of clauses ("aku pns, adikku nyaleg, aku boleh share?"): the
            # last clause asks only when it asks leave itself
            clauses = [c for c in _CLAUSE_END.split(text) if _NON_WORD.sub("", fold(c))]
            if len(clauses) < 2 or not asks_permission(clauses[-1]):
                return frozenset()
            parts = clauses
        asking = [p for p in parts if "?" in p]
        question = asking[-1] if asking else parts[-1]
        if question == parts[0] or not (asking or asks_permission(question) or asks_what(question)):
            # no question after the story ("… Saya ada fotonya."): a witness's account
            return frozenset()
        named = self._found(question, self.normalizer.words(question))
        asked = frozenset(c for c in named if c.kind == "activity" and c in activities)
        return asked | {c for c in activities if c.story} if asked else asked

    def _relative(self, hits: dict[Concept, int], words: tuple[str, ...]) -> None:
        """The relative the question asks about, if any (context relative_asks): named
        as the civil servant (relative_asn_asked: "Istri saya PNS, saya bukan. Istri
        saya boleh jadi relawan?", "… Can my mum volunteer?") or as outside the service
        (actor kerabat, context relative_not_asn: "kakak saya wiraswasta, apakah kakak
        saya diperbolehkan …")."""
        relative = self.concept("context", _RELATIVE_ASKS)
        at = clauses.relative_asked(words)
        said = None if at is None else clauses.relative_status(words, at)
        if at is None:
            # "boleh dia …", "can my mum …": the "may"-word first, only where the
            # relative asked about was named as the civil servant
            at = clauses.relative_asked_after(words)
            said = None if at is None else clauses.relative_status(words, at)
            if said is None or said.status != clauses.ASN:
                return
        if relative is None or at is None:
            return
        hits.setdefault(relative, at)
        if said is not None and said.status == clauses.ASN:
            # "suami saya bukan PNS tapi PPPK": the words "suami saya bukan pns" of
            # relative_not_asn are read wrong where the clause names another status
            apart = self.concept("context", _RELATIVE_APART)
            if apart is not None:
                hits.pop(apart, None)
            self._asked_is_asn(hits, words[said.at], at)
            return
        apart_at = clauses.relative_apart(words)
        if apart_at is not None:
            for concept in (
                self.concept("actor", _RELATIVE_ACTOR),
                self.concept("context", _RELATIVE_APART),
            ):
                if concept is not None:
                    hits.setdefault(concept, apart_at)

    def _asked_is_asn(self, hits: dict[Concept, int], status: str, at: int) -> None:
        """The relative asked about is a civil servant (``status``: "pns", "pppk"): the
        question is theirs (context relative_asn_asked, whose actors come first), and
        the status names the actor."""
        asked = self.concept("context", _RELATIVE_ASN_ASKED)
        if asked is None:
            return
        hits.setdefault(asked, at)
        for concept in self._found(status, (status,)):
            if concept.kind == "actor" and concept.group == asked.prefer_group:
                hits.setdefault(concept, at)

    def read(self, text: str, analysis: Analysis | None = None) -> Frame:
        """The frame of ``text``; ``analysis``: its normalizer analysis, if already made."""
        words = self.normalizer.words(text) if analysis is None else analysis.words
        words = self._persons(words)
        hits = self._found(text, words)
        self._relative(hits, words)
        mine = clauses.self_asn_asks(words)
        asks = self.concept("context", _SELF_ASKS)
        if (
            mine is not None
            and asks is not None
            and any(c.kind == "activity" and at > mine for c, at in hits.items())
        ):
            # "…, saya PNS boleh bantu kampanye?": the civil servant asks about their
            # own act, named after the "may"-word ("istriku mau jadi timses, aku pns,
            # boleh?" asks about the wife's)
            hits.setdefault(asks, mine)
        context = self.concept("context", _APART_CONTEXT)
        # the writer is a citizen, unless they go on to name an office of their own
        # with its own ban ("saya bukan ASN tapi anggota Polri")
        apart = clauses.writer_apart(
            words,
            lambda j: any(
                c.kind == "actor" and c.id in _APART_UNLESS_ACTORS and hits[c] > j for c in hits
            ),
        )
        if (
            apart is not None
            and context is not None
            and not context.prefer_unless & {c.id for c in hits}
        ):
            # the writer is a citizen, unless the question asks about the relative
            for concept in (self.concept("actor", _APART_ACTOR), context):
                if concept is not None:
                    hits.setdefault(concept, apart)
        if not hits:
            return NO_FRAME

        def ranked(kind: str) -> tuple[Concept, ...]:
            of_kind = [c for c in hits if c.kind == kind]
            return tuple(sorted(of_kind, key=lambda c: (-c.priority, hits[c])))

        actors, activities = ranked("actor"), ranked("activity")
        asked = self._asked_acts(text, activities)
        if asked:
            # "Babe aye nyaleg. Boleh aye nempelin stiker?": the story tells who and
            # why, the question sentence what is asked about; its acts come first
            activities = tuple(sorted(activities, key=lambda c: c not in asked))
        contexts = tuple(sorted(ranked("context"), key=lambda c: hits[c]))
        stated = {c.id for c in contexts}
        for c in contexts:
            if c.prefer_group and c.prefer_with <= stated and not c.prefer_unless & stated:
                # stable: the group's actors first, each side in its own order
                actors = tuple(sorted(actors, key=lambda a, g=c.prefer_group: a.group != g))
            if c.demotes:
                activities = tuple(sorted(activities, key=lambda a, d=c.demotes: a.id in d))
        return Frame(
            actors[0] if actors else None,
            activities[0] if activities else None,
            contexts,
            activities,
            actors,
        )


def _sentences(text: str) -> list[str]:
    """The message cut after each full stop, question or exclamation mark that ends
    a sentence (not "P.S", "1.5" or "s.d")."""
    return [p for p in _SENTENCE_END.split(text) if _NON_WORD.sub("", fold(p))]


def _gapped(
    q_words: tuple[str, ...],
    q_stems: tuple[str, ...],
    i: int,
    p_words: tuple[str, ...],
    p_stems: tuple[str, ...],
    gap: int,
) -> int | None:
    """Where the phrase ends when it matches from ``i`` with at most ``gap`` words
    skipped between its words (none of them _NO_SKIP or a kin word: "anak saya
    mahasiswa, bapaknya PNS" names two people), or None."""
    k, skipped = i, 0
    for j, (p_word, p_stem) in enumerate(zip(p_words, p_stems, strict=True)):
        while k < len(q_words) and not _same(q_words[k], q_stems[k], p_word, p_stem):
            word = q_words[k]
            if j == 0 or skipped == gap or word in _NO_SKIP or word.removesuffix("nya") in _KIN:
                return None
            k, skipped = k + 1, skipped + 1
        if k == len(q_words):
            return None
        k += 1
    return k


@lru_cache(maxsize=_TYPO_CACHE_SIZE)
def _second_keys(q_word: str, q_stem: str) -> frozenset[tuple[str, str]]:
    """The keys of every phrase word that can be _same as this question word: its
    own word, the word without "-nya" or its stem; its stem as a phrase word's stem;
    a stopword's (empty stem) own stem as a stopword phrase word's. Remembered: a
    word is looked at once for each key of the word before it."""
    keys = {("w", q_word), ("w", q_word.removesuffix("nya"))}
    if q_stem:
        keys |= {("w", q_stem), ("s", q_stem)}
    else:
        keys.add(("sw", stem(q_word)))
    return frozenset(keys)


def _matches(
    q_words: tuple[str, ...],
    q_stems: tuple[str, ...],
    i: int,
    p_words: tuple[str, ...],
    p_stems: tuple[str, ...],
) -> bool:
    """Every word of the phrase is _same as the question's from ``i`` on (the caller
    has checked that the question is long enough). A loop, not all() over a
    generator: this runs about fifty times a question, and the generator was most
    of the frame reading's phrase matching."""
    for j, p_word in enumerate(p_words):
        q_word = q_words[i + j]
        if q_word != p_word and not _same(q_word, q_stems[i + j], p_word, p_stems[j]):
            return False
    return True


def _same(q_word: str, q_stem: str, p_word: str, p_stem: str) -> bool:
    """One question word against one phrase word. Stems meet only where the
    question's word is itself inflected or misspelt ("berkomentar", "komenrar"):
    a plain "calon" is not "mencalonkan"."""
    if q_word == p_word:
        return True
    if q_stem in _UNRELATED_FORMS:
        return False
    base = q_word.removesuffix("nya")
    if q_word in _TYPED_ONLY or p_word in _TYPED_ONLY:
        return base == p_word  # ("kirimannya" is still "kiriman")
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
