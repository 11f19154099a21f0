"""Which entry answers which frame (knowledge/frames.toml), the general rule
per activity, and where to ask back.

The matcher ranks entries by words; ``FrameMap.choose`` then uses the frame
as a strong signal: an entry that declares a different act or actor than the
question names loses to one that declares them, and a clear actor and
activity that no entry answers get that activity's general rule, never a
neighbour's verdict.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from knowledge.entries import Entry
from knowledge.frames import Frame, FrameReader

FRAMES_FILE = Path(__file__).with_name("frames.toml")
ANY = "*"
RULE_TOPIC = "umum"  # general rules: Entry.topic, and their ids start "umum-"
RULE_REVIEWED = dt.date(2026, 12, 5)  # when frames.toml gives no [settings] reviewed


@dataclass(frozen=True, slots=True)
class Declaration:
    activities: frozenset[str]
    actors: frozenset[str] = frozenset()  # empty: any "asn" actor, or none named
    not_actors: frozenset[str] = frozenset()
    contexts: frozenset[str] = frozenset()
    excepted: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Never:
    """Where an entry must never answer, whatever its words score: a question that
    names one of these activities, contexts or actors asks about something the
    entry's verdict does not cover ("dampingi suami" is allowed with CLTN, "share
    poster suami" during it is not), unless it also states one of `unless`."""

    activities: frozenset[str] = frozenset()
    contexts: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()  # contexts that lift the exclusion
    unless_actors: frozenset[str] = frozenset()  # and actors that do
    when: frozenset[str] = frozenset()  # contexts that, all stated together, exclude it
    # contexts the question must state, or the entry is excluded ("the regent may
    # campaign on leave" answers only a question whose subject is the regent)
    requires: frozenset[str] = frozenset()
    # acts that, named beside, lift the exclusion: "ngajak warga nyoblos" names voting
    # as what others are urged to do, not the actor's own vote
    unless_activities: frozenset[str] = frozenset()

    def covers(self, frame: Frame) -> bool:
        ids = frame.context_ids
        if self.requires and not self.requires <= ids:
            return True
        if (
            not self.unless.isdisjoint(ids)
            or (frame.actor is not None and frame.actor.id in self.unless_actors)
            or any(a.id in self.unless_activities for a in frame.activities)
        ):
            return False
        if self.when and self.when <= ids:
            return True
        return (
            any(a.id in self.activities for a in frame.activities)
            or not self.contexts.isdisjoint(ids)
            or (frame.actor is not None and frame.actor.id in self.actors)
        )


@dataclass(frozen=True, slots=True)
class Option:
    label: str  # a label key
    entry: str


@dataclass(frozen=True, slots=True)
class AskBack:
    id: str
    activities: frozenset[str]
    knows: frozenset[str]  # actors or contexts that settle it
    question: str  # a label key
    options: tuple[Option, ...]


def _set(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(v) for v in raw.get(key, []))


def _sets(raw: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A table of lists keyed by context ([settings] abstain_except and the like)."""
    return {str(c): frozenset(str(v) for v in values) for c, values in raw.get(key, {}).items()}


def rule_id(activity: str) -> str:
    return f"{RULE_TOPIC}-{activity.replace('_', '-')}"


def _fits(d: Declaration, frame: Frame) -> bool:
    act = frame.activity
    if act is None:
        return False
    actor = frame.actor
    if d.actors:
        if actor is None or actor.id not in d.actors:
            return False
    elif actor is not None and actor.group != "asn":
        return False
    if actor is not None and actor.id in d.not_actors:
        return False
    if not d.contexts <= frame.context_ids:
        return False
    if ANY in d.activities:
        return act.id not in d.excepted
    return act.id in d.activities


def _fits_actor(d: Declaration, frame: Frame) -> bool:
    """A declaration for any act of named actors, and a question that names one of
    them and no act."""
    actor = frame.actor
    return (
        frame.activity is None
        and actor is not None
        and actor.id in d.actors
        and ANY in d.activities
        and all(frame.has(c) for c in d.contexts)
    )


class FrameMap:
    def __init__(self, reader: FrameReader, path: Path | None = FRAMES_FILE) -> None:
        """``path`` None: no entry declares a frame (a knowledge base of other data)."""
        self.reader = reader
        raw: dict[str, Any] = {}
        if path is not None:
            with path.open("rb") as fh:
                raw = tomllib.load(fh)
        # [entry.X] declares one frame set; [[entry.X]] several, any of which fits.
        self.declared: dict[str, tuple[Declaration, ...]] = {
            str(eid): tuple(
                Declaration(
                    _set(t, "activities"),
                    _set(t, "actors"),
                    _set(t, "not_actors"),
                    _set(t, "contexts"),
                    _set(t, "except"),
                )
                for t in (tables if isinstance(tables, list) else [tables])
            )
            for eid, tables in raw.get("entry", {}).items()
        }
        # Contexts that make the frame step stand aside ("kena sanksi apa?" asks
        # about the penalty, not whether the act is allowed).
        self.abstain = _set(raw.get("settings", {}), "abstain_contexts")
        # Per abstaining context, the acts that are its own matter: a family tie
        # does not make the frame stand aside from accompanying a spouse who runs.
        settings = raw.get("settings", {})
        self.abstain_except = _sets(settings, "abstain_except")
        # ...and where the question says whose act it is (context groups, all stated),
        # except for the acts read as a relative's
        self.abstain_lifted: dict[str, tuple[frozenset[str], ...]] = {
            str(c): tuple(frozenset(str(x) for x in g) for g in groups)
            for c, groups in settings.get("abstain_lifted", {}).items()
        }
        self.abstain_lifted_except = _sets(settings, "abstain_lifted_except")
        self.abstain_lifted_unless = _sets(settings, "abstain_lifted_unless")
        # ...and the actors whose own office bans the act: "kakak saya polisi, mau
        # jadi timses" is the officer's act, whoever else the family tie names.
        self.abstain_except_actors = _sets(settings, "abstain_except_actors")
        # ...and the actors whose own status decides when they are the only one named
        # and the writer does not ask about themselves: "ayah saya purnawirawan TNI,
        # boleh jadi timses?" is the retiree's act; "…, saya PNS, boleh saya bantu?"
        # is not (a civil servant named, or the writer's own act).
        self.abstain_except_alone = _sets(settings, "abstain_except_alone")
        self.abstain_alone_unless = _sets(settings, "abstain_alone_unless")
        # What a question must state before the frame alone decides its answer
        # (the general rule, or an entry the words were unsure of).
        self.decides = _set(raw.get("settings", {}), "decide_contexts")
        # Contexts that say the question wants information ("kena sanksi apa?",
        # "kenapa dilarang?"), and how far below a yes/no entry an info entry may
        # rank and still answer it.
        self.info = _set(raw.get("settings", {}), "info_contexts")
        self.info_margin = float(raw.get("settings", {}).get("info_margin", 0.0))
        # Contexts that say the act read is someone else's (the writer only watches):
        # a yes declared for other acts then keeps its usual margin.
        self.yes_elsewhere_unless = _set(raw.get("settings", {}), "yes_elsewhere_unless")
        reviewed = raw.get("settings", {}).get("reviewed", RULE_REVIEWED)
        if not isinstance(reviewed, dt.date):
            reviewed = RULE_REVIEWED
        self.rules: dict[str, Entry] = {
            str(act): Entry(
                id=rule_id(str(act)),
                topic=RULE_TOPIC,
                question=str(t["question"]),
                alternates=(),
                answer=str(t["answer"]).strip(),
                verdict=str(t["verdict"]),
                sources=tuple(str(s) for s in t.get("sources", [])),
                related=(),
                reviewed=reviewed,
            )
            for act, t in raw.get("rule", {}).items()
        }
        # One table per entry, or several ([[never.x]]) when each needs its own "unless".
        self.never: dict[str, tuple[Never, ...]] = {
            str(eid): tuple(
                Never(
                    _set(t, "activities"),
                    _set(t, "contexts"),
                    _set(t, "actors"),
                    _set(t, "unless"),
                    _set(t, "unless_actors"),
                    _set(t, "when"),
                    _set(t, "requires"),
                    _set(t, "unless_activities"),
                )
                for t in (ts if isinstance(ts, list) else [ts])
            )
            for eid, ts in raw.get("never", {}).items()
        }
        # Actors the civil-service rules do not bind, stated outright ("saya sendiri
        # bukan ASN"), and the contexts that must be stated too for it to count.
        self.free: dict[str, frozenset[str]] = {
            str(aid): _set(t, "when") for aid, t in raw.get("free", {}).items()
        }
        self.asks = tuple(
            AskBack(
                str(aid),
                _set(t, "activities"),
                _set(t, "knows"),
                str(t["question"]),
                tuple(Option(str(o["label"]), str(o["entry"])) for o in t.get("options", [])),
            )
            for aid, t in raw.get("ask", {}).items()
        )

        # [twin.X]: the yes-with-conditions entry that answers "may I run / must I
        # resign?" where the info entry X answers only when (knowledge/verdicts.py).
        self.twins: dict[str, tuple[str | None, dict[str, str]]] = {
            str(eid): (
                None if t.get("entry") is None else str(t["entry"]),
                {str(a): str(e) for a, e in t.get("actors", {}).items()},
            )
            for eid, t in raw.get("twin", {}).items()
        }
        # [permit_twin.X]: the entry that answers "may I …?" where the info entry X
        # answers what to mind.
        self.permit_twins: dict[str, str] = {
            str(eid): str(t["entry"]) for eid, t in raw.get("permit_twin", {}).items()
        }

    def twin(self, entry_id: str, frame: Frame) -> str | None:
        """The yes-with-conditions twin of an info entry on running, for this frame's
        actor; None where there is none, or the question says without resigning."""
        if entry_id not in self.twins or frame.has("no_resign") or frame.has("still_serving"):
            return None
        default, by_actor = self.twins[entry_id]
        actor = frame.actor
        if by_actor:
            return by_actor.get(actor.id) if actor is not None else None
        return default

    def permit_twin(self, entry_id: str, frame: Frame) -> str | None:
        """The entry that answers whether one may, in place of the info entry, when it
        declares this frame and does not exclude it; else None."""
        target = self.permit_twins.get(entry_id)
        if target is None or not self.fits(target, frame) or self.excludes(target, frame):
            return None
        return target

    def fits(self, entry_id: str, frame: Frame) -> bool:
        """Whether the entry declares that it answers this frame."""
        return any(_fits(d, frame) for d in self.declared.get(entry_id, ()))

    def stands_aside(self, frame: Frame) -> bool:
        act = None if frame.activity is None else frame.activity.id
        actor = None if frame.actor is None else frame.actor.id
        return any(
            c.id in self.abstain
            and act not in self.abstain_except.get(c.id, ())
            and actor not in self.abstain_except_actors.get(c.id, ())
            and not self._alone(c.id, frame)
            and not self._lifted(c.id, act, frame)
            for c in frame.contexts
        )

    def _alone(self, context: str, frame: Frame) -> bool:
        """The actor's own status decides ([settings] abstain_except_alone): no
        civil servant named beside them, and not the writer's own act."""
        if frame.actor is None or frame.actor.id not in self.abstain_except_alone.get(context, ()):
            return False
        if any(frame.has(c) for c in self.abstain_alone_unless.get(context, ())):
            return False
        return not any(a.group == "asn" for a in frame.actors)

    def _lifted(self, context: str, act: str | None, frame: Frame) -> bool:
        """Whose act it is, the question says: "saya PNS … boleh saya pasang?" or
        "suami saya PNS, dia boleh …?" ([settings] abstain_lifted), unless the act
        read is one a relative does (running)."""
        if act in self.abstain_lifted_except.get(context, ()) or any(
            frame.has(c) for c in self.abstain_lifted_unless.get(context, ())
        ):
            return False
        return any(
            all(frame.has(c) for c in group) for group in self.abstain_lifted.get(context, ())
        )

    def answers_info(self, entry_id: str, frame: Frame) -> bool:
        """The entry declares this frame for a question that wants information
        (a declaration whose contexts include one of ``info_contexts``)."""
        # "kades itu kena pasal apa?" names the actor and no act the lexicon knows:
        # an entry declared for any act of that actor still answers it.
        return any(
            (_fits(d, frame) or _fits_actor(d, frame)) and bool(d.contexts & self.info)
            for d in self.declared.get(entry_id, ())
        )

    def asks_info(self, frame: Frame) -> bool:
        return any(c.id in self.info for c in frame.contexts)

    def decides_alone(self, frame: Frame) -> bool:
        """The question asks what ``decide_contexts`` say ("boleh …?"): the frame
        may then answer where the words were unsure."""
        return all(frame.has(c) for c in self.decides)

    def conflicts(self, entry_id: str, frame: Frame) -> bool:
        """The entry declares frames, and answers none of the activities named
        ("deklarasi … sambil acung jari" names two; an entry on either fits)."""
        if entry_id not in self.declared:
            return False
        return not any(
            self.fits(entry_id, replace(frame, activity=act)) for act in frame.activities
        )

    def other_acts(self, entry_id: str, frame: Frame) -> bool:
        """The entry declares frames, none for any activity named, whatever the actor
        or contexts (a context unread is no other act: "disuruh atur lalin" at a
        rally is still attending it)."""
        if entry_id not in self.declared:
            return False
        acts = {a.id for a in frame.activities}
        return not any(
            (ANY in d.activities and not acts <= d.excepted) or acts & d.activities
            for d in self.declared[entry_id]
        )

    def yes_elsewhere(self, entry_id: str, frame: Frame) -> bool:
        """A yes declared for other acts only, and the writer not merely watching
        ([settings] yes_elsewhere_unless): such a yes gives way from further below."""
        return self.other_acts(entry_id, frame) and not any(
            frame.has(c) for c in self.yes_elsewhere_unless
        )

    def specificity(self, entry_id: str, frame: Frame) -> int:
        """How many stated contexts the entry's fitting declaration asks for (-1: none
        fits): "tanpa mundur" is answered by the entry written for it before the
        general entry on running. A declaration for any act ("*": "outside working
        hours, whatever the act") is no more specific than the act's own entry."""
        fitting = [
            d
            for d in self.declared.get(entry_id, ())
            if _fits(d, frame) and ANY not in d.activities
        ]
        return max((len(d.contexts) for d in fitting), default=-1)

    def excludes(self, entry_id: str, frame: Frame, frees: bool | None = None) -> bool:
        """The entry declares that it never answers a question like this one, or
        it is written for civil servants' acts and the one asking is not one.
        ``frees``: frees(frame) when the caller found it already (a ranking asks
        this of each of its entries, all of one frame)."""
        if self._not_for(entry_id, frame, frees):
            return True
        return any(n.covers(frame) for n in self.never.get(entry_id, ()))

    def frees(self, frame: Frame) -> bool:
        """The one asking is an actor the civil-service rules do not bind ([free]),
        with the contexts that make it count stated."""
        actor = frame.actor
        if actor is None or actor.id not in self.free:
            return False
        return all(frame.has(c) for c in self.free[actor.id])

    def _not_for(self, entry_id: str, frame: Frame, frees: bool | None = None) -> bool:
        """A free actor, and an entry whose declarations are all about others: a
        civil servant's ban is not theirs."""
        if entry_id not in self.declared:
            return False
        if not (self.frees(frame) if frees is None else frees):
            return False
        actor = frame.actor
        return actor is not None and not any(actor.id in d.actors for d in self.declared[entry_id])

    def rule_for(self, frame: Frame) -> Entry | None:
        """The activity's general rule, for those the civil-service rules bind."""
        if frame.activity is None or frame.actor is None or frame.actor.group != "asn":
            return None
        if not self.decides_alone(frame):
            return None
        return self.rules.get(frame.activity.id)

    def ask_back(self, frame: Frame) -> AskBack | None:
        """The one question to ask when the answer depends on a fact left out."""
        if frame.activity is None:
            return None
        known = {c.id for c in frame.contexts}
        if frame.actor is not None:
            known.add(frame.actor.id)
        for ask in self.asks:
            if frame.activity.id in ask.activities and not ask.knows & known:
                return ask
        return None

    def check(self, entry_ids: set[str]) -> list[str]:
        """Defects of frames.toml: unknown entries and concepts, one line each."""
        out: list[str] = []
        kinds = self.reader.concepts

        def unknown(where: str, kind: str, names: frozenset[str]) -> None:
            known = set(kinds[kind])
            pool = known | ({ANY} if kind == "activity" else set())
            for name in sorted(names - pool):
                out.append(f"frames.toml ({where}): unknown {kind} {name!r}")

        for eid, decls in sorted(self.declared.items()):
            if eid not in entry_ids:
                out.append(f"frames.toml (entry.{eid}): no such entry")
            for d in decls:
                unknown(f"entry.{eid}", "activity", d.activities | d.excepted)
                unknown(f"entry.{eid}", "actor", d.actors | d.not_actors)
                unknown(f"entry.{eid}", "context", d.contexts)
        # A general rule may declare where it never answers, like an entry.
        rule_ids = {r.id for r in self.rules.values()}
        for eid, nevers in sorted(self.never.items()):
            if eid not in entry_ids and eid not in rule_ids:
                out.append(f"frames.toml (never.{eid}): no such entry")
            for never in nevers:
                unknown(f"never.{eid}", "activity", never.activities | never.unless_activities)
                unknown(
                    f"never.{eid}",
                    "context",
                    never.contexts | never.unless | never.when | never.requires,
                )
                unknown(f"never.{eid}", "actor", never.actors | never.unless_actors)
        unknown(
            "settings",
            "context",
            self.abstain | self.decides | self.info | self.yes_elsewhere_unless,
        )
        for ctx, acts in sorted(self.abstain_except.items()):
            unknown("settings.abstain_except", "context", frozenset({ctx}))
            unknown("settings.abstain_except", "activity", acts)
        for ctx, groups in sorted(self.abstain_lifted.items()):
            unknown("settings.abstain_lifted", "context", frozenset({ctx}).union(*groups))
        for ctx, ctxs in sorted(self.abstain_lifted_unless.items()):
            unknown("settings.abstain_lifted_unless", "context", frozenset({ctx}) | ctxs)
        for ctx, acts in sorted(self.abstain_lifted_except.items()):
            unknown("settings.abstain_lifted_except", "context", frozenset({ctx}))
            unknown("settings.abstain_lifted_except", "activity", acts)
        for ctx, actors in sorted(self.abstain_except_alone.items()):
            unknown("settings.abstain_except_alone", "context", frozenset({ctx}))
            unknown("settings.abstain_except_alone", "actor", actors)
        for ctx, ctxs in sorted(self.abstain_alone_unless.items()):
            unknown("settings.abstain_alone_unless", "context", frozenset({ctx}) | ctxs)
        for ctx, actors in sorted(self.abstain_except_actors.items()):
            unknown("settings.abstain_except_actors", "context", frozenset({ctx}))
            unknown("settings.abstain_except_actors", "actor", actors)
        for aid, when in sorted(self.free.items()):
            unknown(f"free.{aid}", "actor", frozenset({aid}))
            unknown(f"free.{aid}", "context", when)
        for act in sorted(self.rules):
            unknown(f"rule.{act}", "activity", frozenset({act}))
        for eid, (default, by_actor) in sorted(self.twins.items()):
            for target in ({default} - {None}) | set(by_actor.values()):
                if eid not in entry_ids or target not in entry_ids:
                    out.append(f"frames.toml (twin.{eid}): no such entry {target!r}")
            unknown(f"twin.{eid}", "actor", frozenset(by_actor))
        for eid, target in sorted(self.permit_twins.items()):
            if eid not in entry_ids or target not in entry_ids:
                out.append(f"frames.toml (permit_twin.{eid}): no such entry {target!r}")
        for ask in self.asks:
            unknown(f"ask.{ask.id}", "activity", ask.activities)
            both = set(kinds["actor"]) | set(kinds["context"])
            for name in sorted(ask.knows - both):
                out.append(f"frames.toml (ask.{ask.id}): unknown actor or context {name!r}")
            for o in ask.options:
                if o.entry not in entry_ids:
                    out.append(f"frames.toml (ask.{ask.id}): no such entry {o.entry!r}")
        return out
