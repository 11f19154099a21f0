"""``asnbot ask --json``: the knowledge layer's verdict as JSON, for scripts."""

from __future__ import annotations

import json
from typing import TextIO

from bot.channels.console import read_lines
from handlers.messages import clean_text
from knowledge import KnowledgeBase


def ask_json(kb: KnowledgeBase, question: str, top: int, out: TextIO) -> None:
    out.write(json.dumps(kb.ask(clean_text(question), top=top).to_json(), ensure_ascii=False))
    out.write("\n")
    out.flush()


def ask_many(kb: KnowledgeBase, stream: TextIO, out: TextIO, top: int) -> int:
    """One JSON object per input line, in order; blank lines get an answer too."""
    for raw in read_lines(stream):
        ask_json(kb, raw.rstrip("\n"), top, out)
    return 0
