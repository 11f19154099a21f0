"""Pushed messages about tips, written to the outbox (never sent from here).

Admin alerts carry the tip number and category only: the outbox is not
encrypted, so no tip text goes in it. Messages to a tipster carry no tip
number, no code and no text, and their chat is sealed (``enc:…``); the
dedupe key is a keyed hash, so even the key does not point at a tip.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from handlers.context import Services
from handlers.roles import Role
from handlers.tips.kit import kit
from storage import conversations, outbox
from storage.outbox import NewMessage
from storage.tips import NOTIFY
from storage.vault import VaultError

log = logging.getLogger(__name__)


def admin_chat(identity: str) -> tuple[str, str]:
    """(channel, chat) of an admin identity; in a private chat the chat is the user.

    ``telegram:1001`` → telegram chat ``1001``; WhatsApp and console chats are
    the identity itself (``whatsapp:+62…`` is what Twilio's API expects).
    """
    channel, _, rest = identity.partition(":")
    return (channel, rest) if channel == "telegram" else (channel, identity)


async def _admin_messages(
    services: Services, key: str, template: str, context: dict[str, Any], now: datetime
) -> list[NewMessage]:
    out = []
    for identity in sorted(services.roles.chats_with(Role.ADMIN)):
        channel, chat = admin_chat(identity)
        locale = await conversations.get_locale(services.db, services.pseudonyms.of(identity))
        out.append(
            NewMessage(
                dedupe_key=f"{key}:{channel}:{chat}"[:160],
                kind="tip_admin",
                channel=channel,
                chat=chat,
                template=template,
                context=context,
                locale=locale or services.default_locale,
            )
        )
    return out


def admin_buttons(tip_id: int) -> list[list[str]]:
    """Buttons for an outbox message, as ``[payload, label key]`` pairs (see bot.delivery)."""
    return [[f"tipadm:claim:{tip_id}", "admin.claim"], [f"tipadm:reject:{tip_id}", "admin.reject"]]


async def new_tip(
    services: Services, tip_id: int, category: str | None, photos: int, now: datetime
) -> int:
    """Every admin hears of a new tip at once, with Ambil / Tolak buttons."""
    context = {
        "id": tip_id,
        "category": category or "",
        "photos": photos,
        "_choices": admin_buttons(tip_id),
    }
    return await _safely(
        services,
        await _admin_messages(services, f"tip-new:{tip_id}", "tip_alert_new", context, now),
        now,
    )


async def tipster_added(services: Services, tip_id: int, event_id: int, now: datetime) -> int:
    context = {"id": tip_id}
    key = f"tip-added:{tip_id}:{event_id}"
    return await _safely(
        services, await _admin_messages(services, key, "tip_alert_addition", context, now), now
    )


async def sla_nudge(services: Services, tip_ids: list[int], days: int, now: datetime) -> int:
    """One message per admin per day listing the tips waiting too long."""
    context = {"ids": tip_ids, "days": days}
    key = f"tip-sla:{now.date().isoformat()}"
    return await _safely(
        services, await _admin_messages(services, key, "tip_sla_nudge", context, now), now
    )


def make_notify_ref(services: Services, channel: str, chat: str, locale: str) -> str:
    """The opt-in chat reference kept (sealed) on the tip until it is closed."""
    return kit(services).vault.seal_json({"c": channel, "t": chat, "l": locale}, NOTIFY)


async def tell_tipster(
    services: Services, notify_ref: str | None, event_id: int, template: str, now: datetime
) -> bool:
    """Queues ``template`` to the tipster who opted in; False if they did not."""
    if not notify_ref:
        return False
    tk = kit(services)
    try:
        ref = tk.vault.open_json(notify_ref, NOTIFY)
    except (VaultError, ValueError):
        log.warning("notify reference does not open", extra={"event": event_id})
        return False
    message = NewMessage(
        dedupe_key="tipster:" + tk.vault.keyed_hash(f"tip-event:{event_id}")[:40],
        kind="tip_tipster",
        channel=str(ref["c"]),
        chat=tk.seal_chat(str(ref["t"])),
        template=template,
        context={},
        locale=str(ref.get("l") or services.default_locale),
    )
    return await _safely(services, [message], now) > 0


async def _safely(services: Services, messages: list[NewMessage], now: datetime) -> int:
    # The tip (or the action) is already stored; an alert that fails to queue
    # must not turn that success into an error for the person in front of us.
    try:
        return await outbox.enqueue(services.db, messages, now)
    except Exception:
        log.exception("could not queue tip alerts", extra={"count": len(messages)})
        return 0
