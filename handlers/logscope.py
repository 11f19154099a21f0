"""Whether what is logged now may name the person being served.

While a conversation is in the tip flow, nothing logged may carry an
identifier or a pseudonym: a pseudonym next to the time of a photo refusal
or an error during a tip would tell anyone holding the logs who sent it.
The dispatcher decides once per message, as soon as it has read the
conversation's state, and records the decision here, in a context variable:
it then holds for everything the same task logs afterwards (handlers, the
outbox sends it triggers, the channel's own lines about delivering the
replies), without any log call having to remember it. ``bot.logsetup``'s
filter reads it and strips identifiers from every record.

Three states: no decision yet (before the state is read, or outside any
message; identifying fields are dropped, in case the person is in a tip),
an ordinary message (records pass untouched), and a tip-flow message (fields
dropped, and the person's ids scrubbed from every text in the record).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from handlers.messages import Incoming

# Names of log fields that identify a person; never logged during a tip.
IDENTIFYING = frozenset(
    {"who", "chat", "chat_id", "user", "user_id", "identity", "phone", "sender", "number"}
)
# Shorter strings would be scrubbed out of unrelated numbers; fields carry those anyway.
MIN_NEEDLE = 5


@dataclass(frozen=True)
class Scope:
    """The decision for the message being handled."""

    tip: bool
    needles: tuple[str, ...] = ()  # the person's ids and pseudonym, as they could appear


_scope: ContextVar[Scope | None] = ContextVar("asnbot_log_scope", default=None)


def current() -> Scope | None:
    """The decision for this task, or None when none was made."""
    return _scope.get()


def undecided() -> None:
    """A new message: the previous one's decision no longer applies."""
    _scope.set(None)


def decide(msg: Incoming, who: str, tip: bool) -> None:
    """Records whether ``msg`` belongs to a tip flow; once tip, it stays tip for this task."""
    now = _scope.get()
    if now is not None and now.tip:
        return
    _scope.set(Scope(True, needles(msg, who)) if tip else Scope(False))


def needles(msg: Incoming, who: str) -> tuple[str, ...]:
    """Every form in which this person's ids could show up in a log line."""
    found = {msg.identity, msg.chat, who, who[:12]}
    for value in (msg.identity, msg.chat):
        bare = value.partition(":")[2] or value
        found |= {bare, bare.lstrip("+")}
    return tuple(sorted((n for n in found if len(n) >= MIN_NEEDLE), key=len, reverse=True))
