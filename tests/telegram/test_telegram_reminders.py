"""Reminders reach Telegram subscribers through the real sender, as run-due sends them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.senders import build_senders, close_senders
from bot.ticker import Ticker
from bot.wiring import build_app
from storage import subscribers
from tests.conftest import FakeClock, make_settings
from tests.fakes.telegram_api import FakeTelegram
from tests.reminders.helpers import utc
from tests.reminders.test_run_due import TEST_CAMPAIGN
from tests.telegram.conftest import telegram_settings


async def test_run_due_reminds_telegram_subscribers_and_drops_blocked_ones(
    fake_telegram: FakeTelegram, tmp_path: Path, clock: FakeClock
) -> None:
    settings = replace(
        make_settings(f"sqlite:///{tmp_path / 'r.db'}", tmp_path), campaigns=(TEST_CAMPAIGN,)
    )
    app = build_app(telegram_settings(settings, fake_telegram), clock=clock)
    senders = build_senders(app)  # no component started: the run-due path
    try:
        db = app.services.db
        for chat in ("5001", "5002"):
            who = app.services.pseudonyms.of(f"telegram:{chat}")
            await subscribers.subscribe(db, "telegram", chat, who, "WIB", None, "id", clock())
        fake_telegram.fail_next("sendMessage", 403, chat_id="5001")  # 5001 blocked the bot
        assert "telegram" in senders
        await Ticker(app, senders, report_every=0.0).run_due(utc("2026-03-10T01:00:00+00:00"))
        await fake_telegram.settle()
        (delivered,) = fake_telegram.sent("5002")
        assert "/berhenti" in delivered.text and "H-14" in delivered.text
        assert delivered.params["parse_mode"] == "HTML"
        (blocked,) = await subscribers.of(db, app.services.pseudonyms.of("telegram:5001"))
        assert not blocked.active  # 403: blocked the bot, no more reminders
        # The same instant again sends nothing more.
        await Ticker(app, senders, report_every=0.0).run_due(utc("2026-03-10T01:00:00+00:00"))
        await fake_telegram.settle()
        assert len(fake_telegram.sent()) == 2  # the 403 attempt and the one delivery
    finally:
        await close_senders(senders)
        app.close()
