"""Who a clause speaks of, what it says they are, whom a "may"-word asks about, and
acts said not done: the reading the frames build on (knowledge/frames.py).

The words are data (knowledge/lexicon/concepts.toml [reading], each class explained
there). A question's words arrive as frames.py reads them: each person said one way
("aku", "gue" are "saya"; "doi" is "dia"; "suamiku" is "suami saya").

One loop reads a person and what follows them: "istri saya seorang guru PNS" (a
relative, a civil servant), "saya sendiri bukan" (the writer, not one), "kakak saya
wiraswasta" (outside the service), "saya PNS boleh …" and "boleh ga suami saya …"
(whom the question asks about). A negation after a "may"-word or "atau" asks ("boleh
tidak X", "angsal mboten X": X or not X); elsewhere it says an act not done, and
every act joined to that one ("ga komen atau share").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.lexicon import word_classes

_READING = word_classes("concepts.toml", "reading")
_KIN = _READING["kin"]
_ASN_STATUS = _READING["asn_status"]
_NOT_ASN_SELF = _READING["not_asn_self"]
_NOT_ASN_RELATIVE = _READING["not_asn_relative"]
_RELATIVE_SERVICE = _READING["relative_service"]
_FORMER = _READING["former_status"]
_INTENDS = _READING["relative_intends"]
_FILLERS = _READING["person_fillers"]
_INSTEAD = _READING["status_instead"]
_PERMISSION = _READING["permission"]
_NEGATIONS = _READING["negations"]
_NEGATION_FILLERS = _READING["negation_fillers"]
_EITHER_OR = _READING["negation_asks"] | _PERMISSION
_LIST_JOINERS = _READING["act_joiners"]
_THEY = frozenset({"dia", "beliau"})
_MINE = frozenset({"saya"})
# the words of a status said ("bukan PNS", "guru PPPK"), passed before a "may"-word
_STATUS_WORDS = _ASN_STATUS | _NOT_ASN_SELF | _NOT_ASN_RELATIVE | _RELATIVE_SERVICE
# (joined once here: said_of passes them for every person of every question)
_FILLERS_MINE = _FILLERS | _MINE
_FILLERS_STATUS = _FILLERS | _STATUS_WORDS
# "bukan PNS tapi pegawai PPPK", "not a PNS but a PPPK"
_FILLERS_INSTEAD = _FILLERS | {"pegawai", "a", "an", "guru", "adalah", "is", "cuma"}
# How many words after a person (past fillers) the status they are said to have may
# come: "istri saya kerja di dinas sebagai PNS" is too far, "istri saya guru PNS" not.
STATUS_REACH = 4
# How many words after a relative's status the writer may set themself apart: "suami
# saya PNS, saya bukan" and "suami saya PNS di dinas kesehatan, saya pedagang".
APART_REACH = 6

ASN, APART, SERVICE = "asn", "apart", "service"


def kin(word: str) -> bool:
    """A word for a relative ("suami", "anaknya")."""
    return word.removesuffix("nya") in _KIN


def person(words: Sequence[str], i: int) -> str:
    """Who the word at ``i`` is: "self" (a "saya" not after a kin word: "suami saya"
    is the husband), "kin", "other" ("dia", "beliau") or "" (no person)."""
    word = words[i]
    if kin(word):
        return "kin"
    if word in _THEY:
        return "other"
    if word == "saya" and not (i > 0 and kin(words[i - 1])):
        return "self"
    return ""


def skip(words: Sequence[str], i: int, fillers: frozenset[str] = _FILLERS) -> int:
    """The first position from ``i`` on that is not one of ``fillers``."""
    while i < len(words) and words[i] in fillers:
        i += 1
    return i


def either_or(words: Sequence[str], j: int) -> bool:
    """The negation at ``j`` asks "X or not X": it comes after a "may"-word or "atau"
    ("boleh tidak ikut?", "boleh ato nyanda iko?", "angsal mboten tumut?")."""
    return j > 0 and words[j - 1] in _EITHER_OR


@dataclass(frozen=True, slots=True)
class Said:
    """What the words after a person say of them: ``status`` ASN (a status of the
    service: "PNS", "guru PNS", "kades"), APART (outside it: "bukan", "wiraswasta",
    "kuliah"), SERVICE (a post in or near it, no status said: "guru", "bidan") or "";
    ``at`` where that is said (or the person's own position); ``asks``: a "may"-word
    follows, the question asks what this person may do."""

    who: int
    kind: str
    status: str = ""
    at: int = -1
    asks: bool = False
    # a relative's own "saya" or "-nya" said: "anak saya PNS" is a PNS, "anak PNS" is
    # a PNS's child
    owned: bool = True


def said_of(words: Sequence[str], i: int) -> Said:
    """What the clause says of the person at ``i`` (see Said). The look ends at a
    negation's "not" ("istri saya bukan PNS" is not a PNS), at another person, or
    STATUS_REACH words past the fillers."""
    who = person(words, i)
    # "kakak saya", "kakak kandung saya": the relative's own "saya" is passed too
    k = skip(words, i + 1, _FILLERS_MINE if who == "kin" else _FILLERS)
    status, at = "", i
    size = len(words)
    for j in range(k, min(k + STATUS_REACH, size)):
        word = words[j]
        if person(words, j) or word in _PERMISSION or word in _FORMER:
            break
        if (word in _NEGATIONS or word in _NOT_ASN_SELF) and (
            (instead := _status_instead(words, j)) is not None
        ):
            status, at = ASN, instead  # "istri saya bukan PNS tapi PPPK": a PPPK
            break
        if word in _NEGATIONS and word not in _NOT_ASN_SELF:
            if _denies_status(words, j):
                status, at = APART, j  # "bini aye kaga PNS", "anak kulo ora PNS"
            break  # "anak saya tidak ikut": no status of the service, nor one said apart
        if word in _ASN_STATUS:
            status, at = ASN, j
            break
        if word in _RELATIVE_SERVICE:
            status, at = SERVICE, j  # "guru PNS" is a PNS: look on
        elif status != SERVICE and (word in _NOT_ASN_SELF or word in _NOT_ASN_RELATIVE):
            status, at = APART, j
            break
    # "saya PNS boleh …", "kakak saya boleh …": past the status said, a "may"-word
    # Past a status of the service only: one said to be outside it and a "may"-word
    # after ("istri saya bukan PNS, boleh ikut?") may still ask about the writer, and
    # the relative's freedom is the yes a civil servant must never be told. ("…, lakoe
    # lon PNS. jeut lon …": the "may"-word asks about the one after it.)
    m = skip(words, at + 1, _FILLERS_STATUS) if status in (ASN, SERVICE) else k
    asks = m < size and words[m] in _PERMISSION and asked_after(words, m) is None
    if not asks and who == "kin" and status == APART:
        asks = _intends(words, skip(words, at + 1, _FILLERS_STATUS))
    owned = who != "kin" or "saya" in words[i + 1 : k] or words[i].endswith("nya")
    return Said(i, who, status, at, asks, owned)


def _status_instead(words: Sequence[str], j: int) -> int | None:
    """Where the status named in place of the one the negation at ``j`` denies is:
    "bukan PNS tapi PPPK", "tidak PNS melainkan CPNS", "not a PNS but a PPPK" deny one
    status of the service only to name another (None where none is named)."""
    k = skip(words, j + 1)
    if k >= len(words) or words[k] not in _ASN_STATUS:
        return None
    but = k + 1
    # "…, dia PPPK", "he is a PPPK": the same person said to be the other
    if but >= len(words) or not (words[but] in _INSTEAD or words[but] in _THEY):
        return None
    n = skip(words, but + 1, _FILLERS_INSTEAD)
    return n if n < len(words) and words[n] in _ASN_STATUS and words[n] != words[k] else None


def _intends(words: Sequence[str], j: int) -> bool:
    """A relative said outside the service "wants" the act at ``j`` ("suami saya
    pengusaha mau pasang baliho, boleh?"), and a "may"-word later asks about it, no
    other person named between (", boleh saya ikut?" is the writer's own act)."""
    if j >= len(words) or words[j] not in _INTENDS:
        return False
    for p in range(j + 1, len(words)):
        if person(words, p):
            return False
        if words[p] in _PERMISSION:
            return asked_after(words, p) is None
    return False


def _denies_status(words: Sequence[str], j: int) -> bool:
    """The negation at ``j`` denies a status of the service right after it, as "bukan"
    does: "istri saya enggak PNS", Betawi "kaga PNS", Javanese "ora PNS", Manado "nda
    PNS" (each read "enggak"/"tidak"). Not where another status follows within reach
    ("tidak PNS tapi PPPK": a civil servant still)."""
    k = j + 1
    if k >= len(words) or words[k] not in _ASN_STATUS:
        return False
    rest = words[k + 1 : k + 1 + STATUS_REACH]
    return not any(w in _ASN_STATUS for w in rest)


def asked_after(words: Sequence[str], p: int, either: bool = True) -> int | None:
    """The person a "may"-word at ``p`` asks about when they come after it ("boleh
    dia …", "bolehkah istri saya …", "boleh ga suami saya …"): their position, or
    None. "X or not X" is passed ("boleh tidak"), so is a filler."""
    j = p + 1
    if either and j < len(words) and words[j] in _NEGATIONS:
        j += 1
    j = skip(words, j)
    return j if j < len(words) and person(words, j) else None


def writer_apart(words: Sequence[str], bound: Callable[[int], bool]) -> int | None:
    """Where the writer sets themself apart from a relative just named as the civil
    servant ("istri saya ASN, sedangkan saya bukan", "kakak saya PNS, saya
    wiraswasta"): the position of that "saya", or None. ``bound(j)``: an office with
    its own ban is named after position ``j`` ("saya bukan ASN tapi anggota Polri"):
    then the writer is not apart."""
    for i in range(len(words)):
        if person(words, i) != "kin":
            continue
        relative = said_of(words, i)
        if relative.status != ASN:
            continue
        # the writer may come after where the relative works ("pun bojo PNS di dinas
        # kasehatan, ari abdi mah padagang"), never past another relative or a
        # "may"-word (the question is asked by then)
        for j in range(relative.at + 1, min(relative.at + 1 + APART_REACH, len(words))):
            if person(words, j) == "kin" or words[j] in _PERMISSION:
                break
            if person(words, j) != "self":
                continue
            if said_of(words, j).status == APART and not bound(j):
                return j
            break
        # ...or just before the relative is named ("saya pedagang, suami saya PNS",
        # "I work for a private company and my wife is a PPPK teacher"): the last
        # "saya" before the kin word, no other person or "may"-word between
        for j in range(i - 1, max(i - 1 - APART_REACH, -1), -1):
            if person(words, j) == "kin" or words[j] in _PERMISSION:
                break
            if person(words, j) != "self":
                continue
            said = said_of(words, j)
            if said.status == APART and said.at < i and not bound(j):
                return j
            break
    return None


def relative_asked(words: Sequence[str]) -> int | None:
    """Where the question asks what a relative may do ("apakah kakak saya diperbolehkan
    …", "anaknya boleh ga …", "boleh dia …"): the relative's position, or None."""
    for i in range(len(words)):
        # (said_of's kind is the person at i: no other word need be read further)
        if person(words, i) not in ("kin", "other"):
            continue
        said = said_of(words, i)
        if said.asks and (said.owned or not said.status):
            return i
    return None


def relative_asked_after(words: Sequence[str]) -> int | None:
    """Where the question asks what a relative may do, the "may"-word first ("boleh
    dia …", "bolehkah istri saya …", "can my mum …"): the relative's position, or None."""
    for i in range(len(words)):
        if words[i] in _PERMISSION:
            # not past "X or not X": "boleh kagak? Bini aye kagak ikut." is two sentences
            j = asked_after(words, i, either=False)
            if j is not None and person(words, j) != "self":
                return j
    return None


def relative_apart(words: Sequence[str]) -> int | None:
    """Where a relative is described as outside the civil service ("kakak saya
    wiraswasta", "anak saya umur 21 kuliah", "istri saya bukan pegawai"): the kin
    word's position, or None."""
    for i in range(len(words)):
        if person(words, i) == "kin" and said_of(words, i).status == APART:
            return i
    return None


def self_asn_asks(words: Sequence[str]) -> int | None:
    """Where the writer says they are a civil servant and, in the same breath, asks
    what they may do ("…, saya PNS boleh bantu kampanye?", "aku guru pppk boleh ga
    …"), no one else named after the "may"-word: the "saya", or None."""
    for i in range(len(words)):
        if person(words, i) != "self":
            continue
        said = said_of(words, i)
        if said.status == ASN and said.asks:
            return i
    return None


def relative_status(words: Sequence[str], at: int) -> Said | None:
    """What the words say the relative asked about at ``at`` is: in the asking clause
    ("kakak saya PNS boleh …") or where the same relative was named before ("istri
    saya PNS, saya bukan. Istri saya boleh …?"); "dia" is the relative named last."""
    word = words[at]
    if word in _THEY:
        earlier = [i for i in range(at) if person(words, i) == "kin"]
        if not earlier:
            return None
        word = words[earlier[-1]]
    for i in range(at, -1, -1):
        if words[i] == word and person(words, i) == "kin":
            said = said_of(words, i)
            if said.status in (ASN, APART) and said.owned:
                return said
    return None


def negated(words: Sequence[str], i: int) -> bool:
    """Whether the phrase at ``i`` comes right after a negation that does not ask ("ga
    posting", "tidak pernah posting"; not "boleh tidak posting?"), past at most two
    fillers."""
    j = i - 1
    # at most two fillers: "without wearing any attributes", "tidak pernah ikut"
    while j >= 0 and i - j <= 2 and words[j] in _NEGATION_FILLERS:
        j -= 1
    return j >= 0 and words[j] in _NEGATIONS and not either_or(words, j)


def negated_acts(words: Sequence[str], spans: Sequence[tuple[int, int]]) -> set[int]:
    """The starts of the act phrases (``spans``: start, length) said not done: after a
    negation, or joined ("atau", "dan", "or", or a comma: nothing between them) to one
    said not done ("ga komen atau share", "I don't comment or share", "ga like, komen")."""
    ends: dict[int, list[int]] = {}
    for start, n in spans:
        ends.setdefault(start + n, []).append(start)
    out: set[int] = set()
    for start, _n in sorted(spans):
        if (
            negated(words, start)
            or any(s in out for s in ends.get(start, ()))
            or (
                start > 1
                and words[start - 1] in _LIST_JOINERS
                and any(s in out for s in ends.get(start - 1, ()))
            )
        ):
            out.add(start)
    return out
