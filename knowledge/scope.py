"""Out-of-scope topics that veto a neutrality answer (knowledge/lexicon/scope.toml).

The matcher finds the nearest entry for any question, and a question about the
pay of polling officers, the voter list or annual leave shares many words with
ours ("KPPS", "TPS", "cuti", "pemilu"). A confident neighbour then answers with
its verdict: the worst kind of answer, sure and wrong. Each topic here names
the words of such a subject (its cues) and what would make the question ours
after all (a neutrality activity, a rule word, an actor who asks "boleh?").
A question that names a cue and none of its topic's keep signals gets an
honest "I don't know". The lists are data; this module only reads them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from knowledge.frames import Frame
from knowledge.lexicon import LEXICON_DIR
from knowledge.normalize import Normalizer

SCOPE_FILE = LEXICON_DIR / "scope.toml"
# The signals a topic's `keep` may name, alone or joined by "+" (scope.toml says
# what each means); the word classes of [classes] are signals too.
SIGNALS = frozenset({"activity", "actor", "asks"})
ASKS_PERMISSION = "asks_permission"  # the context concepts.toml gives "boleh …?"


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    cues: tuple[frozenset[str], ...]  # each: normalized terms that must all be named
    not_activities: frozenset[str]
    keep: tuple[frozenset[str], ...]  # each: signals that must all be shown

    def cued(self, terms: frozenset[str]) -> bool:
        return any(cue and cue <= terms for cue in self.cues)


@dataclass
class Scope:
    """The topics of scope.toml, their words normalized as questions are."""

    normalizer: Normalizer
    path: Path = SCOPE_FILE

    @cached_property
    def _raw(self) -> dict[str, object]:
        with self.path.open("rb") as fh:
            return tomllib.load(fh)

    def _terms(self, text: str) -> frozenset[str]:
        return frozenset(self.normalizer.analyze(text).terms)

    @cached_property
    def classes(self) -> dict[str, tuple[frozenset[str], ...]]:
        """Each class's words as cues: "kepala dinas" asks for both of its terms."""
        raw = self._raw.get("classes", {})
        assert isinstance(raw, dict)
        return {
            name: tuple(t for t in (self._terms(str(w)) for w in words) if t)
            for name, words in raw.items()
        }

    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        raw = self._raw.get("topic", [])
        assert isinstance(raw, list)
        return tuple(
            Topic(
                id=str(t["id"]),
                cues=tuple(self._terms(str(c)) for c in t.get("cues", [])),
                not_activities=frozenset(str(a) for a in t.get("not_activities", [])),
                keep=tuple(frozenset(str(k).split("+")) for k in t.get("keep", [])),
            )
            for t in raw
        )

    @cached_property
    def _cue_terms(self) -> tuple[tuple[Topic, frozenset[str]], ...]:
        """Each topic with every term of its cues."""
        return tuple((t, frozenset().union(*t.cues)) for t in self.topics)

    def vetoing(self, terms: tuple[str, ...], frame: Frame) -> str | None:
        """The id of the first topic the question is about and not kept ours by, or None."""
        named = frozenset(terms)
        classes: frozenset[str] | None = None  # the classes named, found once
        for topic, cue_terms in self._cue_terms:
            if named.isdisjoint(cue_terms):
                continue  # (no cue can be named: most topics, most questions)
            if topic.cued(named):
                if classes is None:
                    classes = self._classes_named(named)
                if not self._kept(topic, classes, frame):
                    return topic.id
        return None

    @cached_property
    def _class_terms(self) -> tuple[tuple[str, tuple[frozenset[str], ...], frozenset[str]], ...]:
        """Each class with its cues and every term of them."""
        return tuple((name, cues, frozenset().union(*cues)) for name, cues in self.classes.items())

    def _classes_named(self, terms: frozenset[str]) -> frozenset[str]:
        # (a class none of whose terms is named has no cue named: most classes)
        return frozenset(
            name
            for name, cues, every in self._class_terms
            if not terms.isdisjoint(every) and any(c <= terms for c in cues)
        )

    def _kept(self, topic: Topic, classes: frozenset[str], frame: Frame) -> bool:
        shown = set(classes)
        if any(a.id not in topic.not_activities for a in frame.activities):
            shown.add("activity")
        if frame.actor is not None or "officials" in shown:
            shown.add("actor")
        if frame.has(ASKS_PERMISSION):
            shown.add("asks")
        return any(signals <= shown for signals in topic.keep)

    def check(self) -> list[str]:
        """Defects of scope.toml: unknown keep signals, cues that normalize to nothing."""
        out: list[str] = []
        raw = self._raw.get("topic", [])
        assert isinstance(raw, list)
        for t in raw:
            where = f"scope.toml (topic {t.get('id')})"
            known = SIGNALS | set(self.classes)
            for k in {s for entry in t.get("keep", []) for s in str(entry).split("+")} - known:
                out.append(f"{where}: unknown keep signal {k!r}")
            for cue in t.get("cues", []):
                if not self._terms(str(cue)):
                    out.append(f"{where}: cue {cue!r} is only stopwords")
        return out
