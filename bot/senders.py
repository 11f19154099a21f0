"""The senders the outbox dispatcher uses, built from what is configured.

The console always prints. Channel components put their sender in
``services.extra["senders"]`` when ``asnbot run`` builds them (before the
scheduler, which comes last in ``COMPONENTS``); ``SENDER_FACTORIES`` is for
senders wanted without a running channel, e.g. by ``asnbot reminders
run-due``. Rows of a channel without a sender stay pending until one exists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.channels.base import Sender
from bot.channels.console import ConsoleFiles
from bot.channels.console_sender import ConsoleSender
from bot.channels.telegram.send import telegram_sender
from bot.delivery import SENDERS
from bot.wiring import App

SenderFactory = Callable[[App], Sender | None]
EXTRA_KEY = SENDERS  # services.extra[EXTRA_KEY]: {channel: Sender}, filled by components


# Senders that work without their channel's component started (for run-due);
# each returns None when its channel is not configured.
def whatsapp_if_configured(app: App) -> Sender | None:
    """The WhatsApp sender; Twilio's client (14 MB) is imported only where it is configured."""
    if not app.settings.whatsapp_enabled:
        return None
    from bot.channels.whatsapp.build import whatsapp_sender

    return whatsapp_sender(app)


SENDER_FACTORIES: list[SenderFactory] = [telegram_sender, whatsapp_if_configured]


async def close_senders(senders: Mapping[str, Sender]) -> None:
    """Lets senders that opened connections close them (those built for run-due)."""
    for sender in senders.values():
        close = getattr(sender, "aclose", None)
        if close is not None:
            await close()


def build_senders(app: App, extra: Mapping[str, Sender] | None = None) -> dict[str, Sender]:
    console = ConsoleSender(ConsoleFiles(app.settings.console.out_dir))
    senders: dict[str, Sender] = {"console": console}
    for factory in SENDER_FACTORIES:
        sender = factory(app)
        if sender is not None:
            senders[sender.channel] = sender
    senders.update(app.services.extra.get(EXTRA_KEY, {}))
    senders.update(extra or {})
    return senders
