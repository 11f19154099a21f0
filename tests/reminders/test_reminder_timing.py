"""When reminders may go out: zones, the local hour, quiet hours, cadence (pure rules)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_settings
from handlers.reminders.timing import Policy, parse_zone
from tests.reminders.helpers import utc


def test_one_instant_reaches_some_zones_and_not_others() -> None:
    policy = Policy()  # 07:30, quiet 21:00-06:00
    at = utc("2026-03-10T23:45:00+00:00")  # 06:45 WIB, 07:45 WITA, 08:45 WIT on the 11th
    assert policy.sending_day("WIB", at) is None
    assert policy.sending_day("WITA", at) == date(2026, 3, 11)
    assert policy.sending_day("WIT", at) == date(2026, 3, 11)


def test_quiet_hours_hold_back_even_a_late_reminder() -> None:
    policy = Policy()
    assert policy.sending_day("WIB", utc("2026-03-11T13:59:00+00:00")) == date(2026, 3, 11)
    assert policy.sending_day("WIB", utc("2026-03-11T14:00:00+00:00")) is None  # 21:00 WIB
    assert policy.sending_day("WIT", utc("2026-03-11T20:30:00+00:00")) is None  # 05:30 WIT


def test_quiet_hours_that_do_not_span_midnight() -> None:
    policy = Policy.parse("07:30", "12:00-13:00", 1)
    assert policy.sending_day("WIB", utc("2026-03-11T05:30:00+00:00")) is None  # 12:30
    assert policy.sending_day("WIB", utc("2026-03-11T06:30:00+00:00")) == date(2026, 3, 11)


def test_a_push_in_quiet_hours_is_released_when_they_end_in_that_zone() -> None:
    policy = Policy()  # quiet 21:00-06:00
    evening = utc("2026-03-11T22:30:00+07:00")
    assert policy.release("WIB", evening) == utc("2026-03-12T06:00:00+07:00")
    after_midnight = utc("2026-03-12T02:00:00+09:00")
    assert policy.release("WIT", after_midnight) == utc("2026-03-12T06:00:00+09:00")
    noon = utc("2026-03-11T12:00:00+08:00")
    assert policy.release("WITA", noon) is noon
    lunch = Policy.parse("07:30", "12:00-13:00", 1)
    assert lunch.release("WIB", utc("2026-03-11T12:30:00+07:00")) == utc(
        "2026-03-11T13:00:00+07:00"
    )
    assert lunch.release("WIB", utc("2026-03-11T13:00:00+07:00")) == utc(
        "2026-03-11T13:00:00+07:00"
    )


def test_cadence_every_three_days_but_daily_in_the_final_week() -> None:
    policy = Policy(every_days=3)
    d = date(2026, 3, 10)
    assert policy.wants(None, d, days_left=20)
    assert not policy.wants(date(2026, 3, 9), d, days_left=20)
    assert policy.wants(date(2026, 3, 7), d, days_left=20)
    assert policy.wants(date(2026, 3, 9), d, days_left=7)
    assert not policy.wants(d, d, days_left=3)  # at most one per local day


def test_zone_names_are_read_loosely_and_unknown_ones_refused() -> None:
    assert parse_zone(" wita ") == "WITA"
    assert parse_zone("GMT+7") is None


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ('[reminders]\nlocal_time = "22:00"\n', "falls inside quiet_hours"),
        ('[reminders]\nquiet_hours = "21:00"\n', "not like 21:00-06:00"),
        ('[reminders]\nlocal_time = "7.30"\n', "not a time like 07:30"),
        ("[reminders]\nevery_days = 0\n", "every_days"),
        (
            '[[campaigns]]\nname = "A"\nstart = 2026-03-10\nend = 2026-03-01\n'
            "voting_day = 2026-03-12\n",
            "end is before start",
        ),
        (
            '[[campaigns]]\nname = "A"\nstart = 2026-03-01\nend = 2026-03-10\n'
            "voting_day = 2026-03-12\n"
            '[[campaigns]]\nname = "B"\nstart = 2026-03-12\nend = 2026-03-20\n'
            "voting_day = 2026-03-22\n",
            "overlaps A",
        ),
        ('[[campaigns]]\nname = "A"\nstart = "1 Maret"\nend = 2026-03-10\n', "missing voting_day"),
        (
            '[[campaigns]]\nname = "A"\nstart = "1 Maret"\nend = 2026-03-10\n'
            "voting_day = 2026-03-12\n",
            "not a date",
        ),
    ],
)
def test_bad_reminder_config_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], section: str, message: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(section)
    with pytest.raises(ConfigError, match=message):
        load_settings(path, env={})
    assert main(["reminders", "run-due", "--config", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_campaign_dates_with_an_offset_are_in_that_zone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[[campaigns]]\nname = "Pilkada Bali"\nstart = 2026-03-01T00:00:00+08:00\n'
        'end = "2026-03-10T00:00:00+08:00"\nvoting_day = 2026-03-12T00:00:00+08:00\n'
    )
    (campaign,) = load_settings(path, env={}).campaigns
    assert campaign.offset_minutes == 8 * 60
    # 16:30 UTC on the 28th is already the 1st in WITA, still the 28th in WIB.
    assert campaign.day_at(utc("2026-02-28T16:30:00+00:00")) == date(2026, 3, 1)
    assert Policy.parse("07:30", "21:00-06:00", 1).local_time == time(7, 30)
