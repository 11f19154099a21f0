"""``asnbot ask``: one question through the chat's own routing.

``answer_json`` is the one place that turns a question into the JSON of
INTERFACES.md ("asnbot ask --json output"); ``asnbot eval`` calls it too, so
what is measured is what people get. It routes exactly like a chat message
on the console: the same router (commands and bare words such as "menu" or
"lapor", a receipt code typed on its own), then ``handlers.wants`` for free
text, with an empty conversation state.

What it stores: nothing. The JSON path opens no database, so an evaluation
run leaves no conversation state and no unanswered-question record (a chat
would record one for a question below the bar; measurements are not
people's questions). The text path is one console chat message from a
throwaway identity, stored like any chat message while it is handled (a gap
record included), whose conversation state and held photos are erased after.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, TextIO

from bot.channels.console import read_lines
from handlers import commands, wants
from handlers.context import Limits
from handlers.messages import Incoming, clean_text
from handlers.router import NoRoute, Router
from handlers.routes import build_router
from knowledge import KnowledgeBase
from storage.conversations import State

if TYPE_CHECKING:
    from bot.wiring import App

ASK_IDENTITY = "console:ask"
# What the chat does for a route that is not free text, as ``intent``.
ROUTE_INTENTS = {
    "/start": "greeting",
    "/menu": "greeting",
    "/bantuan": "greeting",
    "/lapor": "tip",
    "/status": "status",
    "/status:typed": "status",
    "/langganan": "subscribe",
    "/berhenti": "subscribe",
}
FREE_TEXT = "text"
_ROUTER = build_router()


def answer_json(
    kb: KnowledgeBase,
    question: str,
    *,
    top: int = 3,
    max_chars: int = Limits().max_text_chars,
    router: Router = _ROUTER,
) -> dict[str, Any]:
    """The JSON object for one question, routed as the chat would route it."""
    started = time.perf_counter()
    text = clean_text(question)
    msg = commands.parse(Incoming("console", ASK_IDENTITY, ASK_IDENTITY, text=text))
    route = router.match(msg, State())
    result: dict[str, Any] = {"query": text, "intent": "unknown", "match": None, "suggestions": []}
    if isinstance(route, NoRoute) or not msg.has_content:
        pass
    elif route.name != FREE_TEXT:
        result["intent"] = ROUTE_INTENTS.get(route.name, "unknown")
    else:
        want = wants.read(text, kb, top=top, max_chars=max_chars)
        if want.answer is not None:
            # A long message's answer is its question sentence's; "query" stays the message.
            result = want.answer.to_json() | {"query": text}
        result["intent"] = want.intent
    result["elapsed_ms"] = round((time.perf_counter() - started) * 1000.0, 3)
    return result


def write_json(kb: KnowledgeBase, question: str, out: TextIO, **options: Any) -> None:
    out.write(json.dumps(answer_json(kb, question, **options), ensure_ascii=False))
    out.write("\n")
    out.flush()


def write_many(kb: KnowledgeBase, stream: TextIO, out: TextIO, **options: Any) -> int:
    """One JSON object per input line, in order; blank lines get an answer too."""
    for raw in read_lines(stream):
        write_json(kb, raw.rstrip("\n"), out, **options)
    return 0


async def ask_text(app: App, question: str) -> int:
    """The chat's reply to one message, printed; the throwaway conversation erased after."""
    # The console loop, the scheduler and its senders: only the text path needs them.
    from bot.consoleloop import chat_loop
    from handlers.tips import draft as drafts
    from storage import conversations

    try:
        return await chat_loop(app, ASK_IDENTITY, [question], intro=False)
    finally:
        who = app.services.pseudonyms.of(ASK_IDENTITY)
        state = await conversations.load(app.services.db, who)
        drafts.delete_files(app.services, state)
        await conversations.forget(app.services.db, who)
