"""Entry points reachable from the menu, /start payloads and intents.

``follow`` maps a target ("lapor", "langganan", "tanya_<id>", …) to the
feature that owns it, so the menu, deep links and the free-text step agree.
It sits above the features it leads to and is imported by none of them.
"""

from __future__ import annotations

from dataclasses import replace

from handlers import ask, basic, features
from handlers.basic import menu_reply
from handlers.context import Context
from handlers.groups import TIP_TARGETS, refuse_in_group
from handlers.messages import Incoming, Reply
from handlers.router import Handler

ENTRY_POINTS: dict[str, Handler] = {
    "menu": basic.menu,
    "tanya": features.ask_prompt,
    "lapor": features.tip_start,
    "report": features.tip_start,
    "pengingat": features.subscribe_start,
    "langganan": features.subscribe_start,
    "bahasa": basic.language,
    "faq": ask.show_entry,
}


async def follow(target: str, msg: Incoming, ctx: Context) -> list[Reply] | None:
    """Replies of the feature behind ``target``, or None if there is none."""
    if target in TIP_TARGETS and (refused := refuse_in_group(msg)) is not None:
        return refused  # e.g. "saya mau lapor" typed in a group
    if target.startswith("tanya_"):
        return await ask.show_entry(replace(msg, payload=f"faq:{target[6:]}"), ctx)
    handler = ENTRY_POINTS.get(target)
    if handler is None:
        return None
    return await handler(replace(msg, args=""), ctx)


async def start(msg: Incoming, ctx: Context) -> list[Reply]:
    """Welcome and menu; a deep-link payload (/start lapor) goes straight there."""
    target = msg.args.strip().lower()
    if target:
        routed = await follow(target, msg, ctx)
        if routed is not None:
            return routed
    return [menu_reply("welcome")]


async def menu_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """A main-menu button: each leads to its feature's entry point."""
    target = (msg.payload or "").removeprefix("menu:")
    routed = await follow(target, msg, ctx)
    return routed if routed is not None else [menu_reply()]
