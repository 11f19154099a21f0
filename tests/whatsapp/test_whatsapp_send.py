"""Pushed messages: free text inside the 24-hour window, a Content template outside it,
Twilio's errors mapped for the outbox, and status callbacks updating delivery."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.channels.base import SendStatus
from bot.channels.whatsapp.component import WhatsAppComponent
from bot.delivery import OutboxDispatcher
from bot.wiring import App
from handlers.messages import Outgoing, Photo
from storage import outbox, subscribers
from storage.models import OutboxMessage
from tests.conftest import FakeClock
from tests.whatsapp.twilio_fake import (
    BOT_NUMBER,
    CITIZEN,
    PUBLIC_URL,
    REMINDER_TEMPLATE,
    Answer,
    FakeTwilioApi,
    Phone,
    post_signed,
    sign,
    twilio_error,
)

STATUS = "/whatsapp/status"


async def write_in(phone: Phone, sender: str = CITIZEN) -> None:
    """The person writes (opening the 24-hour window); the answer is not what is tested."""
    assert await phone.say("halo", sender)
    phone.api.server.requests.clear()


async def test_inside_the_window_a_push_is_free_text(
    phone: Phone, component: WhatsAppComponent, twilio_api: FakeTwilioApi
) -> None:
    await write_in(phone)
    result = await component.sender.send(
        CITIZEN, Outgoing("Ingat: *netral* itu wajib."), kind="reminder"
    )
    assert result.status is SendStatus.SENT and result.provider_id
    (sent,) = twilio_api.sent
    assert sent["To"] == [CITIZEN]
    assert sent["From"] == [f"whatsapp:{BOT_NUMBER}"]
    assert sent["Body"] == ["Ingat: *netral* itu wajib."]
    assert sent["StatusCallback"] == [f"{PUBLIC_URL}/whatsapp/status"]
    assert "ContentSid" not in sent


async def test_outside_the_window_the_kind_s_template_is_used(
    phone: Phone,
    component: WhatsAppComponent,
    twilio_api: FakeTwilioApi,
    clock: FakeClock,
) -> None:
    await write_in(phone)
    clock.now += timedelta(hours=25)
    text = "Ingat:\n\n*netral* itu wajib. " + "panjang " * 300
    result = await component.sender.send(CITIZEN, Outgoing(text), kind="reminder")
    assert result.status is SendStatus.SENT
    (sent,) = twilio_api.sent
    assert sent["ContentSid"] == [REMINDER_TEMPLATE]
    assert "Body" not in sent
    variable = json.loads(sent["ContentVariables"][0])["1"]
    assert variable.startswith("Ingat: *netral* itu wajib. panjang")
    assert "\n" not in variable and len(variable) <= 1000 and variable.endswith("…")


async def test_never_written_means_outside_the_window(
    component: WhatsAppComponent, twilio_api: FakeTwilioApi
) -> None:
    result = await component.sender.send(CITIZEN, Outgoing("Halo"), kind="reminder")
    assert result.status is SendStatus.SENT
    assert twilio_api.sent[0]["ContentSid"] == [REMINDER_TEMPLATE]


async def test_outside_the_window_without_a_template_fails_clearly_and_sends_nothing(
    component: WhatsAppComponent, twilio_api: FakeTwilioApi
) -> None:
    result = await component.sender.send(CITIZEN, Outgoing("Siaran"), kind="broadcast")
    assert result.status is SendStatus.FAILED
    assert "24-hour window" in (result.error or "") and "broadcast" in (result.error or "")
    assert twilio_api.sent == []


async def test_photos_in_a_push_go_as_signed_links(
    web: httpx.AsyncClient, phone: Phone, component: WhatsAppComponent, twilio_api: FakeTwilioApi
) -> None:
    await write_in(phone)
    photo = Photo(b"\xff\xd8 alert photo", "image/jpeg")
    out = Outgoing("Laporan baru #12", photos=(photo,))
    result = await component.sender.send(CITIZEN, out, kind="tip_alert")
    assert result.status is SendStatus.SENT
    text_msg, photo_msg = twilio_api.sent
    assert text_msg["Body"] == ["Laporan baru #12"]
    (url,) = photo_msg["MediaUrl"]
    assert url.startswith(f"{PUBLIC_URL}/media/")
    got = await web.get(url.removeprefix(PUBLIC_URL))
    assert got.content == photo.data


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (twilio_error(429, 20429, "Too Many Requests"), SendStatus.RETRY),
        (twilio_error(503, 20503, "Service unavailable"), SendStatus.RETRY),
        (twilio_error(400, 63024, "Invalid message recipient"), SendStatus.BLOCKED),
        (twilio_error(400, 21211, "Invalid 'To' Phone Number"), SendStatus.BLOCKED),
        (twilio_error(400, 21610, "Attempt to send to unsubscribed recipient"), SendStatus.BLOCKED),
        (twilio_error(400, 21617, "The concatenated message body exceeds"), SendStatus.FAILED),
    ],
)
async def test_twilio_errors_are_mapped_for_the_outbox(
    phone: Phone,
    component: WhatsAppComponent,
    twilio_api: FakeTwilioApi,
    answer: Answer,
    status: SendStatus,
) -> None:
    await write_in(phone)
    twilio_api.errors[CITIZEN] = answer
    result = await component.sender.send(CITIZEN, Outgoing("Halo"), kind="reminder")
    assert result.status is status
    assert str(answer.status) in (result.error or "")
    assert "6281234567890" not in (result.error or "")


async def test_twilio_unreachable_is_retried(wa_app: App, component: WhatsAppComponent) -> None:
    component.sender.client.api.base_url = "http://127.0.0.1:9"  # nothing listens there
    result = await component.sender.send(CITIZEN, Outgoing("Halo"), kind="reminder")
    assert result.status is SendStatus.RETRY


def _row(app: App, provider_id: str) -> OutboxMessage:
    with app.services.db.read() as s:
        row = s.scalar(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id))
        assert row is not None
        s.expunge(row)
        return row


async def _push(app: App, component: WhatsAppComponent, chat: str, key: str) -> str:
    db, clock = app.services.db, app.services.clock
    new = outbox.NewMessage(key, "reminder", "whatsapp", chat, "menu", {}, "id")
    assert await outbox.enqueue(db, [new], clock()) == 1
    dispatcher = OutboxDispatcher(db, app.services.renderer, {"whatsapp": component.sender}, clock)
    report = await dispatcher.drain()
    assert report.sent == 1
    with db.read() as s:
        sid = s.scalar(select(OutboxMessage.provider_id).where(OutboxMessage.dedupe_key == key))
    assert sid
    return sid


def status_form(sid: str, state: str, code: str = "", to: str = CITIZEN) -> dict[str, str]:
    form = {
        "MessageSid": sid,
        "SmsSid": sid,
        "MessageStatus": state,
        "SmsStatus": state,
        "To": to,
        "From": f"whatsapp:{BOT_NUMBER}",
        "AccountSid": "AC" + "1" * 32,
        "ApiVersion": "2010-04-01",
        "ChannelPrefix": "whatsapp",
    }
    if code:
        form["ErrorCode"] = code
    return form


async def test_status_callbacks_update_delivery_and_unreachable_numbers_stop_getting_pushes(
    web: httpx.AsyncClient, wa_app: App, component: WhatsAppComponent, twilio_api: FakeTwilioApi
) -> None:
    db, now = wa_app.services.db, wa_app.services.clock()
    other = "whatsapp:+6285550001111"
    for chat in (CITIZEN, other):
        who = wa_app.services.pseudonyms.of(chat)
        await subscribers.subscribe(db, "whatsapp", chat, who, "WIB", None, "id", now)

    sid = await _push(wa_app, component, CITIZEN, "r1")
    assert twilio_api.sent[0]["ContentSid"] == [REMINDER_TEMPLATE]
    for state in ("sent", "delivered", "read"):
        resp = await post_signed(web, STATUS, status_form(sid, state))
        assert resp.status_code == 200
        assert _row(wa_app, sid).delivery == state

    # 63016: free text outside the window. Recorded on the message; the person stays subscribed.
    sid = await _push(wa_app, component, CITIZEN, "r2")
    await post_signed(web, STATUS, status_form(sid, "failed", "63016"))
    row = _row(wa_app, sid)
    assert (row.delivery, row.last_error) == ("failed", "twilio 63016")
    assert await subscribers.count_active(db) == 2

    # 63024: not a WhatsApp user (any more). Only that subscriber is deactivated.
    sid = await _push(wa_app, component, other, "r3")
    await post_signed(web, STATUS, status_form(sid, "undelivered", "63024", to=other))
    assert _row(wa_app, sid).delivery == "undelivered"
    assert await subscribers.count_active(db) == 1
    (kept,) = await subscribers.active_page(db)
    assert kept.chat == CITIZEN


async def test_status_callbacks_need_the_signature_too(
    web: httpx.AsyncClient, wa_app: App, component: WhatsAppComponent
) -> None:
    db, now = wa_app.services.db, wa_app.services.clock()
    await subscribers.subscribe(
        db, "whatsapp", CITIZEN, wa_app.services.pseudonyms.of(CITIZEN), "WIB", None, "id", now
    )
    sid = await _push(wa_app, component, CITIZEN, "r1")
    form = status_form(sid, "undelivered", "63024")
    forged = {"X-Twilio-Signature": sign("/whatsapp/webhook", form)}
    assert (await web.post(STATUS, data=form, headers=forged)).status_code == 403
    assert (await web.post(STATUS, data=form)).status_code == 403
    assert _row(wa_app, sid).delivery is None
    assert await subscribers.count_active(db) == 1


async def test_status_for_an_unknown_message_is_acknowledged(web: httpx.AsyncClient) -> None:
    resp = await post_signed(web, STATUS, status_form("SM" + "e" * 32, "delivered"))
    assert resp.status_code == 200


@pytest.mark.parametrize(
    "form",
    [
        {"MessageSid": "nope", "MessageStatus": "sent"},
        {"MessageSid": "SM" + "e" * 32, "MessageStatus": ""},
        {"MessageSid": "SM" + "e" * 32, "MessageStatus": "failed", "ErrorCode": "x1"},
    ],
)
async def test_malformed_status_callbacks_get_400(
    web: httpx.AsyncClient, form: dict[str, str]
) -> None:
    assert (await post_signed(web, STATUS, form)).status_code == 400


async def test_the_sender_is_offered_to_the_outbox_at_the_configured_rate(
    wa_app: App, component: WhatsAppComponent
) -> None:
    assert wa_app.services.extra["senders"]["whatsapp"] is component.sender
    assert component.sender.rate_per_second == wa_app.settings.whatsapp.rate_per_second
