"""Group chats: questions are welcome, tips and private matters are not.

A tip typed in a group is read by everyone in it, and so is a receipt code or
an admin's view of a tip. These entry points answer in a group with a pointer
to a private chat instead, for the person's own safety. The tip feature calls
``refuse_in_group`` too, so every way into it agrees.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.router import Route
from storage.conversations import State

TIP_TARGETS = frozenset({"lapor", "report"})  # deep-link and menu targets of the tip flow
TIP_COMMANDS = frozenset({"lapor", "status", "kirim"})
TIP_BUTTONS = frozenset({"menu:lapor"})
# Privileged commands that show tips, tipsters' messages or exports.
PRIVATE_COMMANDS = frozenset(
    {"tips", "tip", "setstatus", "reply", "claim", "note", "export", "audit", "siaran", "ya"}
)


def is_tip_entry(msg: Incoming, state: State) -> bool:
    """Would this message start, feed or look up a tip?"""
    if msg.command in TIP_COMMANDS or msg.payload in TIP_BUTTONS:
        return True
    if msg.command == "start" and msg.args.strip().lower() in TIP_TARGETS:
        return True
    # Someone mid-tip in their private chat writes in a group: that text must
    # never join the tip.
    return (state.step or "").startswith("tip.")


def _refused_here(msg: Incoming, state: State) -> bool:
    return msg.is_group and (is_tip_entry(msg, state) or msg.command in PRIVATE_COMMANDS)


async def private_only(msg: Incoming, _ctx: Context) -> list[Reply]:
    """In a group: asks the person to continue in a private chat; nothing is kept."""
    what = "command" if msg.command in PRIVATE_COMMANDS else "tip"
    return [Reply("private_only", {"what": what})]


def refuse_in_group(msg: Incoming) -> list[Reply] | None:
    """The private-chat pointer if ``msg`` came from a group, else None (go on)."""
    if not msg.is_group:
        return None
    return [Reply("private_only", {"what": "tip"})]


ROUTE = Route("group:private-only", _refused_here, private_only)
