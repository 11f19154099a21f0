"""What a free-text message wants: a greeting, a tip, a question, a rule and a tip…

``read`` is a pure function of the text and the knowledge base: no database,
no conversation state. The chat acts on it (``handlers.freetext``) and
``asnbot ask --json`` prints it (``bot.askpath``), so both route alike.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from knowledge import Answer, KnowledgeBase
from knowledge.intent import detect_intent, fits, last_question, reads_as_question, sentences
from storage import receipts

# The kinds of want, and the intent ``asnbot ask --json`` reports for each.
INTENTS = {
    "empty": "unknown",
    "greeting": "greeting",
    "tip": "tip",  # "saya mau lapor": the tip flow starts
    "witness": "tip",  # tells of a violation: the rule, and an offer to report it
    "subscribe": "subscribe",
    "faq": "faq",
    "unknown": "unknown",
    "too_long": "unknown",  # long, and no question sentence in it to answer
}
# A receipt code on its own: three groups of four, separators as /status takes them.
# "cek status", "kode:" before it change nothing.
_CODE_SHAPE = re.compile(
    r"^(?:(?:cek|check|status|kode|code)\s*:?\s*)*"
    r"([0-9A-Za-z]{4}[\s\-_.\u2010-\u2014]?[0-9A-Za-z]{4}[\s\-_.\u2010-\u2014]?[0-9A-Za-z]{4})$",
    re.IGNORECASE,
)
# A code without a digit is taken only in its three groups of four with separators:
# "izin bertanya" (4 + 8 letters) is a greeting, not a code.
_LETTER_GROUPS = re.compile(r"^[A-Za-z]{4}([\s\-_.\u2010-\u2014][A-Za-z]{4}){2}$")


@dataclass(frozen=True)
class Want:
    kind: str  # a key of INTENTS
    answer: Answer | None = None  # the knowledge layer's reading of the text (or its question)
    part: str | None = None  # of a long message: the sentence that was read as its question

    @property
    def intent(self) -> str:
        return INTENTS[self.kind]

    @property
    def report(self) -> str | None:
        """ "witness" or "how": the answer comes with an offer to report anonymously."""
        return None if self.answer is None else self.answer.report


def read(text: str, kb: KnowledgeBase, *, top: int = 3, max_chars: int = 4000) -> Want:
    """What ``text`` (one message, already cleaned) asks of the bot."""
    text = text.strip()
    if not text:
        return Want("empty")
    if not fits(text):
        return _long(text, kb, top, max_chars)
    return _of(kb.ask(text, top=top))


def bare_code(text: str) -> str | None:
    """The canonical receipt code if ``text`` is nothing but one (perhaps after "cek
    status" or "kode:"), typed as /status takes it.

    Twelve letters without a digit are read as words ("ASNBOTPEMILU", "izin bertanya"),
    not a code, unless typed in the code's own three groups of four ("ABCD-EFGH-JKMN"):
    /status CODE still takes the others."""
    found = _CODE_SHAPE.match(text.strip().rstrip(".!"))
    if found is None:
        return None
    typed = found.group(1)
    if not any(ch.isdigit() for ch in typed) and not _LETTER_GROUPS.match(typed):
        return None
    return receipts.normalize(typed)


def _of(answer: Answer, part: str | None = None) -> Want:
    if answer.intent == "greeting":
        return Want("greeting", answer, part)
    if answer.intent == "subscribe":
        return Want("subscribe", answer, part)
    if answer.intent == "tip":
        # Asking how to report someone's breach ("how"): the answer about reporting, and
        # the message held for the tip, as for an account of what happened.
        told = answer.report in ("witness", "how")
        return Want("witness" if told else "tip", answer, part)
    return Want("faq" if answer.intent == "faq" else "unknown", answer, part)


def _long(text: str, kb: KnowledgeBase, top: int, max_chars: int) -> Want:
    """A message too long to be read whole: its last question sentence is answered,
    and a story of a violation is offered as a tip; a verdict never comes from a
    fragment the matcher happened to read."""
    tail = text[-max_chars:]
    parts = sentences(tail)
    # Who and what are often told in two sentences ("Kemarin ada rapat di kantor desa.
    # Pak kades minta warga pilih paslon 2."): each sentence and each pair is read.
    spans = [*parts, *(f"{a} {b}" for a, b in itertools.pairwise(parts))]
    told = any(detect_intent(kb.normalizer.words(s)).kind == "tip" for s in spans)
    question = last_question(tail, kb.normalizer.words)
    answer = kb.ask(question, top=top) if question else None
    answered = answer is not None and answer.intent == "faq" and answer.match is not None
    if told:
        # The rule comes only from a question sentence that was read whole.
        return Want("witness", answer if answered else None, question if answered else None)
    if answered:
        return Want("faq", answer, question)
    return Want("too_long")


def is_question(text: str, kb: KnowledgeBase) -> bool:
    """Inside a tip draft: text in question form that the knowledge base can answer."""
    text = text.strip()
    if not text or not fits(text):
        return False
    if not reads_as_question(kb.normalizer.words(text), "?" in text):
        return False
    answer = kb.ask(text)
    return answer.intent == "faq" and answer.report != "witness"


def for_the_bot(text: str, kb: KnowledgeBase) -> bool:
    """After a draft expired: is this message meant for the bot (a question, a
    greeting, a code, a command word) rather than the rest of the report?"""
    if bare_code(text) is not None:
        return True
    want = read(text, kb)
    if want.kind in ("greeting", "subscribe", "tip"):
        return True
    return want.kind == "faq" and is_question(text, kb)
