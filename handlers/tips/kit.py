"""What the tip feature needs besides the shared services: keys, media, limits.

``bot.wiring`` builds one ``TipKit`` and puts it in ``Services.extra["tips"]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from handlers.context import Context, Services
from handlers.tips.limits import TipLimits
from storage.images import ImageCleaner
from storage.media import MediaStore
from storage.outbox import SEALED_CHAT, SEALED_CONTEXT
from storage.vault import Vault, VaultError

EXTRA_KEY = "tips"
OUTBOX_CHAT = "outbox.chat"
OUTBOX_CONTEXT = "outbox.context"
ENC_PREFIX = SEALED_CHAT


@dataclass(frozen=True)
class TipKit:
    vault: Vault
    media: MediaStore
    limits: TipLimits
    cleaner: ImageCleaner = field(default_factory=ImageCleaner)

    def seal_chat(self, chat: str) -> str:
        """An outbox chat that only the dispatcher, just before sending, can read."""
        return ENC_PREFIX + self.vault.seal_text(json.dumps(chat), OUTBOX_CHAT)

    def resolve_chat(self, chat: str) -> str | None:
        """The real chat behind an ``enc:`` outbox chat; None if it cannot be opened."""
        if not chat.startswith(ENC_PREFIX):
            return chat
        try:
            return str(json.loads(self.vault.open_text(chat[len(ENC_PREFIX) :], OUTBOX_CHAT)))
        except (VaultError, ValueError):
            return None

    def seal_context(self, values: dict[str, Any]) -> dict[str, Any]:
        """An outbox context whose values only the dispatcher, just before sending, can read."""
        return {SEALED_CONTEXT: self.vault.seal_json(values, OUTBOX_CONTEXT)}

    def open_context(self, context: dict[str, Any]) -> dict[str, Any] | None:
        """``context`` with its sealed values opened; None if they cannot be."""
        token = context.get(SEALED_CONTEXT)
        if token is None:
            return context
        try:
            opened = self.vault.open_json(str(token), OUTBOX_CONTEXT)
        except (VaultError, ValueError):
            return None
        if not isinstance(opened, dict):
            return None
        rest = {k: v for k, v in context.items() if k != SEALED_CONTEXT}
        return {**rest, **opened}


def kit(where: Context | Services) -> TipKit:
    services = where.services if isinstance(where, Context) else where
    found = services.extra.get(EXTRA_KEY)
    if not isinstance(found, TipKit):
        raise RuntimeError("the tip feature is not wired (Services.extra['tips'] missing)")
    return found
