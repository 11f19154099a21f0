"""A citizen writes to the bot's WhatsApp number: signed webhooks in, stored, answered by REST."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import text

from bot import metrics
from bot.wiring import App
from handlers.markup import to_whatsapp
from handlers.messages import Reply
from knowledge.regulations import read_citation
from storage import conversations
from tests.conftest import FakeClock
from tests.whatsapp.twilio_fake import (
    CITIZEN,
    FakeTwilioApi,
    Phone,
    inbound_form,
    post_signed,
    sign,
    twilio_error,
)

WEBHOOK = "/whatsapp/webhook"


def count(app: App, table: str) -> int:
    with app.services.db.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def handled_total() -> float:
    for line in metrics.render().splitlines():
        if line.startswith('asnbot_messages_total{channel="whatsapp"}'):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_greeting_gets_a_numbered_menu_and_a_number_picks_from_it(
    phone: Phone, wa_app: App
) -> None:
    (reply,) = await phone.say("halo")
    assert "*1*. ❓ Tanya aturan" in reply
    assert "*2*. 📝 Lapor pelanggaran" in reply
    assert "Balas dengan angka pilihan Anda" in reply

    # "1" is the first button shown: the invitation to ask.
    prompt = to_whatsapp(wa_app.services.renderer.text("ask_prompt", {}, "id"))
    assert (await phone.say("1"))[0].startswith(prompt)

    # "2" after the menu is the same as pressing "Lapor" (whatever the tip flow answers).
    await phone.say("menu")
    picked = await phone.say("2")
    pressed = await phone.say(
        "📝 Lapor pelanggaran", sender="whatsapp:+6289999000111", ButtonPayload="menu:lapor"
    )
    assert picked == pressed


async def test_the_words_of_a_choice_pick_it_too(phone: Phone, wa_app: App) -> None:
    await phone.say("halo")
    prompt = to_whatsapp(wa_app.services.renderer.text("ask_prompt", {}, "id"))
    assert (await phone.say("tanya aturan"))[0].startswith(prompt)


async def test_did_you_mean_is_numbered_and_a_number_opens_that_answer(
    phone: Phone, wa_app: App
) -> None:
    (reply,) = await phone.say("boleh like status caleg?")
    assert "*1*." in reply and "*2*." in reply and "Balas dengan angka" in reply
    who = wa_app.services.pseudonyms.of(CITIZEN)
    payload, _label = (await conversations.load(wa_app.services.db, who)).choices[1]
    assert payload.startswith("faq:")
    entry = wa_app.services.kb.entry(payload.removeprefix("faq:"))
    assert entry is not None
    answer = (await phone.say("2"))[0]
    assert answer.startswith("*" + wa_app.services.renderer.label(f"verdict.{entry.verdict}"))
    first = read_citation(entry.sources[0], wa_app.services.kb.regulations)
    assert first.regulation is not None and first.regulation.plain in answer
    # The last numbered choice is "Dasar hukum": its number opens the full references.
    choices = (await conversations.load(wa_app.services.db, who)).choices
    number = next(i for i, (p, _) in enumerate(choices, start=1) if p.startswith("law:"))
    assert f"*{number}*. 📜 Dasar hukum" in answer
    law = (await phone.say(str(number)))[0]
    assert law.startswith("*Dasar hukum jawaban ini*")
    assert first.regulation.title in law and first.article in law


async def test_user_text_reaches_the_phone_exactly(phone: Phone) -> None:
    (reply,) = await phone.say('/bahasa <&"x>')
    assert 'Bahasa "<&"x>" belum tersedia' in reply
    assert "*1*. 🇮🇩 Bahasa Indonesia" in reply


async def test_user_markup_is_defused(phone: Phone) -> None:
    (reply,) = await phone.say("/bahasa *tebal*")
    assert "*\u2060tebal*\u2060" in reply


async def test_language_choice_applies_to_the_numbered_hint(phone: Phone) -> None:
    (reply,) = await phone.say("/bahasa en")
    assert "Reply with the number of your choice" in reply


@pytest.mark.parametrize(
    "why",
    ["missing", "forged", "other token", "replayed to another url", "tampered body"],
)
async def test_bad_signature_is_refused_and_nothing_processed(
    web: httpx.AsyncClient, phone: Phone, wa_app: App, why: str
) -> None:
    form = inbound_form("halo")
    headers = {"X-Twilio-Signature": sign(WEBHOOK, form)}
    if why == "missing":
        headers = {}
    elif why == "forged":
        headers["X-Twilio-Signature"] = "bm90IGEgc2lnbmF0dXJl"
    elif why == "other token":
        headers["X-Twilio-Signature"] = sign(WEBHOOK, form, token="0" * 32)
    elif why == "replayed to another url":
        headers["X-Twilio-Signature"] = sign("/whatsapp/status", form)
    elif why == "tampered body":
        form = {**form, "Body": "/bahasa en"}
    before = handled_total()
    resp = await web.post(WEBHOOK, data=form, headers=headers)
    assert resp.status_code == 403
    who = wa_app.services.pseudonyms.of(CITIZEN)
    await phone.component.inbox.idle()
    assert await conversations.load(wa_app.services.db, who) == conversations.State()
    assert count(wa_app, "inbox") == 0
    assert count(wa_app, "whatsapp_windows") == 0
    assert handled_total() == before
    assert phone.api.sent == []


async def test_signature_of_the_local_url_does_not_count(web: httpx.AsyncClient) -> None:
    """Behind a proxy only the public URL validates, never the address we listen on."""
    form = inbound_form("halo")
    local = sign(WEBHOOK, form, base="http://127.0.0.1:8080")
    resp = await web.post(WEBHOOK, data=form, headers={"X-Twilio-Signature": local})
    assert resp.status_code == 403


async def test_query_string_is_part_of_what_twilio_signs(
    web: httpx.AsyncClient, phone: Phone
) -> None:
    form = inbound_form("halo")
    path = WEBHOOK + "?ch=wa"
    assert "Halo" in (await phone.post(form, path))[0]
    form = inbound_form("halo")
    resp = await web.post(path, data=form, headers={"X-Twilio-Signature": sign(WEBHOOK, form)})
    assert resp.status_code == 403


async def test_a_message_sid_retried_by_twilio_is_handled_once(phone: Phone, wa_app: App) -> None:
    form = inbound_form("/bahasa en")
    before = handled_total()
    first = await phone.post(form)
    assert "English" in first[0]
    await phone.say("/bahasa id")
    assert await phone.post(form) == []  # acknowledged, not answered again
    assert await phone.post(form) == []
    assert handled_total() == before + 2
    who = wa_app.services.pseudonyms.of(CITIZEN)
    assert await conversations.get_locale(wa_app.services.db, who) == "id"  # not switched back


async def test_profile_name_and_number_are_never_stored_or_logged(
    web: httpx.AsyncClient, phone: Phone, wa_app: App, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await phone.say("halo")
    await phone.say("/bahasa en")
    await web.post(WEBHOOK, data=inbound_form("x"), headers={"X-Twilio-Signature": "bad"})
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "Siti" not in logged and "6281234567890" not in logged
    with wa_app.services.db.read() as s:
        tables = [
            t for (t,) in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        dump = " ".join(str(row) for t in tables for row in s.execute(text(f'SELECT * FROM "{t}"')))
    assert "Siti" not in dump and "6281234567890" not in dump


async def test_a_waiting_message_keeps_only_what_the_bot_reads_sealed(
    web: httpx.AsyncClient, phone: Phone, wa_app: App
) -> None:
    await phone.component.inbox.stop()  # stored, not yet handled
    form = inbound_form("lapor kepala dinas")
    assert (await post_signed(web, WEBHOOK, form)).status_code == 200
    with wa_app.services.db.read() as s:
        (payload, key) = s.execute(text("SELECT payload, dedupe_key FROM inbox")).one()
    assert b"6281234567890" not in payload and b"kepala dinas" not in payload
    assert form["MessageSid"] not in key
    kept = json.loads(wa_app.services.extra["tips"].vault.open(payload, "inbox.payload"))
    assert set(kept) == {"MessageSid", "SmsMessageSid", "From", "NumMedia", "Body"}
    await phone.component.inbox.start()
    await phone.component.inbox.idle()
    assert phone.api.sent[-1]["To"] == [CITIZEN]  # answered after all


async def test_inbound_opens_the_window_and_touches_the_subscription(
    phone: Phone, wa_app: App, clock: object
) -> None:
    from storage import subscribers

    db = wa_app.services.db
    who = wa_app.services.pseudonyms.of(CITIZEN)
    start = wa_app.services.clock()
    await subscribers.subscribe(db, "whatsapp", CITIZEN, who, "WIB", None, "id", start)
    clock.now = start.replace(hour=9)  # type: ignore[attr-defined]
    await phone.say("halo")
    (sub,) = await subscribers.of(db, who)
    assert sub.last_inbound_at is not None
    assert sub.last_inbound_at.replace(tzinfo=None) == clock.now.replace(tzinfo=None)  # type: ignore[attr-defined]


# --- bad input: a clear reply or a 4xx, never a 500, nothing half-stored ----------------


async def test_empty_body_without_media_gets_a_clear_reply(phone: Phone) -> None:
    (reply,) = await phone.say("")
    assert "kosong" in reply and "*1*." in reply


async def test_twenty_media_get_a_polite_refusal_and_nothing_is_fetched(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    media = {f"MediaUrl{i}": twilio_api.media_url(f"ME{i}") for i in range(20)}
    media |= {f"MediaContentType{i}": "image/jpeg" for i in range(20)}
    (reply,) = await phone.say("ini buktinya", NumMedia="20", **media)
    assert "paling banyak 10" in reply and "20" in reply
    assert twilio_api.media_requests == []
    assert count(wa_app, "conversations") == 0


async def test_a_very_long_body_is_answered_in_bounded_messages(phone: Phone) -> None:
    replies = await phone.say("boleh gak " * 1000)
    assert 1 <= len(replies) <= 10
    assert all(0 < len(r) <= 1600 for r in replies)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("From", "+6281234567890"),  # a plain SMS number
        ("From", "whatsapp:+62 812"),
        ("From", ""),
        ("MessageSid", "not-a-sid"),
        ("NumMedia", "dua"),
        ("NumMedia", "1"),  # declared but no MediaUrl0
    ],
)
async def test_fields_twilio_would_never_send_get_400(
    web: httpx.AsyncClient, wa_app: App, field: str, value: str
) -> None:
    form = inbound_form("halo", **{field: value})
    if field == "MessageSid":
        form["SmsMessageSid"] = value
    resp = await post_signed(web, WEBHOOK, form)
    assert resp.status_code == 400
    assert count(wa_app, "inbox") == 0
    assert count(wa_app, "conversations") == 0


@pytest.mark.parametrize(
    ("content", "ctype"),
    [
        (b"Body=%FF%FE&From=whatsapp%3A%2B6281234567890", "application/x-www-form-urlencoded"),
        (b'{"Body": "halo"}', "application/json"),
        (b"Body=" + b"a" * 70_000, "application/x-www-form-urlencoded"),
        (b"&".join(b"f%d=1" % i for i in range(300)), "application/x-www-form-urlencoded"),
    ],
    ids=["not utf-8", "json", "too large", "too many fields"],
)
async def test_malformed_form_data_gets_400(
    web: httpx.AsyncClient, wa_app: App, content: bytes, ctype: str
) -> None:
    headers = {"Content-Type": ctype, "X-Twilio-Signature": "c2lnbmF0dXJl"}
    resp = await web.post(WEBHOOK, content=content, headers=headers)
    assert resp.status_code == 400
    assert count(wa_app, "inbox") == 0


async def test_a_failing_handler_still_answers_politely(phone: Phone, wa_app: App) -> None:
    from handlers.dispatch import Dispatcher
    from handlers.router import Route, Router

    async def broken(*_args: object) -> list[Reply]:
        raise RuntimeError("boom")

    wa_app.dispatcher = Dispatcher(
        wa_app.services, Router([Route("all", lambda _m, _s: True, broken)])
    )
    (reply,) = await phone.say("halo")
    assert "Maaf" in reply


async def test_a_message_sid_is_remembered_for_the_dedupe_days(
    phone: Phone, wa_app: App, clock: FakeClock
) -> None:
    form = inbound_form("halo")
    assert await phone.post(form)
    clock.now += timedelta(days=3)  # longer than Twilio's retries, and the old 2-day memory
    await phone.component.inbox.stop()
    await phone.component.inbox.start()  # a restart purges what is past the retention
    assert await phone.post(form) == []
    clock.now += timedelta(days=wa_app.settings.inbox.dedupe_days)
    await phone.component.inbox.stop()
    await phone.component.inbox.start()
    assert await phone.post(form)  # forgotten: a new message now


async def test_a_reply_hit_by_a_twilio_5xx_is_tried_again(phone: Phone) -> None:
    phone.api.errors[CITIZEN] = twilio_error(503, 20503, "Service unavailable")

    async def recover() -> None:
        await asyncio.sleep(0.3)
        del phone.api.errors[CITIZEN]

    healing = asyncio.create_task(recover())
    refused, accepted = await phone.say("halo")  # what reached the fake: both tries
    await healing
    assert refused == accepted and "Halo" in accepted
