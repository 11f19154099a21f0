"""Time travel with run-due: a campaign window, zones, quiet hours, rotation, cadence."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.config import RemindersSettings, Settings, load_settings
from bot.wiring import App, build_app
from handlers.reminders.calendar import Campaign
from storage.models import OutboxMessage
from tests.conftest import TEST_SECRET, FakeClock, incoming, make_settings
from tests.reminders.helpers import RecordingSender, subscriber, ticker, utc

# A campaign of our own: 1–20 March, masa tenang 21–23, voting on the 24th.
TEST_CAMPAIGN = Campaign("Pemilu Uji 2026", date(2026, 3, 1), date(2026, 3, 20), date(2026, 3, 24))


def _settings(tmp_path: Path, every_days: int = 1, url: str | None = None) -> Settings:
    base = make_settings(url or f"sqlite:///{tmp_path / 'r.db'}", tmp_path)
    return replace(
        base, campaigns=(TEST_CAMPAIGN,), reminders=RemindersSettings(every_days=every_days)
    )


@pytest.fixture
def rapp(tmp_path: Path, clock: FakeClock, db_url: str) -> Iterator[App]:
    """On SQLite, and on PostgreSQL where one is provided."""
    application = build_app(_settings(tmp_path, url=db_url), clock=clock)
    yield application
    application.close()


def _days(first: str, last: str) -> list[date]:
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    return [d + timedelta(days=i) for i in range((end - d).days + 1)]


def _morning(d: date, hour_utc: int = 1) -> str:
    return f"{d.isoformat()}T{hour_utc:02d}:00:00+00:00"  # 08:00 WIB, 09:00 WITA, 10:00 WIT


async def test_a_reminder_each_campaign_day_and_nothing_outside(rapp: App) -> None:
    await subscriber(rapp, "console:ani", "WIB")
    sender = RecordingSender()
    t = ticker(rapp, sender)
    got: dict[date, str] = {}
    for d in _days("2026-02-26", "2026-03-27"):
        await t.run_due(utc(_morning(d)))
        texts = sender.to("console:ani")
        assert len(texts) <= 1
        if texts:
            got[d] = texts[0]
        sender.take()
    assert sorted(got) == _days("2026-03-01", "2026-03-24")
    assert "H-23 menuju pemungutan suara Pemilu Uji 2026" in got[date(2026, 3, 1)]
    assert all("Masa tenang Pemilu Uji 2026" in got[d] for d in _days("2026-03-21", "2026-03-23"))
    assert "H-1" in got[date(2026, 3, 23)]
    assert "Hari ini pemungutan suara Pemilu Uji 2026" in got[date(2026, 3, 24)]
    assert all(text.rstrip().endswith("/berhenti") for text in got.values())
    assert all("jangan tanya, jangan cerita" in text.lower() for text in got.values())


async def test_run_due_twice_at_the_same_instant_sends_once(rapp: App) -> None:
    await subscriber(rapp, "console:ani", "WIB")
    sender = RecordingSender()
    at = utc("2026-03-05T01:00:00+00:00")
    first = await ticker(rapp, sender).run_due(at)
    second = await ticker(rapp, sender).run_due(at)
    later = await ticker(rapp, sender).run_due(at + timedelta(hours=5))  # same local day
    assert (first.reminders, second.reminders, later.reminders) == (1, 0, 0)
    assert len(sender.to("console:ani")) == 1
    with rapp.services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1


async def test_one_instant_reaches_wita_and_wit_but_not_yet_wib(rapp: App) -> None:
    for chat, tz in (("console:wib", "WIB"), ("console:wita", "WITA"), ("console:wit", "WIT")):
        await subscriber(rapp, chat, tz)
    sender = RecordingSender()
    await ticker(rapp, sender).run_due(utc("2026-03-10T23:45:00+00:00"))  # 06:45 WIB
    assert {c for c, _k, _t in sender.take()} == {"console:wita", "console:wit"}
    await ticker(rapp, sender).run_due(utc("2026-03-11T00:31:00+00:00"))  # 07:31 WIB
    assert [c for c, _k, _t in sender.take()] == ["console:wib"]


async def test_quiet_hours_then_missed_days_send_one(rapp: App) -> None:
    await subscriber(rapp, "console:ani", "WIT")
    sender = RecordingSender()
    t = ticker(rapp, sender)
    await t.run_due(utc("2026-03-05T12:30:00+00:00"))  # 21:30 WIT: quiet
    await t.run_due(utc("2026-03-05T20:59:00+00:00"))  # 05:59 WIT on the 6th: still quiet
    assert sender.take() == []
    # Nobody ran anything for three days; the next run sends one, not three.
    await t.run_due(utc("2026-03-09T03:00:00+00:00"))
    assert len(sender.take()) == 1


async def test_rotation_never_repeats_a_point_or_an_opening_twice_in_a_row(rapp: App) -> None:
    chats = [f"console:p{i}" for i in range(4)]
    for chat in chats:
        await subscriber(rapp, chat, "WIB")
    sender = RecordingSender()
    t = ticker(rapp, sender)
    for d in _days("2026-03-01", "2026-03-12"):
        await t.run_due(utc(_morning(d)))
    for chat in chats:
        texts = sender.to(chat)
        assert len(texts) == 12
        points = [re.search(r"· (.+\?)", text).group(1) for text in texts]  # type: ignore[union-attr]
        openings = [text.splitlines()[0].split("·")[0].split("H-")[0] for text in texts]
        assert all(a != b for a, b in pairwise(points))
        assert all(a != b for a, b in pairwise(openings))
        assert len(set(points)) == 12
    # Subscribers start at different places, so one morning brings different points.
    first_day = [sender.to(chat)[0] for chat in chats]
    assert len(set(first_day)) == len(chats)


async def test_every_three_days_then_daily_in_the_final_week(
    tmp_path: Path, clock: FakeClock
) -> None:
    application = build_app(_settings(tmp_path, every_days=3), clock=clock)
    try:
        await subscriber(application, "console:ani", "WITA")
        sender = RecordingSender()
        t = ticker(application, sender)
        sent: list[int] = []
        for d in _days("2026-03-01", "2026-03-24"):
            await t.run_due(utc(_morning(d)))
            if sender.take():
                sent.append(d.day)
        # Voting on the 24th: daily from the 17th (H-7); every third day before.
        assert sent == [1, 4, 7, 10, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24]
    finally:
        application.close()


async def test_unsubscribed_and_blocked_people_get_nothing(rapp: App) -> None:
    await subscriber(rapp, "console:ani", "WIB")
    await subscriber(rapp, "console:budi", "WIB")
    await subscriber(rapp, "console:citra", "WIB")
    await rapp.dispatcher.handle(incoming("/berhenti", "console:budi"))
    sender = RecordingSender(blocked={"console:citra"})
    report = await ticker(rapp, sender).run_due(utc("2026-03-05T01:00:00+00:00"))
    assert report.delivery.blocked == 1
    assert [c for c, _k, _t in sender.take()] == ["console:ani"]
    # Citra blocked the bot: she is inactive now, and the next day nobody writes to her.
    report = await ticker(rapp, sender).run_due(utc("2026-03-06T01:00:00+00:00"))
    assert report.reminders == 1 and report.delivery.blocked == 0


def test_run_due_command_time_travels_and_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{db}"\n[logging]\nlevel = "WARNING"\n'
        '[[campaigns]]\nname = "Pilkada 2024"\nstart = 2024-09-25\nend = 2024-11-23\n'
        "voting_day = 2024-11-27\n"
    )
    monkeypatch.setenv("ASNBOT_SECRET_KEY", TEST_SECRET)
    application = build_app(load_settings(config), clock=FakeClock())
    try:
        asyncio.run(subscriber(application, "console:ani", "WITA"))
    finally:
        application.close()
    run_due = ["reminders", "run-due", "--config", str(config), "--now"]
    assert main([*run_due, "2024-11-20T08:00+08:00"]) == 0
    out = capsys.readouterr().out
    assert "[reminder → console:ani]" in out and "H-7 menuju pemungutan suara Pilkada 2024" in out
    assert "reminders queued 1" in out and "sent 1" in out
    assert main([*run_due, "2024-11-20T09:00+08:00"]) == 0  # same local day: nothing
    assert "[reminder" not in capsys.readouterr().out
    assert main([*run_due, "kemarin"]) == 2
    assert "--now" in capsys.readouterr().err
