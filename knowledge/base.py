"""KnowledgeBase: loads entries and regulations, answers questions."""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from knowledge import framepick
from knowledge import matcher as m
from knowledge.coverage import COVERAGE_FILE
from knowledge.entries import Entry, load_entries
from knowledge.framemap import ANY, FRAMES_FILE, RULE_TOPIC, FrameMap
from knowledge.frames import NO_FRAME, Frame, FrameReader
from knowledge.intent import (
    REPORT_CHANNELS,
    REPORT_TERMS,
    Intent,
    detect_intent,
    emoji_small_talk,
    names_no_subject,
    without_report_terms,
)
from knowledge.logreg import LogReg
from knowledge.normalize import Analysis, Normalizer
from knowledge.regulations import Regulation, load_regulations
from knowledge.scope import Scope
from knowledge.witness import (
    names_an_election_act,
    names_another_wrong,
    names_someone,
    names_wrongdoing,
)

DATA_DIR = Path(__file__).with_name("faq")
# An off-topic word (salary, recruitment, ...) in a question is only answered by an
# entry that mentions it in its question or answer, or in this many phrasings.
OFFTOPIC_MIN_PHRASINGS = 2
# ...unless the message is a story this long (normalised terms) naming a neutrality
# concept: tuned on the tuning batches of 2026-12-07 (16 lost a development item, 24
# gained less).
STORY_TERMS = 20
_WORD = re.compile(r"[^\W\d_]+")
log = logging.getLogger(__name__)


# The entry on who runs the bot and whether its answers are official: the answer beside
# the welcome when someone asks that of the service itself.
ABOUT_THE_BOT = "prinsip-tentang-bot"
# Asking whether one may report: the reporting entries (pelaporan.toml) answer it, and
# when the words pick none of them, the entries declared for this context do.
LEAVE_TOPIC = "pelaporan"
LEAVE_CONTEXT = "asks_to_report"


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    question: str
    answer: str
    verdict: str
    sources: tuple[str, ...]
    score: float

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "verdict": self.verdict,
            "sources": list(self.sources),
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    question: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "score": self.score}


@dataclass(frozen=True, slots=True)
class Answer:
    query: str
    normalized: str
    intent: str  # "faq" | "tip" | "subscribe" | "greeting" | "unknown"
    small_talk: str | None
    match: Match | None
    suggestions: tuple[Suggestion, ...]
    elapsed_ms: float
    # "witness": tells of a violation seen; "how": asks how to report. Either way
    # the chat offers an anonymous tip beside the answer.
    report: str | None = None
    frame: Frame = NO_FRAME  # who does what, in what context, as understood

    def to_json(self) -> dict[str, Any]:
        """The shape of `asnbot ask --json` (INTERFACES.md)."""
        out: dict[str, Any] = {
            "query": self.query,
            "intent": self.intent,
            "match": None if self.match is None else self.match.to_json(),
            "suggestions": [s.to_json() for s in self.suggestions],
        }
        if self.match is not None and not self.frame.empty:
            out["understood"] = self.frame.to_json()  # what was read: INTERFACES.md
        out["elapsed_ms"] = self.elapsed_ms
        return out


@dataclass(frozen=True, slots=True)
class Prepared:
    """The costly part of a build: every entry's normalized phrasings, its normalized
    question-and-answer text, and the trained softmax model (None when not trained).
    knowledge/cache.py stores it on disk so a start need not redo it."""

    phrasings: list[list[str]]
    texts: list[str]
    logreg: LogReg | None
    # The whole matcher, index included, when the cache could store it.
    matcher: m.Matcher | None = None
    # Every entry's normalized learned examples, and the matcher over phrasings
    # and examples together (None: no examples, or not stored).
    examples: list[list[str]] | None = None
    learned: m.Matcher | None = None
    # Reads the learned matcher from the cache on first need: most messages never
    # need it, and a one-shot `asnbot ask` stays small without it.
    learned_loader: Callable[[], m.Matcher] | None = None


@dataclass(frozen=True, slots=True)
class _Question:
    """What every ranking of one question shares: the matcher's text, the ranking's
    depth, the frame read, the words as typed and as analysed, and whether the
    subject is ours at all."""

    wanted: str
    depth: int
    frame: Frame
    query: str
    analysis: Analysis
    in_scope: bool


@dataclass
class KnowledgeBase:
    entries: tuple[Entry, ...]
    regulations: dict[str, Regulation]
    load_defects: list[str] = field(default_factory=list)
    normalizer: Normalizer = field(default_factory=Normalizer)
    # The coverage map the lint checks this base against; None: no such check.
    coverage_file: Path | None = None
    # From the on-disk cache (knowledge/cache.py); None: normalize and train here.
    prepared: Prepared | None = None
    # Which entries answer which frames (knowledge/frames.toml); None: none do.
    frames_file: Path | None = None

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entries}
        self._learned: m.Matcher | None = None
        self._learned_loader: Callable[[], m.Matcher] | None = None
        self._learned_lock = threading.Lock()
        if self.prepared is None:
            self.phrasings: list[list[str]] = [
                [self.normalizer.normalize(t) for t in (e.question, *e.alternates)]
                for e in self.entries
            ]
            examples = [[self.normalizer.normalize(t) for t in e.examples] for e in self.entries]
            texts = [self.normalizer.normalize(f"{e.question} {e.answer}") for e in self.entries]
            self.matcher = m.Matcher(self.phrasings, texts)
        else:
            self.phrasings, texts = self.prepared.phrasings, self.prepared.texts
            examples = self.prepared.examples or [[] for _ in self.entries]
            self.matcher = self.prepared.matcher or m.Matcher(
                self.phrasings, texts, logreg=self.prepared.logreg
            )
            self._learned = self.prepared.learned
            self._learned_loader = self.prepared.learned_loader
        self._examples, self._texts = examples, texts
        # Whether any entry has a learned example: fixed with the entries, so found once
        # rather than at each question the authored phrasings leave unsure.
        self._has_examples = any(examples)
        self.prepared = Prepared(
            self.phrasings, texts, self.matcher.logreg, self.matcher, examples, self._learned
        )
        self._covers = [
            _off_topic_covered(text, items, self.normalizer.lex.offtopic)
            for text, items in zip(texts, self.phrasings, strict=True)
        ]

    @property
    def learned(self) -> m.Matcher | None:
        """The matcher over phrasings and learned examples (knowledge/learned.py),
        read from the cache or built on first need; None when there are no examples.
        The authored phrasings answer; it is asked only when those find nothing
        sure, so a question the entries' own phrasings place stays where they do."""
        if self._learned is None and self._has_examples:
            with self._learned_lock:
                if self._learned is None:
                    self._learned = self._load_learned()
        return self._learned

    def _load_learned(self) -> m.Matcher:
        if self._learned_loader is not None:
            try:
                return self._learned_loader()
            except Exception as exc:  # replaced or damaged since the start: build it
                log.warning(
                    "learned matcher not read from the cache, building it",
                    extra={"reason": f"{type(exc).__name__}: {exc}"[:200]},
                )
        both = [p + x for p, x in zip(self.phrasings, self._examples, strict=True)]
        return m.Matcher(both, self._texts)

    def entry(self, entry_id: str) -> Entry | None:
        found = self._by_id.get(entry_id)
        if found is None and entry_id.startswith(RULE_TOPIC + "-"):
            found = next((r for r in self.framemap.rules.values() if r.id == entry_id), None)
        return found

    @cached_property
    def framemap(self) -> FrameMap:
        """Concepts and frames: read on first use (a few hundred ms)."""
        return FrameMap(FrameReader(self.normalizer), self.frames_file)

    @cached_property
    def scope(self) -> Scope:
        """The out-of-scope topics (knowledge/lexicon/scope.toml), read on first use."""
        return Scope(self.normalizer)

    def frame(self, text: str) -> Frame:
        return self.framemap.reader.read(text)

    def normalize(self, text: str) -> str:
        return self.normalizer.normalize(text)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the entries themselves use (questions, phrasings, answers), lowercase."""
        texts = (t for e in self.entries for t in (e.question, *e.alternates, e.answer))
        return frozenset(w for t in texts for w in _WORD.findall(t.casefold()))

    def ask(self, text: str, top: int = 3) -> Answer:
        start = time.perf_counter()
        query = text if isinstance(text, str) else ""
        try:
            return self._ask(query, max(0, top), start)
        except Exception:  # the one boundary: a chat must never see a traceback
            log.exception("knowledge lookup failed")
            return Answer(query, "", "unknown", None, None, (), _ms(start))

    def _ask(self, query: str, top: int, start: float) -> Answer:
        analysis = self.normalizer.analyze(query)
        normalized = analysis.text
        intent = detect_intent(analysis.words, asked="?" in query)
        if not analysis.words and (emoji := emoji_small_talk(query)) is not None:
            intent = Intent("greeting", emoji)  # "🙏", "👍": thanks without a word
        if intent.small_talk == "official" and (about := self.entry(ABOUT_THE_BOT)) is not None:
            # "apakah ini layanan resmi?", "who runs this?": a greeting (the welcome), and
            # the entry that says honestly who runs the bot and that it is no official body
            match = Match(about.id, about.question, about.answer, about.verdict, about.sources, 1.0)
            return Answer(query, normalized, intent.kind, "official", match, (), _ms(start))
        if intent.kind in ("subscribe", "greeting") or (
            intent.kind == "tip" and intent.report is None
        ):
            return Answer(query, normalized, intent.kind, intent.small_talk, None, (), _ms(start))
        # A witness's rule is found from what happened, not from the wish to report it.
        # A question keeps its words ("boleh jadi saksi?" is about being a witness).
        witness = intent.report == "witness" and intent.kind == "tip"
        told = intent.report  # (kept: a wish to report turned into a question below)
        frame = self.framemap.reader.read(query, analysis)
        if witness and self._reported_elsewhere(analysis.terms, analysis.words, frame):
            # "mau lapor, tunjangan saya belum cair, kemana ya?": a wish to report one's
            # own pay or papers to the office that handles them, not a violation told
            intent, witness = Intent("question"), False
        wanted = without_report_terms(analysis.terms) if witness else normalized
        depth = max(top, 2) + 1 if frame.activity is None else framepick.DEPTH
        if self.framemap.frees(frame):
            # Most entries are a civil servant's and leave the ranking below: rank
            # them all so the ones that are this person's remain.
            depth = len(self.entries)
        match: Match | None = None
        # A subject we know we do not cover vetoes even a sure neighbour's verdict.
        # Asking how to report, the subject is what would be reported: "lapor pak, e-KTP
        # saya hilang …" and "lapor kemana kalau tunjangan telat" are not ours, "cara lapor
        # pns yang kampanye" is ("lapor" alone is a rule word of scope.toml).
        subject = analysis.terms
        if intent.report == "how" and not set(analysis.words) & REPORT_CHANNELS:
            # (a channel for violations named, "lapor ke bkn lewat apa?", keeps it ours)
            subject = tuple(t for t in analysis.terms if t not in REPORT_TERMS) or subject
        in_scope = self._in_scope(analysis.terms) and (self.scope.vetoing(subject, frame) is None)
        if intent.writes:
            # "bikinin pidato kampanye buat caleg dong": writing someone's campaign is no
            # question of ours (an honest "I don't know", never a neighbour's verdict)
            in_scope = False
        if names_no_subject(analysis.terms):
            # "gimana?", "boleh?" alone: no entry is about nothing (the person is asked
            # for their question instead of being told a neighbour's answer)
            in_scope = False
        if told is not None and names_another_wrong(analysis.words):
            # "kades kami korupsi dana desa, lapor kemana?": reporting a wrong that is no
            # election matter is not ours, whoever did it
            in_scope = False
        asked = _Question(wanted, depth, frame, query, analysis, in_scope)
        picked, ranked = self._pick(self.matcher, asked)
        if picked is None and in_scope and self.learned is not None:
            # The authored phrasings found nothing sure: questions people really asked
            # (the learned examples) may know these words.
            # Only a ranking sure at T1 counts there: the paths below T1 were
            # calibrated on the authored phrasings, and with thousands of chatty
            # examples the softmax model's vote is surer than it was calibrated for
            # (it answered "guru pppk boleh terima endorse produk?").
            again, ranked_again = self._pick(self.learned, asked, sure_only=True)
            if again is not None:
                picked, ranked = again, ranked_again
        if intent.leave and in_scope and (picked is None or picked[0].topic != LEAVE_TOPIC):
            # "guru boleh lapor kepsek yang kampanye?", "mau lapor kadis yang kampanye, boleh
            # gak?": whether one may report, not whether the act reported is allowed (every
            # voter may report, ASN included: the entries frames.toml declares for it).
            picked = self._leave_to_report(wanted) or picked
        if picked is not None:
            picked = framepick.prefer_info(self, query, picked, frame, analysis.terms)
            picked = framepick.yes_twin(self, query, picked, frame)
            best, ranked = picked
            match = Match(
                best.id,
                best.question,
                best.answer,
                best.verdict,
                best.sources,
                round(ranked[0].score, 3),
            )
            ranked = [r for r in ranked if self.entries[r.index].id != best.id]
        suggestions = tuple(
            Suggestion(self.entries[r.index].id, self.entries[r.index].question, round(r.score, 3))
            for r in ranked
            # A salary question is not offered "did you mean" an entry about sanctions
            # either: suggestions obey the same off-topic rule as answers.
            if r.score >= m.SUGGEST_THRESHOLD and self._on_topic(analysis.terms, r)
        )[:top]
        kind = "faq" if match is not None or suggestions else "unknown"
        report = intent.report
        if intent.kind == "tip" and (witness or in_scope):
            # (asking how to report a breach of a subject we do not cover is no tip of ours)
            kind = "tip"
        elif not in_scope and report == "how":
            # "cara lapor SPT tahunan", "lapor LHKPN": reporting to another office about a
            # subject we do not cover, so no offer to report a violation comes with it
            report = None
        return Answer(query, normalized, kind, None, match, suggestions, _ms(start), report, frame)

    def _leave_to_report(self, wanted: str) -> tuple[Entry, list[m.Scored]] | None:
        """Of the entries declared for any act asked "may I report it?"
        (frames.toml, context asks_to_report), the one the words rank best."""
        ids = {
            eid
            for eid, declared in self.framemap.declared.items()
            if any(LEAVE_CONTEXT in d.contexts and ANY in d.activities for d in declared)
        }
        ranked = self.matcher.rank(wanted, len(self.entries)) if wanted else []
        for i, r in enumerate(ranked):
            if self.entries[r.index].id in ids:
                return self.entries[r.index], [r, *ranked[:i], *ranked[i + 1 :]]
        return None

    def _pick(
        self, matcher: m.Matcher, asked: _Question, sure_only: bool = False
    ) -> tuple[tuple[Entry, list[m.Scored]] | None, list[m.Scored]]:
        """The entry that answers (None: none is sure) and the ranking it came from;
        sure_only: nothing unless the ranking itself is sure (reaches T1), and then
        a ranking in which no entry can reach T1 is not finished (an empty one)."""
        frame, query, terms = asked.frame, asked.query, asked.analysis.terms
        floor = m.ANSWER_THRESHOLD if sure_only and asked.in_scope else None
        ranked = matcher.rank(asked.wanted, asked.depth, floor) if asked.wanted else []
        # An entry that declares it never answers this kind of question (frames.toml
        # [never]) leaves the ranking: its verdict is not this question's.
        fm = self.framemap
        frees = fm.frees(frame)  # (one frame: found once, not at each entry)
        ranked = [r for r in ranked if not fm.excludes(self.entries[r.index].id, frame, frees)]
        if not asked.in_scope:
            return None, ranked
        confident = (
            bool(ranked)
            and self._confident(ranked, len(terms))
            and self._on_topic(terms, ranked[0])
        )
        if sure_only and not (confident and ranked[0].score >= m.ANSWER_THRESHOLD):
            return None, ranked
        picked = framepick.pick(self, ranked, frame, confident, terms)
        if picked is None and confident:
            picked = self.entries[ranked[0].index], ranked
        if picked is None:
            # Words unsure, but the act and "what is its sanction?" are clear and
            # an info entry is written for exactly that.
            picked = framepick.declared_info(self, query, ranked, frame, terms)
        if picked is None and not confident:
            # Words unsure between entries that all forbid: the best of them answers;
            # the verdict is not what is unsure.
            picked = framepick.agreed(self, ranked, terms)
        return picked, ranked

    def _reported_elsewhere(
        self, terms: tuple[str, ...], words: tuple[str, ...], frame: Frame
    ) -> bool:
        """Without the words of reporting, the message is about a subject we do not
        cover (pay, leave, papers), names no election act and no one else: the writer's
        own matter."""
        if names_another_wrong(words):
            return True  # "mau lapor pak lurah minta pungli", "…, bukan soal pemilu"
        if names_an_election_act(words) or names_someone(words):
            return False
        told = tuple(t for t in terms if t not in REPORT_TERMS)
        if self.scope.vetoing(told, frame) is not None:
            return True
        # "mau lapor jalan rusak", "mau lapor ktp hilang dimana": no election act, no one,
        # no neutrality activity, no word of a breach ("pelanggaran", "kecurangan") and no
        # channel for them ("sy mo lapor ke kasn")
        return (
            frame.activity is None
            and not names_wrongdoing(words)
            and not set(words) & REPORT_CHANNELS
        )

    @staticmethod
    def _confident(ranked: list[m.Scored], terms: int = 0) -> bool:
        best = ranked[0].score
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if best < m.ANSWER_THRESHOLD:
            return (
                terms >= m.CLEAR_MIN_TERMS
                and best >= m.CLEAR_THRESHOLD
                and best - runner_up >= m.CLEAR_MARGIN
            ) or (
                terms >= m.LR_CLEAR_MIN_TERMS
                and best >= m.LR_CLEAR_THRESHOLD
                and best - runner_up >= m.LR_CLEAR_MARGIN
                and ranked[0].proba >= m.LR_CLEAR_PROBA
            )
        return best - runner_up >= m.MARGIN or best >= m.MARGIN_OVERRIDE

    def _on_topic(self, terms: tuple[str, ...], best: m.Scored) -> bool:
        """False when the query is about a subject we know we do not cover
        (salary, recruitment, ...) and the best entry does not mention it."""
        lex = self.normalizer.lex
        if len(terms) >= STORY_TERMS and lex.neutrality.intersection(terms):
            # A long message that names a neutrality concept tells a story, and a word
            # of pay, rank or tax in it is part of the story ("… gk dpt gaji jg dr tim",
            # "bendahara arisan"), not the subject asked.
            return True
        off = lex.offtopic
        return all(t in self._covers[best.index] for t in terms if t in off)

    def _in_scope(self, terms: tuple[str, ...]) -> bool:
        """False when the query is about a subject we do not cover (leave, pay, the
        voter list) and names no neutrality concept: "cuti melahirkan" gets "I don't
        know" even though an entry talks of leave to accompany a candidate. Nor do
        we answer whom to vote for, how election jobs work for anyone, or what the
        candidates' numbers and programmes are."""
        lex = self.normalizer.lex
        advice = lex.advice and all(group.intersection(terms) for group in lex.advice)
        if advice and not lex.advice_unless.intersection(terms):
            return False  # "siapa yang harus saya pilih": we never advise a vote
        for topic, ours in ((lex.roles, lex.role_ours), lex.candidate_info):
            if topic.intersection(terms) and not ours.intersection(terms):
                return False  # "syarat jadi kpps", "nomor urut paslon": not ours
        aside = lex.offtopic.intersection(terms) or lex.nearby.intersection(terms)
        return not aside or bool(lex.neutrality.intersection(terms))

    def check(self, strict: bool = False) -> list[str]:
        """Defects, one line each; strict also lists phrasings a neighbour fits better."""
        from knowledge.check import check

        return check(self, strict)


def _off_topic_covered(text: str, phrasings: list[str], offtopic: frozenset[str]) -> frozenset[str]:
    """Off-topic words an entry really talks about: in its question or answer, or
    in at least OFFTOPIC_MIN_PHRASINGS of its phrasings. One phrasing's aside
    ("cpns yang baru lulus tes") must not make "jadwal tes cpns" its question."""
    counts = Counter(w for p in set(phrasings) for w in set(p.split()) if w in offtopic)
    own = {w for w in text.split() if w in offtopic}
    return frozenset(own | {w for w, n in counts.items() if n >= OFFTOPIC_MIN_PHRASINGS})


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000.0, 3)


def build_knowledge_base(
    data_dir: Path,
    coverage_file: Path | None = None,
    prepared: Prepared | None = None,
    frames_file: Path | None = None,
    learned: bool = True,
) -> KnowledgeBase:
    """learned=False leaves out the learned examples (knowledge/learned.py), as
    ``asnbot knowledge learn`` needs to learn them afresh."""
    entries, defects = load_entries(data_dir)
    if not learned:
        entries = tuple(dataclasses.replace(e, examples=()) for e in entries)
    return knowledge_base_of(entries, defects, coverage_file, prepared, frames_file)


def knowledge_base_of(
    entries: Sequence[Entry],
    defects: list[str],
    coverage_file: Path | None,
    prepared: Prepared | None,
    frames_file: Path | None,
) -> KnowledgeBase:
    """The knowledge base over entries already loaded (from the FAQ files or a cache)."""
    return KnowledgeBase(
        entries=entries,
        regulations=load_regulations(),
        load_defects=defects,
        coverage_file=coverage_file,
        prepared=prepared,
        frames_file=frames_file,
    )


@cache
def _default(cache_dir: Path | None) -> KnowledgeBase:
    return _load(DATA_DIR, COVERAGE_FILE, cache_dir, FRAMES_FILE)


def _load(
    data_dir: Path, coverage_file: Path | None, cache_dir: Path | None, frames_file: Path | None
) -> KnowledgeBase:
    if cache_dir is None:
        return build_knowledge_base(data_dir, coverage_file, frames_file=frames_file)
    from knowledge.cache import load_or_build

    return load_or_build(data_dir, coverage_file, cache_dir, frames_file=frames_file)


def load_knowledge_base(
    data_dir: Path | None = None,
    coverage_file: Path | None = None,
    cache_dir: Path | str | None = None,
    frames_file: Path | None = None,
) -> KnowledgeBase:
    """The knowledge base; the packaged one is built once per process and shared.

    The packaged base is linted against knowledge/coverage.toml and answers
    frames by knowledge/frames.toml; another data folder only uses the
    coverage_file and frames_file given. With a cache_dir the costly part of
    the build is read from there when it is current (knowledge/cache.py).
    """
    cache_path = Path(cache_dir) if cache_dir else None
    if data_dir is None:
        return _default(cache_path)
    return _load(Path(data_dir), coverage_file, cache_path, frames_file)
