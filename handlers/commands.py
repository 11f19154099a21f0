"""Chat commands: canonical Indonesian names and their aliases, parsed in one place."""

from __future__ import annotations

import re
from dataclasses import replace

from handlers.messages import Incoming

# alias -> canonical name; the canonical names are Indonesian (INTERFACES.md).
ALIASES: dict[str, str] = {
    "start": "start",
    "mulai": "start",
    "menu": "menu",
    "bantuan": "bantuan",
    "help": "bantuan",
    "lapor": "lapor",
    "report": "lapor",
    "kirim": "kirim",
    "send": "kirim",
    "submit": "kirim",
    "batal": "batal",
    "cancel": "batal",
    "status": "status",
    "langganan": "langganan",
    "subscribe": "langganan",
    "berhenti": "berhenti",
    "unsubscribe": "berhenti",
    "stop": "berhenti",
    "bahasa": "bahasa",
    "language": "bahasa",
    "lang": "bahasa",
    "siaran": "siaran",
    "broadcast": "siaran",
    "ya": "ya",
    "yes": "ya",
    "tips": "tips",
    "tip": "tip",
    "setstatus": "setstatus",
    "reply": "reply",
    "balas": "reply",
    "claim": "claim",
    "ambil": "claim",
    "note": "note",
    "catatan": "note",
    "export": "export",
    "ekspor": "export",
    "stats": "stats",
    "statistik": "stats",
    "audit": "audit",
    "gaps": "gaps",
    "celah": "gaps",
    "kampanye": "kampanye",
    "campaigns": "kampanye",
    "photo": "photo",
}

# Plain words (no slash) that act as commands where a platform has no
# command menu, e.g. WhatsApp users typing "menu" or "batal".
BARE_WORDS = frozenset(
    {"menu", "bantuan", "help", "lapor", "batal", "kirim", "berhenti", "langganan", "start"}
)

_COMMAND = re.compile(r"^/([A-Za-z_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?$", re.S)


def parse(msg: Incoming, bare_words: bool = True) -> Incoming:
    """Fill ``command`` and ``args``; an unknown /word keeps command "?word"."""
    text = msg.text.strip()
    m = _COMMAND.match(text)
    if m:
        name = m.group(1).lower()
        return replace(msg, command=ALIASES.get(name, f"?{name}"), args=(m.group(2) or "").strip())
    word = text.lower()
    if bare_words and word in BARE_WORDS:
        return replace(msg, command=ALIASES[word], args="")
    return msg
