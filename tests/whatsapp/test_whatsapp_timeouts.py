"""Twilio that hangs: replies and pushes go out once after a timeout, a hanging media
download costs the person one polite line (never their words), and the webhook still
answers at once, far inside Twilio's 15 seconds."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.channels.whatsapp.component import WhatsAppComponent
from bot.channels.whatsapp.send import SharedSession
from bot.config import Settings
from bot.delivery import OutboxDispatcher
from bot.wiring import App
from storage import outbox
from tests.conftest import FakeClock, make_settings
from tests.whatsapp.twilio_fake import (
    CITIZEN,
    FakeTwilioApi,
    Phone,
    inbound_form,
    post_signed,
    whatsapp_settings,
)

TIMEOUT = 1.0  # generous: the suite shares a loaded machine
HANG = 2.5  # well past the timeout: the first try is abandoned
OTHER = "whatsapp:+6281299990000"
WEBHOOK = "/whatsapp/webhook"
TWILIO_BUDGET = 15.0  # seconds Twilio waits for a webhook's answer


@pytest.fixture
def wa_settings(sqlite_url: str, tmp_path: Path, twilio_api: FakeTwilioApi) -> Settings:
    base = make_settings(sqlite_url, tmp_path)
    return whatsapp_settings(base, twilio_api.url, media_timeout_seconds=TIMEOUT)


@pytest.fixture
async def component(wa_app: App) -> AsyncIterator[WhatsAppComponent]:
    comp = WhatsAppComponent(wa_app, twilio_http=SharedSession(timeout=TIMEOUT))
    await comp.start()
    yield comp
    await comp.stop()


def bodies_to(api: FakeTwilioApi, who: str) -> list[str]:
    return [m["Body"][0] for m in api.sent if m["To"] == [who] and "Body" in m]


async def test_a_hanging_reply_is_sent_again_once_and_others_are_answered_meanwhile(
    phone: Phone, twilio_api: FakeTwilioApi
) -> None:
    twilio_api.hangs[CITIZEN] = [HANG]
    for who in (CITIZEN, OTHER):
        resp = await post_signed(phone.web, WEBHOOK, inbound_form("/menu", who))
        assert resp.status_code == 200
    await phone.component.inbox.idle()
    mine, theirs = bodies_to(twilio_api, CITIZEN), bodies_to(twilio_api, OTHER)
    assert mine == theirs and "Apa yang bisa saya bantu" in mine[0]  # once, whole
    order = [m["To"][0] for m in twilio_api.sent]
    assert order.index(OTHER) < order.index(CITIZEN)  # not held up behind the hang
    assert [r.form["To"] for r in twilio_api.abandoned] == [[CITIZEN]]


async def test_a_push_that_hangs_stays_in_the_outbox_and_goes_out_once_later(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi, clock: FakeClock
) -> None:
    await phone.say("halo")  # opens the 24-hour window: the push may be free text
    before = len(bodies_to(twilio_api, CITIZEN))
    s = wa_app.services
    dispatcher = OutboxDispatcher(s.db, s.renderer, s.extra["senders"], s.clock)
    new = outbox.NewMessage("r-1", "reminder", "whatsapp", CITIZEN, "menu", {}, "id")
    await outbox.enqueue(s.db, [new], clock())
    twilio_api.hangs[CITIZEN] = [HANG]
    assert (await dispatcher.drain()).sent == 0
    clock.now += timedelta(minutes=5)  # past the outbox's backoff
    assert (await dispatcher.drain()).sent == 1
    assert (await dispatcher.drain()).sent == 0
    pushed = bodies_to(twilio_api, CITIZEN)[before:]
    assert len(pushed) == 1 and "Apa yang bisa saya bantu" in pushed[0]
    assert len(twilio_api.abandoned) == 1


async def test_a_hanging_photo_download_costs_a_polite_line_not_the_tip(
    phone: Phone, twilio_api: FakeTwilioApi
) -> None:
    twilio_api.media["ME1"] = b"\xff\xd8\xff\xe0" + b"photo" * 100
    twilio_api.media_hangs["ME1"] = HANG
    await phone.say("/lapor")
    form = inbound_form(
        "Kepala dinas membagikan stiker paslon di apel pagi",
        NumMedia="1",
        MediaUrl0=twilio_api.media_url("ME1"),
        MediaContentType0="image/jpeg",
    )
    before = len(bodies_to(twilio_api, CITIZEN))
    started = time.monotonic()
    resp = await post_signed(phone.web, WEBHOOK, form)
    acknowledged = time.monotonic() - started
    assert resp.status_code == 200 and "<Message" not in resp.text
    assert acknowledged < min(TIMEOUT, TWILIO_BUDGET), f"the webhook waited {acknowledged:.2f}s"
    await phone.component.inbox.idle()
    noted = "\n".join(bodies_to(twilio_api, CITIZEN)[before:])
    assert "Foto tidak berhasil diunduh" in noted and "kirim ulang" in noted
    assert "1 pesan teks" in noted, noted  # the words were kept
    sent = await phone.say("kirim")
    assert any("Laporan terkirim" in m for m in sent)
