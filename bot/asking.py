"""``asnbot ask``: the same knowledge code path as a chat message, for scripts."""

from __future__ import annotations

import json
from typing import TextIO

from bot.channels.console import read_lines
from handlers.markup import to_plain
from handlers.messages import clean_text
from knowledge import KnowledgeBase


def _line(kb: KnowledgeBase, question: str, top: int) -> dict[str, object]:
    return kb.ask(clean_text(question), top=top).to_json()


def ask_one(kb: KnowledgeBase, question: str, as_json: bool, top: int, out: TextIO) -> int:
    answer = kb.ask(clean_text(question), top=top)
    if as_json:
        out.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
        return 0
    if answer.match is not None:
        m = answer.match
        out.write(f"[{m.verdict}] {m.question}\n{to_plain(m.answer)}\nDasar hukum: {'; '.join(m.sources)}\n")
    elif answer.suggestions:
        out.write("Maksud Anda…?\n")
        for s in answer.suggestions:
            out.write(f"  - {s.question} ({s.id})\n")
    else:
        out.write(f"(intent: {answer.intent}) saya belum bisa menjawab itu.\n")
    return 0


def ask_many(kb: KnowledgeBase, stream: TextIO, out: TextIO, top: int) -> int:
    """One JSON object per input line, in order; blank lines get an answer too."""
    for raw in read_lines(stream):
        out.write(json.dumps(_line(kb, raw.rstrip("\n"), top), ensure_ascii=False) + "\n")
        out.flush()
    return 0
