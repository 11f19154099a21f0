"""Pushed messages about tips, written to the outbox (never sent from here).

Admin alerts carry the tip number and category only: the outbox is not
encrypted, so no tip text goes in it. Messages to a tipster carry no tip
number and no text, and their chat is sealed (``enc:…``); the dedupe key is
a keyed hash or random, so even the key does not point at a tip. The one
message that carries a code, the receipt, holds it sealed, and its row is
deleted once sent. Kinds starting with ``tip_`` are tied to a tip: the
outbox keeps their times to the hour and deletes them once final.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
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

# Outbox kinds; also the keys of ``[whatsapp.templates]`` for sending outside the
# 24-hour window (a receipt always goes out within it: the tipster just wrote).
ALERT, UPDATE, RECEIPT, NUDGE = "tip_alert", "tip_update", "tip_receipt", "sla_nudge"


@dataclass(frozen=True)
class Recipient:
    channel: str
    chat: str
    locale: str


def admin_chat(identity: str) -> tuple[str, str]:
    """(channel, chat) of an admin identity; in a private chat the chat is the user.

    ``telegram:1001`` → telegram chat ``1001``; WhatsApp and console chats are
    the identity itself (``whatsapp:+62…`` is what Twilio's API expects).
    """
    channel, _, rest = identity.partition(":")
    return (channel, rest) if channel == "telegram" else (channel, identity)


async def admins(services: Services) -> list[Recipient]:
    """Every admin's chat, in their own language."""
    out = []
    for identity in sorted(services.roles.chats_with(Role.ADMIN)):
        channel, chat = admin_chat(identity)
        locale = await conversations.get_locale(services.db, services.pseudonyms.of(identity))
        out.append(Recipient(channel, chat, locale or services.default_locale))
    return out


def to_admins(
    recipients: Sequence[Recipient],
    key: str,
    template: str,
    context: dict[str, Any],
    kind: str = ALERT,
) -> list[NewMessage]:
    return [
        NewMessage(
            dedupe_key=f"{key}:{r.channel}:{r.chat}"[:160],
            kind=kind,
            channel=r.channel,
            chat=r.chat,
            template=template,
            context=context,
            locale=r.locale,
        )
        for r in recipients
    ]


def admin_buttons(tip_id: int) -> list[list[str]]:
    """Buttons for an outbox message, as ``[payload, label key]`` pairs (see bot.delivery)."""
    return [[f"tipadm:claim:{tip_id}", "admin.claim"], [f"tipadm:reject:{tip_id}", "admin.reject"]]


def new_tip(
    recipients: Sequence[Recipient], tip_id: int, category: str | None, photos: int
) -> list[NewMessage]:
    """Every admin hears of a new tip at once, with Ambil / Tolak buttons (stored with it)."""
    context = {
        "id": tip_id,
        "category": category or "",
        "photos": photos,
        "_choices": admin_buttons(tip_id),
    }
    return to_admins(recipients, f"tip-new:{tip_id}", "tip_alert_new", context)


def receipt(services: Services, channel: str, chat: str, locale: str, code: str) -> NewMessage:
    """The receipt code for the tipster: chat and code sealed, stored with the tip."""
    tk = kit(services)
    return NewMessage(
        dedupe_key="receipt:" + secrets.token_hex(16),
        kind=RECEIPT,
        channel=channel,
        chat=tk.seal_chat(chat),
        template="tip_receipt",
        context=tk.seal_context({"code": code}),
        locale=locale,
        priority=outbox.URGENT,
    )


async def tipster_added(services: Services, tip_id: int, event_id: int, now: datetime) -> int:
    context = {"id": tip_id}
    key = f"tip-added:{tip_id}:{event_id}"
    messages = to_admins(await admins(services), key, "tip_alert_addition", context)
    return await _safely(services, messages, now)


async def sla_nudge(services: Services, tip_ids: list[int], days: int, now: datetime) -> int:
    """One message per admin per day listing the tips waiting too long."""
    context = {"ids": tip_ids, "days": days}
    key = f"tip-sla:{now.date().isoformat()}"
    messages = to_admins(await admins(services), key, "tip_sla_nudge", context, kind=NUDGE)
    return await _safely(services, messages, now)


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
        kind=UPDATE,
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
