"""The Telegram channel on python-telegram-bot: polling or webhook, one translator each way.

PTB's ``Application`` only parses, sends and downloads here; conversation
state, routing and text live in ``handlers`` like for every other channel.
"""

from __future__ import annotations

import os

# PTB 22 warns on every RetryAfter (and other time periods) until one opts in
# to timedelta values, which its next major version makes the only behaviour.
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.channels.telegram.component import telegram_component
from bot.channels.telegram.send import TelegramSender, telegram_sender

__all__ = ["TelegramSender", "telegram_component", "telegram_sender"]
