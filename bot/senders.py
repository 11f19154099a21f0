"""The senders the outbox dispatcher uses, built from what is configured.

The console always prints. Channel modules add their factory to
``SENDER_FACTORIES`` (each returns its sender when its channel is
configured, else None); the dispatcher leaves rows of a channel without a
sender pending until one exists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.channels.base import Sender
from bot.channels.console_sender import ConsoleSender
from bot.wiring import App

SenderFactory = Callable[[App], Sender | None]

# Filled on merge by the channel modules, e.g. telegram_sender(app), whatsapp_sender(app).
SENDER_FACTORIES: list[SenderFactory] = []


def build_senders(app: App, extra: Mapping[str, Sender] | None = None) -> dict[str, Sender]:
    senders: dict[str, Sender] = {"console": ConsoleSender()}
    for factory in SENDER_FACTORIES:
        sender = factory(app)
        if sender is not None:
            senders[sender.channel] = sender
    senders.update(extra or {})
    return senders


def rates(app: App) -> dict[str, float]:
    """Rates set in ``[delivery]`` that override a sender's own."""
    return {"whatsapp": app.settings.delivery.whatsapp_rate_per_second}
