"""No stored time can link a tipster to their tip (issue 14, item 1).

A tip is stamped to the hour. If anything else in the database, a subscriber
row, a WhatsApp window, the outbox row of the admins' alert, kept the exact
instant, anyone able to read the tables could join the two and name the
tipster. These tests send tips the way people do and then look at every
timestamp the database holds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, select

from storage import attempts, whatsapp
from storage.db import Database
from storage.grain import is_whole_hour
from storage.models import Base
from tests.anonymity.conftest import ADMIN_ID, TIPSTER_ID, WA_TIPSTER, Bot, jpeg
from tests.conftest import FakeClock

STEP = timedelta(seconds=7, microseconds=123_457)


def timestamps(db: Database) -> list[tuple[str, datetime]]:
    """Every value of every date-time column of every table in the models, as
    ``("table.column", value)``: a table added later is walked too."""
    found = []
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                # UtcDateTime and any other decorator over a DateTime count too.
                if not isinstance(getattr(column.type, "impl", column.type), DateTime):
                    continue
                for (value,) in conn.execute(select(column).where(column.is_not(None))):
                    at = value if value.tzinfo else value.replace(tzinfo=UTC)
                    found.append((f"{table.name}.{column.name}", at))
    return found


def too_fine(db: Database, tips_sent_at: list[datetime]) -> list[tuple[str, datetime]]:
    """The stored instants that could single out a tip's moment.

    A value is one when it lies less than an hour from the moment a tip was
    sent and is not a whole hour (minutes, seconds or microseconds not zero).
    A whole hour says no more than the tip's own ``created_at`` already does;
    a finer value this close to the tip, in any table, could be matched
    against it or against the moment someone wrote to the bot. Values further
    away than an hour are about something else and may be as precise as they
    need to be.
    """
    return [
        (where, at)
        for where, at in timestamps(db)
        if any(abs(at - sent) < timedelta(hours=1) for sent in tips_sent_at)
        and not is_whole_hour(at)
    ]


async def test_no_time_near_a_tip_is_finer_than_an_hour(bot: Bot, clock: FakeClock) -> None:
    db = bot.app.services.db
    clock.now = clock.now.replace(minute=23, second=45, microsecond=678_901)
    sent_at = []

    def later() -> None:
        clock.now += STEP

    # A WhatsApp subscriber (the chat's number is stored, with when it last wrote)…
    await bot.wa("/langganan WIB")
    later()
    assert "Berlangganan" in (await bot.wa("1"))[0]
    later()
    # …sends a tip, and asks to be told of replies.
    await bot.wa("/lapor")
    later()
    await bot.wa("Camat memasang baliho paslon di kantor kecamatan")
    later()
    sent_at.append(clock.now)
    follow_up = await bot.wa("/kirim")
    assert any("pesan tersendiri" in r for r in follow_up)
    # the code, pushed through the API as a message of its own
    (receipt,) = [m["Body"][0] for m in bot.twilio.sent if "laporan Anda:*" in m["Body"][0]]
    assert "Kode tanda terima" in receipt
    later()
    assert "diberi tahu" in (await bot.wa("1"))[0]

    # A Telegram tipster with a photo, minutes later in the same hour.
    clock.now += timedelta(minutes=4)
    bot.tg.add_file("bukti", jpeg())
    await bot.tg_say("/lapor", replies=2)
    later()
    await bot.tg_say("ASN dinas ikut kampanye saat jam kerja")
    later()
    await bot.tg_photo("bukti")
    later()
    sent_at.append(clock.now)
    code_and_question = await bot.tg_say("/kirim", replies=2)
    assert "Kode tanda terima" in code_and_question[0].text
    later()
    await bot.tg_press("tipview:notify:on")

    # As stored right after the tips (the admins' alerts still waiting):
    assert too_fine(db, sent_at) == []

    # The admin's alerts fail (Telegram 500) and wait for a retry; the admin
    # claims the first tip from the chat and replies, which tells the tipster.
    later()
    # Both alerts, each on its call and its retry: they go out side by side, so with
    # only two failures which alert got them (one each: both sent now) was a race.
    bot.tg.fail_next("sendMessage", 500, times=4)
    await bot.tick()
    later()
    await bot.tg_press("tipadm:claim:1", who=ADMIN_ID)
    later()
    await bot.tg_say("/reply 1 Terima kasih, sedang kami cek", who=ADMIN_ID)
    later()
    await bot.tick()
    told = [m["Body"][0] for m in bot.twilio.sent[1:]]
    assert any("Admin membalas" in body for body in told)
    assert too_fine(db, sent_at) == []

    # Next hour: the alert goes out; every row about a tip is gone from the outbox.
    clock.now = clock.now.replace(minute=0) + timedelta(hours=1, seconds=3)
    report = await bot.tick()
    assert report.delivery.sent >= 1 and report.delivery.failed == 0
    alerts = {c.text for c in bot.tg.sent(ADMIN_ID) if "Laporan baru" in c.text}
    assert len(alerts) == 2  # one per tip, the failed ones included
    assert too_fine(db, sent_at) == []
    assert [w for w, _ in timestamps(db) if w.startswith("outbox.")] == []
    # Not vacuous: the walk saw the tables that used to give the tipster away.
    seen = {where for where, _ in timestamps(db)}
    assert {
        "subscribers.last_inbound_at",
        "whatsapp_windows.last_inbound_at",
        "conversations.updated_at",
        "tips.created_at",
        "tips.claimed_at",
        "audit_log.at",
        "tip_events.at",
    } <= seen


async def test_the_walk_sees_what_the_old_code_stored(bot: Bot) -> None:
    """The check itself: one exact instant anywhere near a tip is caught."""
    db = bot.app.services.db
    sent = datetime(2026, 11, 25, 1, 23, 45, 678_901, tzinfo=UTC)
    assert too_fine(db, [sent]) == []
    with db.write() as s:
        from storage.models import WhatsAppWindow

        s.add(WhatsAppWindow(chat_key="x" * 40, last_inbound_at=sent + timedelta(seconds=2)))
    assert too_fine(db, [sent]) == [
        ("whatsapp_windows.last_inbound_at", sent + timedelta(seconds=2))
    ]


async def test_whatsapp_window_is_never_taken_as_open_after_24_hours(
    bot: Bot, clock: FakeClock
) -> None:
    """The window's start is kept to the hour, rounded down: it closes early, never late."""
    wrote = clock.now.replace(minute=59, second=59)
    clock.now = wrote
    await bot.wa("halo")
    db, pseudonyms = bot.app.services.db, bot.app.services.pseudonyms
    stored = await whatsapp.last_inbound(db, pseudonyms.of(WA_TIPSTER))
    assert stored is not None and is_whole_hour(stored)
    open_at = []
    for minutes in range(0, 26 * 60, 5):
        clock.now = wrote + timedelta(minutes=minutes)
        if await bot.whatsapp.sender.window_open(WA_TIPSTER):
            open_at.append(minutes)
    assert open_at[0] == 0 and open_at == list(range(0, open_at[-1] + 1, 5))
    assert open_at[-1] < 24 * 60  # free text never goes out after the real 24 hours


async def test_status_guessing_limit_lasts_at_least_an_hour(bot: Bot, clock: FakeClock) -> None:
    """Failed lookups are kept to the hour, and still count for a full hour at least."""
    db = bot.app.services.db
    clock.now = clock.now.replace(minute=59)
    for _ in range(3):
        await attempts.record_failure(db, "someone", clock.now)
    for later in (timedelta(minutes=1), timedelta(minutes=59)):
        assert await attempts.recent_failures(db, "someone", clock.now + later) == 3
    assert await attempts.recent_failures(db, "someone", clock.now + timedelta(hours=2)) == 0


async def test_telegram_tipster_id_appears_nowhere(bot: Bot) -> None:
    await bot.tg_say("/lapor", replies=2)
    await bot.tg_say("Kepala dinas membagikan kaos paslon")
    await bot.tg_say("/kirim", replies=2)
    await bot.tick()
    with bot.app.services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                assert str(TIPSTER_ID) not in repr(tuple(row)), table.name
