"""Broadcasts keep each subscriber's quiet hours (21:00-06:00 in their own zone) unless the
officer marks one urgent; the preview says who gets it later, and when."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.scheduler import SchedulerComponent
from bot.wiring import App
from handlers.markup import to_plain
from handlers.messages import Outgoing
from storage import audit
from tests.conftest import FakeClock, incoming
from tests.reminders.helpers import RecordingSender, officer_app, subscriber, ticker, utc

OFFICER = "console:hr-nasional"
OFFICE = "BKN Kantor Regional"


@pytest.fixture
def hrapp(settings: Settings, clock: FakeClock, db_url: str) -> Iterator[App]:
    application = officer_app(settings, clock, db_url, OFFICER, OFFICE)
    yield application
    application.close()


async def say(app: App, text: str = "", **kw: object) -> list[Outgoing]:
    return await app.dispatcher.handle(incoming(text, OFFICER, **kw))


def plain(out: list[Outgoing]) -> str:
    return "\n".join(to_plain(o.text) for o in out)


async def everyone(app: App) -> None:
    for chat, tz in (("console:jkt1", "WIB"), ("console:jkt2", "WIB"), ("console:mks", "WITA")):
        await subscriber(app, chat, tz, OFFICE)
    await subscriber(app, "console:jpr", "WIT", OFFICE)


async def test_a_broadcast_at_2230_wib_waits_for_the_morning_in_each_zone(
    hrapp: App, clock: FakeClock
) -> None:
    await everyone(hrapp)
    out = await say(hrapp, "/siaran 2026-12-07T22:30 Apel besok pukul 07.30")
    preview = plain(out)
    assert "4 pelanggan" in preview
    # 22:30 WIB is 23:30 WITA and 00:30 WIT: quiet for all four, each until 06:00 at home.
    assert "2 penerima di WIB: 2026-12-08 pukul 06:00 WIB" in preview
    assert "1 penerima di WITA: 2026-12-08 pukul 06:00 WITA" in preview
    assert "1 penerima di WIT: 2026-12-08 pukul 06:00 WIT" in preview
    assert [b for o in out for b in o.buttons if b.payload.startswith("bc:urgent:")]
    await say(hrapp, "/ya")

    sender = RecordingSender()
    scheduler = SchedulerComponent(hrapp, ticker(hrapp, sender))

    def got(chat: str) -> list[str]:
        return sender.to(chat, "broadcast")

    clock.now = utc("2026-12-07T22:31:00+07:00")
    await scheduler.tick()
    assert sender.got == []
    clock.now = utc("2026-12-08T05:59:00+09:00")  # a minute before dawn in Jayapura
    await scheduler.tick()
    assert got("console:jpr") == []
    clock.now = utc("2026-12-08T06:00:00+09:00")
    await scheduler.tick()
    assert len(got("console:jpr")) == 1 and got("console:mks") == []
    clock.now = utc("2026-12-08T06:00:00+08:00")
    await scheduler.tick()
    assert len(got("console:mks")) == 1 and got("console:jkt1") == []
    clock.now = utc("2026-12-08T06:00:00+07:00")
    await scheduler.tick()
    assert len(got("console:jkt1")) == len(got("console:jkt2")) == 1
    (report,) = sender.to(OFFICER, "notice")
    assert "Terkirim: 4 dari 4" in report


async def test_an_urgent_broadcast_goes_out_at_once_even_at_night(
    hrapp: App, clock: FakeClock
) -> None:
    await everyone(hrapp)
    clock.now = utc("2026-12-07T22:30:00+07:00")
    out = await say(hrapp, "/siaran Kantor tutup besok karena banjir")
    urgent = next(b.payload for o in out for b in o.buttons if b.payload.startswith("bc:urgent:"))
    queued = plain(await say(hrapp, payload=urgent))
    assert "mendesak" in queued.lower()
    sender = RecordingSender()
    await SchedulerComponent(hrapp, ticker(hrapp, sender)).tick()
    for chat in ("console:jkt1", "console:jkt2", "console:mks", "console:jpr"):
        assert len(sender.to(chat, "broadcast")) == 1
    (entry, *_) = await audit.recent(hrapp.services.db)
    assert entry.action == "broadcast.create" and "urgent" in (entry.detail or "")


async def test_in_the_daytime_nothing_waits_and_no_urgent_button_is_offered(
    hrapp: App, clock: FakeClock
) -> None:
    await everyone(hrapp)
    clock.now = utc("2026-12-07T09:00:00+07:00")  # 09:00 WIB, 10:00 WITA, 11:00 WIT
    out = await say(hrapp, "/siaran Rapat koordinasi pukul 13.00")
    assert "jam tenang" not in plain(out)
    assert not [b for o in out for b in o.buttons if b.payload.startswith("bc:urgent:")]
    await say(hrapp, "/ya")
    sender = RecordingSender()
    await SchedulerComponent(hrapp, ticker(hrapp, sender)).tick()
    assert len([c for c, k, _ in sender.got if k == "broadcast"]) == 4
