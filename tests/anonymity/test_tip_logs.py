"""Nothing logged during a tip names the tipster (issue 14, item 2).

A pseudonym next to the time of a photo refusal in the middle of a tip lets
whoever holds the logs (and the key) confirm a suspect. These tests send tips
through every way a tip can go wrong, on both channels, with the log handler
``asnbot`` installs, and search everything it wrote for the person's ids.
"""

from __future__ import annotations

import asyncio
import io
import json

import pytest

from handlers.tips import intake
from tests.anonymity.conftest import TIPSTER_ID, WA_TIPSTER, Bot, jpeg
from tests.whatsapp.twilio_fake import inbound_form, twilio_error


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


# Logged on both channels during the tips below: each failure path was taken.
FAILURES = {
    "photo refused",
    "attachment download failed",
    "dispatch failed",
    "pushed message not delivered",
}


async def logged(
    logs: io.StringIO, msg: str, route: str | None = None, within: float = 10.0
) -> dict[str, object]:
    """The first line logged as ``msg`` (on ``route``), once it is written.

    Waiting for replies is not enough where a send fails: the fake counts the failed
    call, and the retry, the apology and their log lines can come after the test moved
    on (seen on a loaded machine)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        for line in lines(logs):
            if line["msg"] == msg and (route is None or line.get("route") == route):
                return line
        assert asyncio.get_running_loop().time() < deadline, f"{msg!r} ({route}) never logged"
        await asyncio.sleep(0.02)


def assert_anonymous(logs: io.StringIO, failures: set[str], ids: tuple[str, ...]) -> None:
    """Every failure was logged, and no line holds the ids, the pseudonym or its prefix."""
    assert FAILURES | failures <= {str(line["msg"]) for line in lines(logs)}
    written = logs.getvalue()
    for needle in {*ids, ids[0][:12], *(i.lstrip("+") for i in ids)}:
        assert needle not in written, needle


def crash_while_reading_a_tip(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    """The next tip text makes the handler fail the way a database can, naming the key."""

    async def boom(*_args: object) -> object:
        monkeypatch.undo()
        raise RuntimeError(f"duplicate key value violates unique constraint: (who)=({who})")

    monkeypatch.setattr(intake, "add_content", boom)


async def test_a_telegram_tip_gone_wrong_every_way_logs_no_identifier(
    bot: Bot, logs: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = bot.app.services.pseudonyms.of(f"telegram:{TIPSTER_ID}")
    tg = bot.tg
    await bot.tg_say("/lapor", replies=2)
    # A photo over the size limit: refused at the channel's edge, before any download.
    tg.add_file("huge", b"x" * 10, size=5_000_000)
    assert "terlalu besar" in (await bot.tg_photo("huge", size=5_000_000))[0].text
    # A "photo" that does not decode.
    tg.add_file("junk", b"\xff\xd8\xff\xe0 not really a jpeg")
    await bot.tg_photo("junk")
    # A download that fails on Telegram's side (getFile does not know the file).
    await bot.tg_photo("gone")
    # The handler crashes.
    crash_while_reading_a_tip(monkeypatch, who)
    assert "gangguan" in (await bot.tg_say("Camat kampanye di balai desa"))[0].text
    await bot.tg_say("Camat kampanye di balai desa")
    # Telegram fails to take a reply (500 on the call and its retry).
    tg.add_file("ok", jpeg())
    tg.fail_next("sendMessage", 500, times=2)
    await bot.tg_photo("ok")
    await logged(logs, "telegram update failed")
    # The receipt code cannot be pushed either; it is left to the scheduler.
    tg.fail_next("sendMessage", 500, times=2)
    await bot.tg_say("/kirim", replies=2)
    await logged(logs, "pushed message not delivered")
    await bot.tg_say("/kirim")  # the code again, inline

    failures = {"notice", "telegram update failed"}
    assert_anonymous(logs, failures, (who, str(TIPSTER_ID), f"telegram:{TIPSTER_ID}"))

    # After the tip, an ordinary question is logged with the pseudonym again.
    await bot.tg_say("/batal")
    await bot.tg_say("halo")
    assert (await logged(logs, "handled", route="text"))["who"] == who[:12]


async def test_a_whatsapp_tip_gone_wrong_every_way_logs_no_identifier(
    bot: Bot, logs: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = bot.app.services.pseudonyms.of(WA_TIPSTER)
    api = bot.twilio
    number = WA_TIPSTER.removeprefix("whatsapp:")

    def media(*names: str) -> dict[str, str]:
        fields = {"NumMedia": str(len(names))}
        for i, name in enumerate(names):
            fields[f"MediaUrl{i}"] = api.media_url(name)
            fields[f"MediaContentType{i}"] = "image/jpeg"
        return fields

    await bot.wa("/lapor")
    # Eleven photos at once: more than Twilio's own limit.
    await bot.post(inbound_form("", WA_TIPSTER, **media(*[f"M{i}" for i in range(11)])))
    # A photo over the size limit, one that does not decode, one the media host lost.
    api.media |= {"BIG": b"\xff\xd8" + b"x" * 6_000_000, "JUNK": b"\xff\xd8 not a jpeg"}
    await bot.post(inbound_form("", WA_TIPSTER, **media("BIG", "JUNK", "LOST")))
    # The handler crashes.
    crash_while_reading_a_tip(monkeypatch, who)
    assert "gangguan" in (await bot.wa("Kades membagikan sembako paslon"))[0]
    await bot.wa("Kades membagikan sembako paslon")
    # Twilio refuses to take the receipt code: it stays in the outbox for a retry.
    api.body_errors["tanda terima laporan Anda:*"] = twilio_error(
        500, 20500, f"Internal error sending to {number}"
    )
    assert any("/kirim" in r for r in await bot.wa("/kirim"))
    del api.body_errors["tanda terima laporan Anda:*"]
    await bot.wa("/kirim")

    assert_anonymous(logs, {"whatsapp: too many media"}, (who, number, WA_TIPSTER))
