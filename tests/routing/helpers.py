"""People and phrases for the routing tests."""

from __future__ import annotations

from bot.wiring import App
from storage import conversations
from tests.tips.helpers import Chat

# Someone who saw a violation and says so in chat style (issue 13's example).
WITNESS = "td pagi liat pak kasi bagiin sembako ada stiker paslon, mau lapor nih"
# A question whose answer is certain (dilarang) in the knowledge base.
RULE_WANTED = "pns boleh ikut kampanye?"


def person(app: App, identity: str = "console:siti") -> Chat:
    return Chat(app, identity)


async def state_of(app: App, chat: Chat) -> str | None:
    """The conversation step stored for ``chat`` (None: nothing stored)."""
    who = app.services.pseudonyms.of(chat.identity)
    return (await conversations.load(app.services.db, who)).step
