"""Word lists the normalizer uses: indoNLP's slang lexicon plus our own maps."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicon")


@dataclass(frozen=True, slots=True)
class Reading:
    """How a [company] word reads beside its language's marks."""

    reads: str
    before: frozenset[str] = frozenset()  # only before one of these ("tak unggah")
    not_before: frozenset[str] = frozenset()  # never before these ("abdi negara")


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, str]  # single token -> replacement ("" = drop)
    phrases: tuple[tuple[str, str], ...]  # multi-word -> replacement, longest first
    protected: frozenset[str]  # never stemmed
    stopwords: frozenset[str]
    synonyms: dict[str, str]  # stem -> canonical term
    offtopic: frozenset[str]  # terms of subjects the bot does not cover
    vocabulary: frozenset[str]  # known words, to tell "bolehh" from "saat"
    leading: dict[str, str] = field(default_factory=dict)  # first word only: "who" -> "siapa"
    inner: dict[str, str] = field(default_factory=dict)  # neither first nor last: "ka" -> "ke"
    # regional.toml [asking_ka]: after these, Makassar and eastern "ka" asks ("bisa ka")
    asking_ka: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()  # kept as "tidak"/"belum" unless a question particle
    negation_hosts: frozenset[str] = frozenset()  # "boleh gak": a negation after these asks
    # "gaboleh", "tdkbisa": a negation joined to the word it negates (prefixes, words)
    joined_negation: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset())
    nearby: frozenset[str] = frozenset()  # subjects next to ours: answered with a neutrality term
    neutrality: frozenset[str] = frozenset()  # terms that keep an off-topic word's question ours
    # "siapa yang harus saya pilih": (choice, which, advice) words, all three asked
    advice: tuple[frozenset[str], ...] = ()
    advice_unless: frozenset[str] = frozenset()  # "boleh …?": whether one may advise
    roles: frozenset[str] = frozenset()  # election jobs: ours only with a word of role_ours
    role_ours: frozenset[str] = frozenset()
    # facts about the candidates ("nomor urut", "visi misi"): ours only with candidate_info_ours
    candidate_info: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    javanese: frozenset[str] = frozenset()  # words that make "oleh" read as "boleh"
    # regional.toml [oleh] askers and tags: "oleh" reads "boleh" right after these
    # ("PNS oleh …") or right before those ("oleh ga …") without a Javanese word near
    oleh_around: tuple[frozenset[str], ...] = (frozenset(), frozenset(), frozenset())
    sundanese: frozenset[str] = frozenset()  # words that make "ulah" read as "jangan"
    # regional.toml [company]: words read the regional way only beside another word
    # of that language (the marks), e.g. Sundanese "abdi" (= saya, Indonesian "abdi
    # negara"): marks, and word -> (reading, only before these, never before these)
    # (marks, mark endings, readings): a word ending in one of the endings marks the
    # language too (Sundanese "-keun": "ngabagikeun", krama "-ipun", Minang "-nyo")
    company: tuple[tuple[frozenset[str], tuple[str, ...], dict[str, Reading]], ...] = ()
    # english.toml's own words: a plural or an inflection of one of them ("joins",
    # "posters", "stories", "displayed", "wearing") reads as the word itself
    english: frozenset[str] = frozenset()
    # regional.toml [not_marks]: Indonesian words whose regional-looking ending marks nothing
    not_marks: frozenset[str] = frozenset()
    # terms.toml [late]: words read only after the phrases had their turn ("dpt" is
    # "dapat" unless a phrase made it the voter list: "mlebu dpt" -> "masuk dpt")
    late: dict[str, str] = field(default_factory=dict)


def _read(name: str) -> dict[str, object]:
    with (LEXICON_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


def word_classes(name: str, table: str) -> dict[str, frozenset[str]]:
    """The word lists of one table of a lexicon file: ``[witness] actors = [...]``."""
    return _word_tables(name).get(table, {})


def forget_word_classes() -> None:
    """Read the word lists from the files again at the next ask (tests that edit a
    copy of the lexicon)."""
    _word_tables.cache_clear()


@cache
def _word_tables(name: str) -> dict[str, dict[str, frozenset[str]]]:
    """Every table of word lists in a lexicon file, the file read once: intents.toml
    has four, read at import by three modules (each read was a parse of the whole
    file at every start). Tables of anything else are left out."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for table, raw in _read(name).items():
        if isinstance(raw, dict) and all(isinstance(v, list) for v in raw.values()):
            out[table] = {str(k): frozenset(str(w) for w in v) for k, v in raw.items()}
    return out


def alternation(words: frozenset[str]) -> str:
    """A regular-expression group matching any one of ``words`` as typed, for the
    classes read from raw text (``[verdicts]``); a phrase's words one space apart."""
    if not words:
        # an empty group matches the empty string, so every text would match
        raise ValueError("an empty word class cannot be matched")
    # longest first, so a phrase wins over its first word wherever the order matters
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


@cache
def sastrawi_words() -> tuple[str, ...]:
    """Sastrawi's root words as its stemmer reads them; one copy for the lexicon and
    the stemmer (30,000 strings)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return tuple(StemmerFactory().get_words_from_file())


def _sastrawi_roots() -> set[str]:
    return {w.strip() for w in sastrawi_words() if w.strip()}


def _indonlp_slang() -> dict[str, str]:
    """indoNLP's slang map, read from its data module alone.

    ``import indoNLP.preprocessing`` also loads emoji tables and compiles one
    regular expression of all 4,331 words: 15 MB resident and 0.1 s at every
    start, for a dict this module only reads.
    """
    spec = importlib.util.find_spec("indoNLP")
    roots = list(spec.submodule_search_locations or []) if spec is not None else []
    source = next((Path(r) / "preprocessing" / "slang_data.py" for r in roots), None)
    if source is None or not source.is_file():  # another layout: the ordinary import
        from indoNLP.preprocessing import SLANG_DATA

        return dict(SLANG_DATA)
    module_spec = importlib.util.spec_from_file_location("_asnbot_indonlp_slang", source)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return dict(module.SLANG_DATA)


def _reading(raw: object) -> Reading:
    """A [company] value: a word ("saya") or { reads, before, not_before }."""
    if isinstance(raw, str):
        return Reading(raw.lower())
    assert isinstance(raw, dict)
    return Reading(
        str(raw["reads"]).lower(),
        frozenset(str(w) for w in raw.get("before", [])),
        frozenset(str(w) for w in raw.get("not_before", [])),
    )


@cache
def load_lexicon() -> Lexicon:
    words: dict[str, str] = {}
    for key, value in _indonlp_slang().items():
        # indoNLP keys with spaces or punctuation never match one token
        if key.isalnum():
            words[key.lower()] = value.lower().replace("-", " ")
    slang = _read("slang.toml")
    english = _read("english.toml")
    regional = _read("regional.toml")
    terms = _read("terms.toml")
    # English first, then regional words, then our slang: where two define a
    # word ("like", "thanks"), the Indonesian chat meaning wins.
    for table in (english.get("words", {}), regional.get("words", {}), slang.get("words", {})):
        assert isinstance(table, dict)
        words.update({str(k).lower(): str(v).lower() for k, v in table.items()})
    phrases: dict[str, str] = {}
    for table in (
        english.get("phrases", {}),
        regional.get("phrases", {}),
        terms.get("phrases", {}),
    ):
        assert isinstance(table, dict)
        phrases.update({str(k).lower(): str(v).lower() for k, v in table.items()})
    protected_raw = terms.get("protected", {})
    stop_raw = terms.get("stopwords", {})
    assert isinstance(protected_raw, dict) and isinstance(stop_raw, dict)
    protected = frozenset(str(w) for w in protected_raw.get("words", []))
    stopwords = frozenset(str(w) for w in stop_raw.get("words", []))
    vocab = _sastrawi_roots()
    vocab.update(words)
    for value in words.values():
        vocab.update(value.split())
    for phrase, value in phrases.items():
        vocab.update(phrase.split())
        vocab.update(value.split())
    vocab.update(protected)
    vocab.update(stopwords)
    syn_raw = terms.get("synonyms", {})
    assert isinstance(syn_raw, dict)
    synonyms = {str(k): str(v) for k, v in syn_raw.items()}
    vocab.update(synonyms.values())
    off_raw = terms.get("offtopic", {})
    assert isinstance(off_raw, dict)
    neg_raw = terms.get("negation", {})
    assert isinstance(neg_raw, dict)
    # first-word meanings: English "who" (= siapa), Balinese "tiang" (= saya)
    lead_raw: dict[str, object] = {}
    for source in (english, regional):
        table = source.get("leading", {})
        assert isinstance(table, dict)
        lead_raw.update(table)
    inner_raw = regional.get("inner", {})
    assert isinstance(inner_raw, dict)
    ka_raw = regional.get("asking_ka", {})
    assert isinstance(ka_raw, dict)
    not_marks_raw = regional.get("not_marks", {})
    assert isinstance(not_marks_raw, dict)
    ulah_raw = regional.get("ulah", {})
    assert isinstance(ulah_raw, dict)
    oleh_raw = regional.get("oleh", {})
    assert isinstance(oleh_raw, dict)
    english_words = english.get("words", {})
    assert isinstance(english_words, dict)
    marks = {
        "javanese": frozenset(str(w) for w in oleh_raw.get("javanese", [])),
        "sundanese": frozenset(str(w) for w in ulah_raw.get("sundanese", [])),
    }
    # regional.toml [marks]: the other languages' marks (Balinese, Minang, Betawi,
    # eastern Indonesian, ...), for their [company] words
    marks_raw = regional.get("marks", {})
    assert isinstance(marks_raw, dict)
    for lang, listed in marks_raw.items():
        assert isinstance(listed, list)
        marks[str(lang)] = marks.get(str(lang), frozenset()) | {str(w) for w in listed}
    company_raw = regional.get("company", {})
    assert isinstance(company_raw, dict)
    endings_raw = regional.get("mark_endings", {})
    assert isinstance(endings_raw, dict)
    company = tuple(
        (
            marks[str(lang)],
            tuple(str(e) for e in endings_raw.get(str(lang), [])),
            {str(w): _reading(r) for w, r in table.items()},
        )
        for lang, table in company_raw.items()
    )
    late_raw = terms.get("late", {})
    assert isinstance(late_raw, dict)
    for key, value in late_raw.items():
        vocab.add(str(key))
        vocab.update(str(value).split())
    return Lexicon(
        late={str(k).lower(): str(v).lower() for k, v in late_raw.items()},
        company=company,
        english=frozenset(str(k).lower() for k in english_words),
        not_marks=frozenset(str(w) for w in not_marks_raw.get("words", [])),
        javanese=marks["javanese"],
        oleh_around=(
            frozenset(str(w) for w in oleh_raw.get("askers", [])),
            frozenset(str(w) for w in oleh_raw.get("tags", [])),
            frozenset(str(w) for w in oleh_raw.get("agents", [])),
        ),
        sundanese=marks["sundanese"],
        leading={str(k).lower(): str(v).lower() for k, v in lead_raw.items()},
        inner={str(k).lower(): str(v).lower() for k, v in inner_raw.items()},
        asking_ka=frozenset(str(w) for w in ka_raw.get("after", [])),
        negations=frozenset(str(w) for w in neg_raw.get("words", [])),
        negation_hosts=frozenset(str(w) for w in neg_raw.get("hosts", [])),
        joined_negation=(
            tuple(str(w) for w in neg_raw.get("joined_prefixes", [])),
            frozenset(str(w) for w in neg_raw.get("joined_words", [])),
        ),
        offtopic=frozenset(str(w) for w in off_raw.get("words", [])),
        nearby=frozenset(str(w) for w in off_raw.get("nearby", [])),
        neutrality=frozenset(str(w) for w in off_raw.get("neutrality", [])),
        advice=tuple(
            frozenset(str(w) for w in off_raw.get(f"advice_{k}", []))
            for k in ("choice", "which", "words")
        ),
        advice_unless=frozenset(str(w) for w in off_raw.get("advice_unless", [])),
        roles=frozenset(str(w) for w in off_raw.get("roles", [])),
        role_ours=frozenset(str(w) for w in off_raw.get("role_ours", [])),
        candidate_info=(
            frozenset(str(w) for w in off_raw.get("candidate_info", [])),
            frozenset(str(w) for w in off_raw.get("candidate_info_ours", [])),
        ),
        synonyms=synonyms,
        words=words,
        phrases=tuple(sorted(phrases.items(), key=lambda kv: -len(kv[0]))),
        protected=protected,
        stopwords=stopwords,
        vocabulary=frozenset(vocab),
    )
