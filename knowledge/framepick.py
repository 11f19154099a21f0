"""The frame as a strong signal beside the words' scores: one small step after
the matcher's ranking (``KnowledgeBase._ask``), kept apart from the matcher.

An entry that declares the question's actor and activity wins over a
neighbour that declares others; a clear actor and activity that no entry
answers get the activity's general rule, never a neighbour's verdict. An
undeclared entry the words are sure of stays (a question about sanctions
names an act too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge import matcher as m
from knowledge.entries import Entry
from knowledge.frames import Frame
from knowledge.verdicts import (
    YES,
    asks_permission,
    asks_severity,
    asks_what,
    asks_whether_to_run,
)

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

# How many of the words' best entries the frame may choose among.
DEPTH = 10
# How far below the words' sure pick an entry that fits the frame may be and
# still be chosen instead (tuned on the even half of the development set).
MARGIN = 0.15
# How close to the best entry the words' other candidates must be to count as
# agreeing on its verdict (tuned on the development set and its 2026-12-06
# batches: 0.05 to 0.15 answer the same questions, 0.2 lets a far one disagree).
AGREE_MARGIN = 0.1
# How far below a sure yes declared for other acts an entry that fits the act read,
# and does not say yes, may be and still answer instead (a wrong yes is the worst
# answer; 0.2 to 0.3 answer the same development questions).
YES_ELSEWHERE_MARGIN = 0.25
# An entry that forbids, the words unsure of it, answers when every entry near it
# forbids too, from this score and this many terms (a short "ini bisa buat apa?" is
# no such question). Tuned as AGREE_MARGIN: a 0.3 floor answered "could you
# recommend a good candidate?"; 0.35 and 0.4 answer the same questions. Info entries
# are not counted so: two info entries answer different questions (who decides, what
# a pensioner may do), so their agreeing says nothing about this one.
BAN_AGREE_FLOOR = 0.4
BAN_AGREE_MIN_TERMS = 6

Picked = tuple[Entry, list[m.Scored]]


def pick(
    kb: KnowledgeBase,
    ranked: list[m.Scored],
    frame: Frame,
    confident: bool,
    terms: tuple[str, ...],
) -> Picked | None:
    """The frame's choice and the ranking behind it, or None: the words decide."""
    fm = kb.framemap
    # A family tie makes the frame stand aside (whose act is it?), except where the
    # one asking said they are the one not bound: then their own entry answers.
    if frame.activity is None or not ranked or (fm.stands_aside(frame) and not fm.frees(frame)):
        return None
    top = kb.entries[ranked[0].index]
    # An entry written for a context the question states ("tanpa mundur", "karena
    # tugas") wins over the general entry on the same act when the words rank it
    # close enough.
    own = fm.specificity(top.id, frame)
    floor = max(ranked[0].score - MARGIN, m.SUGGEST_THRESHOLD)
    for i, r in enumerate(ranked[1:], start=1):
        entry = kb.entries[r.index]
        if (
            r.score >= floor
            and fm.specificity(entry.id, frame) > max(own, 0)
            and kb._on_topic(terms, r)
        ):
            return entry, _promote(ranked, i)
    if fm.fits(top.id, frame):
        if not confident and fm.frees(frame):
            # One the civil-service rules do not bind, and their own entry first: it
            # answers however low the words score, as the actor's entry below does.
            return top, ranked
        if not confident and fm.decides_alone(frame) and ranked[0].score < m.SUGGEST_THRESHOLD:
            # "boleh …?" with an actor and act read, and words too far from any
            # phrasing to trust even the entry that fits: the act's general rule
            # answers (said as the general rule), not "I don't know"; but not a yes
            # rule (running, attending): far words may be asking about its forbidden
            # case ("lobi partai tanpa CLTN"), and a guessed yes is the worst answer.
            rule = _rule(kb, frame, terms, ranked)
            return None if rule is None or rule[0].verdict in YES else rule
        # Words unsure, frame sure: answered only when the question asks "boleh …?".
        sure = confident or not fm.decides_alone(frame) or ranked[0].score < m.SUGGEST_THRESHOLD
        if not kb._on_topic(terms, ranked[0]):
            return None
        if sure and not confident and ranked[0].score >= m.SUGGEST_THRESHOLD:
            # No "boleh …?" ("itu gimana?", "cak mano?") and words unsure: the entry
            # that fits the act still answers when every entry the words rank near
            # it gives the same verdict (which of them is cited is all that is open),
            # a verdict that forbids: a yes is left to words that are sure.
            return (top, ranked) if top.verdict not in YES and _agreed(kb, ranked) else None
        return None if sure else (top, ranked)
    if confident and not fm.conflicts(top.id, frame) and not fm.frees(frame):
        # (one the civil-service rules do not bind is not answered by a neighbour
        # written for a civil servant's act, however sure the words: their own entry)
        return None
    if not confident and not fm.decides_alone(frame):
        return None
    # Words sure of a neighbour: only a close runner-up that fits may take over.
    floor = ranked[0].score - MARGIN if confident else m.SUGGEST_THRESHOLD
    # A yes written for another act is the worst neighbour to keep: the entry that
    # fits the act read and does not say yes takes over from within MARGIN, even
    # below the suggestion floor ("HR here: may our PPPK nurse join a party?" is not
    # the KPPS entry's, whose words on party membership ranked it first).
    yes_elsewhere = confident and top.verdict in YES
    # ...and from further below when that yes is declared for other acts only
    # ("PPPK jadi anggota tim kampanye caleg?" is no question about running), unless
    # the writer says they only watch (the act read is then someone else's).
    no_floor = floor
    if yes_elsewhere and fm.yes_elsewhere(top.id, frame):
        no_floor = ranked[0].score - YES_ELSEWHERE_MARGIN
    for i, r in enumerate(ranked):
        entry = kb.entries[r.index]
        near = r.score >= max(floor, m.SUGGEST_THRESHOLD) or (
            yes_elsewhere and r.score >= no_floor and entry.verdict not in YES
        )
        if near and fm.fits(entry.id, frame) and kb._on_topic(terms, r):
            return entry, _promote(ranked, i)
    if frame.actor is not None and frame.actor.group != "asn":
        # Outside the civil service the actor decides: that actor's own entry.
        own = next(
            (e for e in kb.entries if fm.fits(e.id, frame) and not fm.excludes(e.id, frame)),
            None,
        )
        if own is not None:
            return own, ranked
    # The general rule stands in for "I don't know", never for a sure answer.
    return None if confident else _rule(kb, frame, terms, ranked)


def _rule(
    kb: KnowledgeBase, frame: Frame, terms: tuple[str, ...], ranked: list[m.Scored]
) -> Picked | None:
    """The activity's general rule for this frame, or None (no rule, or one that
    never answers it, or an off-topic word it does not speak of)."""
    fm = kb.framemap
    rule = fm.rule_for(frame)
    if rule is None or fm.excludes(rule.id, frame) or not _rule_on_topic(kb, rule, terms):
        return None
    return rule, ranked


def _rule_on_topic(kb: KnowledgeBase, rule: Entry, terms: tuple[str, ...]) -> bool:
    """An off-topic word ("tps") only where the rule itself speaks of it."""
    off = kb.normalizer.lex.offtopic
    own = set(kb.normalize(f"{rule.question} {rule.answer}").split())
    return all(t in own for t in terms if t in off)


def prefer_info(
    kb: KnowledgeBase,
    query: str,
    picked: Picked,
    frame: Frame,
    terms: tuple[str, ...],
) -> Picked:
    """A question that wants information about an act ("kena sanksi apa?",
    "kenapa dilarang?", "what happens if …") is answered by an info entry the
    words rank close to the yes/no entry chosen: the sanction or process entry
    says what was asked, and its verdict does not answer a question nobody asked.
    A question that also asks "boleh …?" keeps its yes/no answer; no info entry
    close enough: the chosen entry stays (its answer still names the breach)."""
    best, ranked = picked
    fm = kb.framemap
    if not fm.asks_info(frame) or asks_permission(query):
        return picked
    # An info entry declared for this act and this kind of question (frames.toml:
    # "the sanction for posting", "the sanction for a village head") answers it,
    # however its words rank: the sanction of one act is not another's.
    own = declared_info(kb, query, ranked, frame, terms)
    if (
        own is not None
        and own[0].id != best.id
        and not (best.verdict == "info" and fm.answers_info(best.id, frame))
    ):
        return own
    if best.verdict == "info":
        return picked
    floor = max(ranked[0].score - fm.info_margin, m.SUGGEST_THRESHOLD)
    for i, r in enumerate(ranked):
        entry = kb.entries[r.index]
        if (
            r.score >= floor
            and entry.verdict == "info"
            and entry.id != best.id
            # an info entry written for other acts ("when to resign") is no answer
            and not fm.conflicts(entry.id, frame)
            and kb._on_topic(terms, r)
        ):
            return entry, _promote(ranked, i)
    return picked


def yes_twin(kb: KnowledgeBase, query: str, picked: Picked, frame: Frame) -> Picked:
    """An info entry on running ("when to resign") gives way to its yes-with-conditions
    twin (frames.toml [twin]) when the question asks whether one may run or must
    resign: running is allowed on condition of resigning, and the twin says when
    too. A question saying without resigning never. An info entry on what to mind
    ([permit_twin]) gives way the same way to the entry that says whether one may,
    when the question asks "boleh …?" and names that entry's act."""
    best, ranked = picked
    twin_id = kb.framemap.twin(best.id, frame)
    if twin_id is None or not asks_whether_to_run(query):
        # "boleh nyoblos pas hari H?" asks whether, not what to mind that day
        twin_id = kb.framemap.permit_twin(best.id, frame) if asks_permission(query) else None
    if twin_id is None:
        return picked
    twin = kb.entry(twin_id)
    return picked if twin is None else (twin, ranked)


def declared_info(
    kb: KnowledgeBase,
    query: str,
    ranked: list[m.Scored],
    frame: Frame,
    terms: tuple[str, ...],
) -> Picked | None:
    """The info entry that declares the question's frame (an act and "what is the
    sanction?"), the words' best first; None for a "boleh …?" question or one
    that asks only whether ("kena sanksi gak?": the entry that says no answers).
    Asking whether it goes as far as dismissal or prison ("bisa dipecat gk?") is
    asking how heavy the sanction is: the sanction entry says."""
    fm = kb.framemap
    if not fm.asks_info(frame) or asks_permission(query):
        return None
    if not (asks_what(query) or asks_severity(query)):
        return None
    for i, r in enumerate(ranked):
        entry = kb.entries[r.index]
        if entry.verdict == "info" and fm.answers_info(entry.id, frame) and kb._on_topic(terms, r):
            return entry, _promote(ranked, i)
    off = kb.normalizer.lex.offtopic
    if not ranked or any(t in off for t in terms):
        return None  # nothing the words found, or an off-topic word they did not clear
    for entry in kb.entries:
        if entry.verdict == "info" and fm.answers_info(entry.id, frame):
            return entry, ranked
    return None


def _promote(ranked: list[m.Scored], i: int) -> list[m.Scored]:
    """The ranking with its ``i``-th candidate first, the others in their order."""
    return [ranked[i], *ranked[:i], *ranked[i + 1 :]]


def _agreed(kb: KnowledgeBase, ranked: list[m.Scored]) -> bool:
    """At least two entries within AGREE_MARGIN of the best, all of one verdict."""
    floor = ranked[0].score - AGREE_MARGIN
    near = {kb.entries[r.index].verdict for r in ranked if r.score >= floor}
    return sum(r.score >= floor for r in ranked) >= 2 and len(near) == 1


def agreed(kb: KnowledgeBase, ranked: list[m.Scored], terms: tuple[str, ...]) -> Picked | None:
    """The words' best entry when it and every entry near it say dilarang: which of
    them is cited is all that is open. Never a yes: a guessed yes may be a forbidden
    act's."""
    if (
        not ranked
        or len(terms) < BAN_AGREE_MIN_TERMS
        or ranked[0].score < BAN_AGREE_FLOOR
        or kb.entries[ranked[0].index].verdict != "dilarang"
        or not kb._on_topic(terms, ranked[0])
    ):
        return None
    return (kb.entries[ranked[0].index], ranked) if _agreed(kb, ranked) else None
