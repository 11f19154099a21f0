"""Does a verdict answer the question asked? Two lint rules and one warning.

A reader who asks "boleh …?" reads the first words of the answer as the
verdict, whatever the badge says: "Ya." under an info badge to "may honorer
campaign?" reads as permission. So:

- an answer opens with the words of its verdict: "Tidak boleh" (dilarang),
  "Boleh" (boleh), "Boleh …, dengan syarat" (boleh_bersyarat); an info answer
  never opens with a permission word;
- a phrasing that asks for permission ("boleh/bolehkah/may/can/is it
  allowed") sits under an entry whose verdict says yes or no;
- an entry not reviewed for REVIEW_MONTHS months is flagged as a warning
  (the law moves; an old answer is not wrong by age alone).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from knowledge.entries import Entry
from knowledge.lexicon import alternation, word_classes

YES_NO = frozenset({"dilarang", "boleh", "boleh_bersyarat"})
# The verdicts that say yes: a yes guessed from far or unsure words could be a
# forbidden act's, and a forbidden act answered so is the worst answer measured.
YES = frozenset({"boleh", "boleh_bersyarat"})
REVIEW_MONTHS = 12

# The words are intents.toml [verdicts]; the code only puts the classes together.
_WORDS = word_classes("intents.toml", "verdicts")
_R = {name: alternation(words) for name, words in _WORDS.items()}

_PERMISSION = re.compile(rf"\b({alternation(_WORDS['permission'] | _WORDS['english_may'])})\b")
_ENGLISH_MODAL = _WORDS["english_may"]
# A question word anywhere makes it a what/who/when/why/how question, even when a
# permission word is in it: "siapa yang boleh melapor", "kok menteri boleh kampanye".
_QUESTION_WORD = re.compile(rf"\b{_R['question_words']}\b|\b{_R['question_before_word']}\s+[a-z]")
# "can you list", "can i report": a request or a capability, not a permission;
# "can a pns be fired": a possibility.
_MODAL_NOT_PERMISSION = re.compile(
    rf"\b{_R['english_may']}\s+{_R['english_asker']}\b"
    rf"|\b{_R['english_may']}\b(?:\s+\S+){{0,4}}?\s+{_R['english_possible']}\b"
)
_SENTENCE_END = re.compile(r"[.!?:;](?:\s|$)")


def asks_permission(phrasing: str) -> bool:
    """True when the phrasing asks whether something is allowed."""
    text = " ".join(phrasing.lower().split())
    words = [m.group(1) for m in _PERMISSION.finditer(text)]
    if not words or _QUESTION_WORD.search(text):
        return False
    if all(w in _ENGLISH_MODAL for w in words):
        return not _MODAL_NOT_PERMISSION.search(text)
    return True


# What the sanction is, not whether there is one: "kena sanksi apa?", "berapa
# dendanya?", "what's the penalty?" ("kena sanksi gak?" asks yes or no, and so
# does "apa …" opening a clause: "apa istri saya ikut kena?").
_ASKS_WHAT = re.compile(rf"\b{_R['asks_what']}\b")
_CLAUSE_OPENING_APA = re.compile(rf"(^|[.,;:?!]\s*){_R['clause_apa']}\s+(?!{_R['apa_what']}\w*)")


def asks_what(phrasing: str) -> bool:
    """True when the phrasing asks what something is (a sanction, a rule), not
    only whether it applies."""
    text = " ".join(phrasing.lower().replace("'", "").split())
    return bool(_ASKS_WHAT.search(_CLAUSE_OPENING_APA.sub(r"\1", text)))


# How heavy the sanction is: dismissal, prison, a criminal charge ("bisa dipecat gk?",
# "bisa dipenjara?", "can he be jailed?"). The answer is the act's sanction, which
# says how far it goes; a bare "kena sanksi gak?" stays a whether question.
_ASKS_SEVERITY = re.compile(
    rf"\b{_R['severity_before']}\s+(?:di)?{_R['severity_roots']}\b"
    rf"|\b{_R['severity_done']}\s*(?:{_R['severity_tags']}|\?)"
    rf"|\b{_R['english_will']}\b(?:\s+\S+){{0,5}}?\s+{_R['english_be']}\s+{_R['english_severe']}"
)


def asks_severity(phrasing: str) -> bool:
    """True when the phrasing asks whether the sanction reaches dismissal or prison."""
    return bool(_ASKS_SEVERITY.search(" ".join(phrasing.lower().split())))


def _first_sentence(answer: str) -> str:
    end = _SENTENCE_END.search(answer)
    return answer[: end.start() + 1] if end else answer


def opening_defect(entry: Entry) -> str | None:
    """Why the answer's first words disagree with its verdict, or None."""
    first = _first_sentence(entry.answer)
    low = first.lower()
    says_no = low.startswith("tidak boleh")
    says_yes = low.startswith("boleh")
    conditional = says_yes and "dengan syarat" in low
    if entry.verdict == "dilarang" and not says_no:
        return 'verdict dilarang, but the answer does not open with "Tidak boleh"'
    if entry.verdict == "boleh" and (not says_yes or conditional):
        return 'verdict boleh, but the answer does not open with "Boleh" (without conditions)'
    if entry.verdict == "boleh_bersyarat" and not conditional:
        return (
            'verdict boleh_bersyarat, but the first sentence does not say "Boleh …, dengan syarat"'
        )
    if entry.verdict == "info" and (says_no or says_yes):
        return "verdict info, but the answer opens with a permission word"
    return None


def check_verdicts(entries: Iterable[Entry]) -> list[str]:
    out: list[str] = []
    for e in entries:
        where = f"{e.topic}.toml ({e.id})"
        problem = opening_defect(e)
        if problem:
            out.append(f"{where}: {problem}: {_first_sentence(e.answer)[:60]!r}")
        if e.verdict in YES_NO:
            continue
        for phrasing in (e.question, *e.alternates):
            if asks_permission(phrasing):
                out.append(
                    f"{where}: phrasing {phrasing!r} asks whether something is allowed, "
                    f"but the verdict is {e.verdict} (needs dilarang, boleh or boleh_bersyarat)"
                )
    return out


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from earlier to later (negative if later is earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def stale_entries(entries: Iterable[Entry], today: dt.date) -> list[str]:
    """Warnings for entries not reviewed in REVIEW_MONTHS months as of today."""
    return [
        f"{e.topic}.toml ({e.id}): last reviewed {e.reviewed.isoformat()}, "
        f"{REVIEW_MONTHS} months or more before {today.isoformat()}"
        for e in entries
        if months_between(e.reviewed, today) >= REVIEW_MONTHS
    ]


# Whether one may run for office or must resign to do so, not only when: "boleh
# nyalon? harus mundur?", "do they have to resign?". The labelling
# convention of the question sets: these are boleh_bersyarat (running is allowed on
# condition of resigning); a bare "kapan mundur, pas daftar atau ditetapkan?" about
# someone else asks only the timing (info).
# "bisa ditarik / balik / kerja lagi": taking a resignation back or returning, not
# leave to run ("di" is the passive prefix, not a word of its own)
_MAY_RUN = re.compile(
    rf"\b{_R['may']}\b(?!\s+(?:{_R['may_back_fillers']}\s+)?(?:di)?{_R['may_back']})"
    rf"|\b{_R['english_may']}\b(?:\s+\S+){{0,5}}?\s+{_R['english_run']}\b"
)
# "harus mundur kapan / dari kapan / pas daftar": when, not whether
_WHEN_AFTER = rf"\s*(?:,\s*)?(?:{_R['when_from']}\s+)?(?:{_R['when']}|{_R['at_the_time']}\b)"
# Python's lookbehinds take one fixed width each: one per word.
_NOT_AFTER_WHEN = "".join(rf"(?<!{re.escape(w)} )" for w in sorted(_WORDS["english_when"]))
_MUST_QUIT = re.compile(
    rf"\b{_R['must']}\s+(?:\w+\s+)?{_R['quit']}\b(?!{_WHEN_AFTER})"
    rf"|{_NOT_AFTER_WHEN}\b{_R['english_asking']}\b(?:\s+\S+){{0,10}}?"
    rf"\s+{_R['english_have_to']}\s+{_R['english_quit']}\b"
    rf"|{_NOT_AFTER_WHEN}\b{_R['english_must']}\b(?:\s+\S+){{0,4}}?"
    rf"\s+{_R['english_must_quit']}\b"
)


def asks_whether_to_run(phrasing: str) -> bool:
    """True when the phrasing asks whether one may run or must resign to run (not
    only when someone must)."""
    text = " ".join(re.sub(r"[^\w\s,]", " ", phrasing.lower()).split())
    return bool(_MAY_RUN.search(text) or _MUST_QUIT.search(text))
