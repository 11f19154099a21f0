"""A receipt code reaches its tipster, whatever fails (issue 14, item 4).

The code is a tipster's only way back to their tip, and only its hash is
kept with the tip. It is stored sealed in the outbox in the tip's own
transaction, pushed at once, retried like every pushed message until
delivered, then erased; a repeated /kirim answers with it meanwhile.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from bot.config import Settings
from storage.models import Base
from tests.anonymity.conftest import TIPSTER_ID, WA_TIPSTER, Bot, both_settings, running
from tests.conftest import REPO, TEST_SECRET, FakeClock
from tests.fakes.telegram_api import FakeTelegram
from tests.whatsapp.twilio_fake import FakeTwilioApi, twilio_error

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def codes(texts: list[str]) -> list[str]:
    return [m for t in texts for m in CODE.findall(t)]


def stored_text(bot: Bot) -> str:
    """Every value of every row of every table, as one text."""
    out = []
    with bot.app.services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            out += [repr(tuple(row)) for row in conn.execute(table.select())]
    return "\n".join(out)


def receipt_rows(bot: Bot) -> int:
    with bot.app.services.db.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM outbox WHERE kind = 'tip_receipt'")
            ).scalar_one()
        )


async def test_telegram_receipt_survives_four_server_errors(bot: Bot, clock: FakeClock) -> None:
    tg = bot.tg
    clock.now = clock.now.replace(minute=23, second=45)
    await bot.tg_say("/lapor", replies=2)
    await bot.tg_say("Lurah mengerahkan staf ke acara kampanye")
    # Telegram answers 500 to the receipt, four times: the call and its three retries.
    bot.telegram.channel.delivery.max_retries = 3
    tg.fail_next("sendMessage", 500, times=4)
    seen = await bot.tg_say("/kirim", replies=5)
    assert [c.text for c in seen[:4]] == [seen[0].text] * 4 and codes([seen[0].text])
    follow_up = seen[4].text
    assert "pesan tersendiri" in follow_up and "/kirim" in follow_up and not codes([follow_up])
    assert receipt_rows(bot) == 1

    # The tipster asks again and gets the code of the tip just sent; no second tip.
    (again,) = await bot.tg_say("/kirim")
    (code,) = codes([again.text])
    assert "baru Anda kirim" in again.text
    with bot.app.services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tips")).scalar_one() == 1
    # Meanwhile the code is stored only sealed.
    assert code not in stored_text(bot) and code.replace("-", "") not in stored_text(bot)

    # The outbox retries it (at the next whole hour: times tied to a tip are kept to
    # the hour) and, once delivered, forgets it.
    assert (await bot.tick()).delivery.sent == 1  # the admin's alert, not the receipt yet
    assert receipt_rows(bot) == 1
    clock.now = clock.now.replace(minute=0, second=5) + timedelta(hours=1)
    assert (await bot.tick()).delivery.sent == 1
    delivered = tg.sent(TIPSTER_ID)[-1].text
    assert codes([delivered]) == [code] and "Kode tanda terima" in delivered
    assert receipt_rows(bot) == 0


def without_codes(replies: list[str]) -> list[str]:
    """On WhatsApp the receipt is a message of its own, usually before the reply."""
    return [r for r in replies if not codes([r])]


async def test_whatsapp_receipt_goes_through_the_api_and_is_retried(
    bot: Bot, clock: FakeClock
) -> None:
    api = bot.twilio
    await bot.wa("/lapor")
    await bot.wa("Sekda memakai mobil dinas untuk kampanye")
    api.body_errors["tanda terima laporan Anda:*"] = twilio_error(
        500, 20500, "Internal Server Error"
    )
    (follow_up,) = without_codes(await bot.wa("/kirim"))
    assert "pesan tersendiri" in follow_up
    assert receipt_rows(bot) == 1
    del api.body_errors["tanda terima laporan Anda:*"]
    clock.now += timedelta(hours=1)
    await bot.tick()
    tried = [m["Body"][0] for m in api.sent if m["To"] == [WA_TIPSTER] and codes(m["Body"])]
    assert len(tried) == 2 and tried[0] == tried[1]  # refused once, then accepted
    assert len(codes(tried[-1:])) == 1 and receipt_rows(bot) == 0
    # Answered within the 24-hour window, as free text to the number that wrote.
    assert api.sent[-1]["From"] == ["whatsapp:+14155238886"]


async def test_when_all_goes_well_the_code_is_sent_once_and_erased(bot: Bot) -> None:
    await bot.wa("/lapor")
    await bot.wa("Camat hadir di deklarasi paslon")
    (follow_up,) = without_codes(await bot.wa("/kirim"))
    sent = [m["Body"][0] for m in bot.twilio.sent]
    assert len(codes(sent)) == 1 and "pesan tersendiri" in follow_up
    assert receipt_rows(bot) == 0
    assert codes(sent)[0] not in stored_text(bot)


KILLED_AFTER_COMMIT = """
import asyncio, os, sys
from datetime import datetime
from bot.channels.telegram import telegram_component
from bot.config import load_settings
from bot.wiring import build_app
from handlers.messages import Incoming
from handlers.pushnow import PUSHER

at = datetime.fromisoformat(sys.argv[1])
app = build_app(load_settings(sys.argv[2]), clock=lambda: at)
telegram_component(app)  # the Telegram sender, as `asnbot run` has it


class DiesBeforeSending:
    def can_push(self, channel):
        return True

    async def push(self, keys):
        os._exit(9)  # the tip is committed; the process is gone before the code is sent


app.services.extra[PUSHER] = DiesBeforeSending()


async def main():
    for words in ("/lapor", "Kepala sekolah mengarahkan guru memilih paslon", "/kirim"):
        msg = Incoming("telegram", "telegram:55501234", "55501234", text=words)
        await app.dispatcher.handle(msg)


asyncio.run(main())
"""


def settings_env(settings: Settings) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ASNBOT_STORAGE_URL": settings.storage.url,
        "ASNBOT_STORAGE_MEDIA_DIR": settings.storage.media_dir,
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "TELEGRAM_BOT_TOKEN": settings.secrets.telegram_bot_token,
        "ASNBOT_TELEGRAM_API_BASE_URL": settings.telegram.api_base_url,
    }


async def test_a_crash_between_the_tip_and_its_code_loses_nothing(
    db_url: str,
    tmp_path: Path,
    clock: FakeClock,
    fake_telegram: FakeTelegram,
    twilio_api: FakeTwilioApi,
) -> None:
    settings = both_settings(db_url, tmp_path, fake_telegram, twilio_api)
    clock.now = clock.now.replace(minute=23, second=45)
    # Migrate first, so the other process does not race us to it.
    async for _bot in running(settings, clock, fake_telegram, twilio_api):
        pass
    died = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-c",
            KILLED_AFTER_COMMIT,
            clock.now.isoformat(),
            str(REPO / "config.toml"),
        ],
        env=settings_env(settings),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert died.returncode == 9, died.stderr
    assert fake_telegram.sent(TIPSTER_ID) == []  # the tipster heard nothing

    # Restarted: the tip is there, and so is its code, on its way.
    clock.now += timedelta(minutes=1)
    async for bot in running(settings, clock, fake_telegram, twilio_api):
        assert receipt_rows(bot) == 1
        # The tipster, told nothing, sends /kirim again: the code of the tip just sent.
        (again,) = await bot.tg_say("/kirim")
        assert "baru Anda kirim" in again.text
        (code,) = codes([again.text])
        # The scheduler delivers the stored receipt too, and then forgets it.
        clock.now += timedelta(hours=1)
        await bot.tick()
        assert codes([fake_telegram.sent(TIPSTER_ID)[-1].text]) == [code]
        assert receipt_rows(bot) == 0


async def test_a_console_tip_shows_its_code_inline(
    sqlite_url: str,
    tmp_path: Path,
    clock: FakeClock,
    fake_telegram: FakeTelegram,
    twilio_api: FakeTwilioApi,
) -> None:
    """The console has no outbox sender: the code is in the answer itself, and nothing waits."""
    settings = both_settings(sqlite_url, tmp_path, fake_telegram, twilio_api)
    settings = replace(settings, secrets=replace(settings.secrets, telegram_bot_token=""))
    from bot.wiring import build_app
    from tests.conftest import incoming

    app = build_app(settings, clock=clock)
    try:
        for words in ("/lapor", "Camat membagikan stiker paslon"):
            await app.dispatcher.handle(incoming(words))
        (out,) = await app.dispatcher.handle(incoming("/kirim"))
        assert len(codes([out.text])) == 1
        with app.services.db.engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM outbox WHERE kind = 'tip_receipt'")
                ).scalar_one()
                == 0
            )
    finally:
        app.close()
