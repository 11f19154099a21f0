"""Entry points reachable from the menu, /start payloads and intents.

``follow`` maps a target ("lapor", "langganan", "tanya_<id>", …) to the
feature that owns it, so the menu, deep links and the intent step agree.
"""

from __future__ import annotations

from dataclasses import replace

from handlers.context import Context
from handlers.groups import TIP_TARGETS, refuse_in_group
from handlers.messages import Incoming, Reply
from handlers.router import Handler


def _entry_points() -> dict[str, Handler]:
    from handlers import ask, basic, features

    return {
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
    points = _entry_points()
    if target.startswith("tanya_"):
        return await points["faq"](replace(msg, payload=f"faq:{target[6:]}"), ctx)
    handler = points.get(target)
    if handler is None:
        return None
    return await handler(replace(msg, args=""), ctx)
