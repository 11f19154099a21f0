"""/langganan and /berhenti as a civil servant meets them, on a button-less channel too."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.wiring import App
from handlers.markup import to_plain
from handlers.messages import Outgoing
from handlers.roles import Role
from storage import outbox, subscribers
from tests.conftest import incoming
from tests.reminders.helpers import RecordingSender, ticker


async def say(app: App, text: str = "", who: str = "console:ani", **kw: object) -> list[Outgoing]:
    return await app.dispatcher.handle(incoming(text, who, **kw), numbered=True)


def plain(out: list[Outgoing]) -> str:
    return "\n".join(to_plain(o.text) for o in out)


async def mine(app: App, who: str = "console:ani") -> list[subscribers.SubscriberInfo]:
    return await subscribers.of(app.services.db, app.services.pseudonyms.of(who))


async def test_zone_by_button_office_by_button_then_confirmed(app: App) -> None:
    app.services.roles.offices["telegram:2002"] = "BKPSDM Kota Bandung"  # type: ignore[index]
    out = await say(app, "/langganan")
    assert [b.payload for b in out[0].buttons] == ["sub:tz:WIB", "sub:tz:WITA", "sub:tz:WIT"]
    out = await say(app, payload="sub:tz:WITA")
    assert "WITA" in plain(out)
    assert [b.label for b in out[0].buttons] == ["BKPSDM Kota Bandung", "⏭️ Lewati"]
    out = await say(app, "1")  # the numbered list: the first office
    assert "Berlangganan" in plain(out) and "BKPSDM Kota Bandung" in plain(out)
    assert "/berhenti" in plain(out)
    (sub,) = await mine(app)
    assert (sub.tz, sub.office, sub.channel, sub.active) == (
        "WITA",
        "BKPSDM Kota Bandung",
        "console",
        True,
    )


async def test_zone_as_argument_office_typed_and_matched_to_the_known_name(app: App) -> None:
    app.services.roles.offices["telegram:2002"] = "BKPSDM Kota Bandung"  # type: ignore[index]
    await say(app, "/langganan wit")
    out = await say(app, "bkpsdm   kota bandung")
    (sub,) = await mine(app)
    assert (sub.tz, sub.office) == ("WIT", "BKPSDM Kota Bandung")
    assert "WIT" in plain(out)


async def test_skipping_the_office_and_the_menu_entry(app: App) -> None:
    out = await say(app, payload="menu:pengingat")
    assert "zona waktu" in plain(out).lower()
    await say(app, "WIB")
    out = await say(app, "Lewati")  # the words of the button work too
    (sub,) = await mine(app)
    assert (sub.tz, sub.office) == ("WIB", None)
    assert "kantor" not in plain(out).split("\n")[1]


async def test_unknown_time_zone_gets_a_clear_reply_and_nothing_is_stored(app: App) -> None:
    out = await say(app, "/langganan GMT+7")
    assert "GMT+7" in plain(out) and "WIB, WITA, atau WIT" in plain(out)
    assert len(out[0].buttons) == 3
    out = await say(app, "Asia/Jakarta")
    assert "Asia/Jakarta" in plain(out)
    assert await mine(app) == []


async def test_a_question_while_asked_for_the_office_is_answered_not_stored(app: App) -> None:
    await say(app, "/langganan WIB")
    out = await say(app, "pns boleh like status caleg?")
    assert "Berlangganan" not in plain(out)
    assert await mine(app) == []


async def test_outside_a_campaign_the_confirmation_says_so(app: App) -> None:
    out = await say(app, "/langganan WIB")
    out = await say(app, payload="sub:office:-")
    assert "bukan masa kampanye" in plain(out)


async def test_stop_takes_effect_at_once_even_for_a_queued_reminder(app: App) -> None:
    await say(app, "/langganan WIB")
    await say(app, payload="sub:office:-")
    (sub,) = await mine(app)
    now = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    queued = outbox.NewMessage("reminder:x", "reminder", "console", sub.chat, "reminder", {})
    await outbox.enqueue(app.services.db, [queued], now)
    out = await say(app, "berhenti")  # a bare word, as typed on WhatsApp
    assert "berhenti berlangganan" in plain(out).lower()
    assert [s.active for s in await mine(app)] == [False]
    sender = RecordingSender()
    await ticker(app, sender).run_due(now)
    assert sender.got == []
    out = await say(app, "/berhenti")
    assert "tidak sedang berlangganan" in plain(out)


async def test_english_speakers_get_english_texts(app: App) -> None:
    await say(app, "/language en")
    out = await say(app, "/subscribe")
    assert "Choose your time zone" in plain(out)
    out = await say(app, "/subscribe zulu")
    assert 'I do not know the time zone "zulu"' in plain(out)


async def test_help_documents_scheduling_for_hr_and_campaigns_for_admins(app: App) -> None:
    app.services.roles.granted["console:boss"] = frozenset({Role.ADMIN})  # type: ignore[index]
    text = plain(await say(app, "/bantuan", who="console:boss"))
    assert "/siaran 2026-12-01T08:00 TEKS" in text and "/kampanye" in text
    assert "/siaran" not in plain(await say(app, "/bantuan"))


async def test_a_number_beyond_the_choices_is_not_taken_as_an_office(app: App) -> None:
    await say(app, "/langganan wita")
    out = await say(app, "3")  # only [1] Lewati is shown: a slip, not an office called "3"
    assert "kantor atau instansi" in plain(out)
    assert await mine(app) == []
