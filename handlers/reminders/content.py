"""What a reminder says: one concrete do or don't from the knowledge base, rotated.

Entries whose verdict is a do or a don't are ordered round-robin across
topics, so consecutive reminders come from different parts of the rules.
Each subscriber starts at their own place in that cycle and moves one step
per reminder, so the same point never comes twice in a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import zip_longest

from knowledge import Entry

DO_OR_DONT = ("dilarang", "boleh", "boleh_bersyarat")
VARIANTS = 3  # openings per phase in reminder.j2, rotated with the point
GIST_CHARS = 300
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SPREAD = 7919  # a prime: neighbouring subscribers start far apart in the cycle


def rotation(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Do/don't entries, round-robin over topics, in a stable order."""
    by_topic: dict[str, list[Entry]] = {}
    for e in sorted(entries, key=lambda e: (e.topic, e.id)):
        if e.verdict in DO_OR_DONT:
            by_topic.setdefault(e.topic, []).append(e)
    rounds = zip_longest(*by_topic.values())
    return tuple(e for row in rounds for e in row if e is not None)


def gist(answer: str, limit: int = GIST_CHARS) -> str:
    """The answer's opening sentences, at most ``limit`` characters, never cut mid-word."""
    out = ""
    for sentence in _SENTENCE_END.split(answer.strip()):
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
        if len(out) >= limit // 2:
            break
    if not out:  # a first sentence longer than the limit
        out = answer[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


def pick(
    cycle: tuple[Entry, ...], subscriber_id: int, position: int, last_entry: str | None
) -> tuple[Entry | None, int]:
    """The entry for this reminder and the position after it."""
    if not cycle:
        return None, position + 1
    entry = cycle[(subscriber_id * _SPREAD + position) % len(cycle)]
    if entry.id == last_entry and len(cycle) > 1:  # the knowledge base changed under us
        position += 1
        entry = cycle[(subscriber_id * _SPREAD + position) % len(cycle)]
    return entry, position + 1
