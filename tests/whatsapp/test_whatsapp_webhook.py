"""A citizen writes to the bot's WhatsApp number: signed webhooks in, TwiML out."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET

import httpx
import pytest
from sqlalchemy import text

from bot import metrics
from bot.wiring import App
from handlers.markup import to_whatsapp
from handlers.messages import Reply
from knowledge.regulations import read_citation
from storage import conversations
from tests.whatsapp.twilio_fake import (
    CITIZEN,
    FakeTwilioApi,
    inbound_form,
    post_signed,
    sign,
)

WEBHOOK = "/whatsapp/webhook"


def bodies(resp: httpx.Response) -> list[str]:
    """The text of each <Message> in a TwiML answer, as WhatsApp will show it."""
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(resp.content)
    assert root.tag == "Response"
    return ["".join(m.itertext()) for m in root.iter("Message")]


async def say(web: httpx.AsyncClient, body: str, sender: str = CITIZEN, **extra: str) -> list[str]:
    return bodies(await post_signed(web, WEBHOOK, inbound_form(body, sender, **extra)))


def count(app: App, table: str) -> int:
    with app.services.db.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def handled_total() -> float:
    for line in metrics.render().splitlines():
        if line.startswith('asnbot_messages_total{channel="whatsapp"}'):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_greeting_gets_a_numbered_menu_and_a_number_picks_from_it(
    web: httpx.AsyncClient, wa_app: App
) -> None:
    (reply,) = await say(web, "halo")
    assert "*1*. ❓ Tanya aturan" in reply
    assert "*2*. 📝 Lapor pelanggaran" in reply
    assert "Balas dengan angka pilihan Anda" in reply

    # "1" is the first button shown: the invitation to ask.
    prompt = to_whatsapp(wa_app.services.renderer.text("ask_prompt", {}, "id"))
    assert (await say(web, "1"))[0].startswith(prompt)

    # "2" after the menu is the same as pressing "Lapor" (whatever the tip flow answers).
    await say(web, "menu")
    picked = await say(web, "2")
    pressed = await say(
        web, "📝 Lapor pelanggaran", sender="whatsapp:+6289999000111", ButtonPayload="menu:lapor"
    )
    assert picked == pressed


async def test_the_words_of_a_choice_pick_it_too(web: httpx.AsyncClient, wa_app: App) -> None:
    await say(web, "halo")
    prompt = to_whatsapp(wa_app.services.renderer.text("ask_prompt", {}, "id"))
    assert (await say(web, "tanya aturan"))[0].startswith(prompt)


async def test_did_you_mean_is_numbered_and_a_number_opens_that_answer(
    web: httpx.AsyncClient, wa_app: App
) -> None:
    (reply,) = await say(web, "boleh like status caleg?")
    assert "*1*." in reply and "*2*." in reply and "Balas dengan angka" in reply
    who = wa_app.services.pseudonyms.of(CITIZEN)
    payload, _label = (await conversations.load(wa_app.services.db, who)).choices[1]
    assert payload.startswith("faq:")
    entry = wa_app.services.kb.entry(payload.removeprefix("faq:"))
    assert entry is not None
    answer = (await say(web, "2"))[0]
    assert answer.startswith("*" + wa_app.services.renderer.label(f"verdict.{entry.verdict}"))
    first = read_citation(entry.sources[0], wa_app.services.kb.regulations)
    assert first.regulation is not None and first.regulation.plain in answer
    # The last numbered choice is "Dasar hukum": its number opens the full references.
    choices = (await conversations.load(wa_app.services.db, who)).choices
    number = next(i for i, (p, _) in enumerate(choices, start=1) if p.startswith("law:"))
    assert f"*{number}*. 📜 Dasar hukum" in answer
    law = (await say(web, str(number)))[0]
    assert law.startswith("*Dasar hukum jawaban ini*")
    assert first.regulation.title in law and first.article in law


async def test_user_text_is_escaped_in_twiml(web: httpx.AsyncClient) -> None:
    resp = await post_signed(web, WEBHOOK, inbound_form('/bahasa <&"x>'))
    assert b'"&lt;&amp;"x&gt;"' in resp.content  # XML-escaped on the wire
    (reply,) = bodies(resp)
    assert 'Bahasa "<&"x>" belum tersedia' in reply  # and exactly that on the phone
    assert "*1*. 🇮🇩 Bahasa Indonesia" in reply


async def test_user_markup_is_defused(web: httpx.AsyncClient) -> None:
    (reply,) = await say(web, "/bahasa *tebal*")
    assert "*\u2060tebal*\u2060" in reply


async def test_language_choice_applies_to_the_numbered_hint(web: httpx.AsyncClient) -> None:
    (reply,) = await say(web, "/bahasa en")
    assert "Reply with the number of your choice" in reply


@pytest.mark.parametrize(
    "why",
    ["missing", "forged", "other token", "replayed to another url", "tampered body"],
)
async def test_bad_signature_is_refused_and_nothing_processed(
    web: httpx.AsyncClient, wa_app: App, why: str
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
    assert await conversations.load(wa_app.services.db, who) == conversations.State()
    assert count(wa_app, "whatsapp_inbound") == 0
    assert count(wa_app, "whatsapp_windows") == 0
    assert handled_total() == before


async def test_signature_of_the_local_url_does_not_count(web: httpx.AsyncClient) -> None:
    """Behind a proxy only the public URL validates, never the address we listen on."""
    form = inbound_form("halo")
    local = sign(WEBHOOK, form, base="http://127.0.0.1:8080")
    resp = await web.post(WEBHOOK, data=form, headers={"X-Twilio-Signature": local})
    assert resp.status_code == 403


async def test_query_string_is_part_of_what_twilio_signs(web: httpx.AsyncClient) -> None:
    form = inbound_form("halo")
    path = WEBHOOK + "?ch=wa"
    resp = await web.post(path, data=form, headers={"X-Twilio-Signature": sign(path, form)})
    assert "Halo" in bodies(resp)[0]
    resp = await web.post(path, data=form, headers={"X-Twilio-Signature": sign(WEBHOOK, form)})
    assert resp.status_code == 403


async def test_a_message_sid_retried_by_twilio_is_handled_once(
    web: httpx.AsyncClient, wa_app: App
) -> None:
    form = inbound_form("/bahasa en")
    before = handled_total()
    first = bodies(await post_signed(web, WEBHOOK, form))
    assert "English" in first[0]
    await say(web, "/bahasa id")
    again = await post_signed(web, WEBHOOK, form)
    assert bodies(again) == []  # acknowledged with an empty answer
    assert handled_total() == before + 2
    who = wa_app.services.pseudonyms.of(CITIZEN)
    assert await conversations.get_locale(wa_app.services.db, who) == "id"  # not switched back


async def test_profile_name_and_number_are_never_stored_or_logged(
    web: httpx.AsyncClient, wa_app: App, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await say(web, "halo")
    await say(web, "/bahasa en")
    await web.post(WEBHOOK, data=inbound_form("x"), headers={"X-Twilio-Signature": "bad"})
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "Siti" not in logged and "6281234567890" not in logged
    with wa_app.services.db.read() as s:
        tables = [
            t for (t,) in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        dump = " ".join(str(row) for t in tables for row in s.execute(text(f'SELECT * FROM "{t}"')))
    assert "Siti" not in dump and "6281234567890" not in dump


async def test_inbound_opens_the_window_and_touches_the_subscription(
    web: httpx.AsyncClient, wa_app: App, clock: object
) -> None:
    from storage import subscribers

    db = wa_app.services.db
    who = wa_app.services.pseudonyms.of(CITIZEN)
    start = wa_app.services.clock()
    await subscribers.subscribe(db, "whatsapp", CITIZEN, who, "WIB", None, "id", start)
    clock.now = start.replace(hour=9)  # type: ignore[attr-defined]
    await say(web, "halo")
    (sub,) = await subscribers.of(db, who)
    assert sub.last_inbound_at is not None
    assert sub.last_inbound_at.replace(tzinfo=None) == clock.now.replace(tzinfo=None)  # type: ignore[attr-defined]


# --- bad input: a clear reply or a 4xx, never a 500, nothing half-stored ----------------


async def test_empty_body_without_media_gets_a_clear_reply(web: httpx.AsyncClient) -> None:
    (reply,) = await say(web, "")
    assert "kosong" in reply and "*1*." in reply


async def test_twenty_media_get_a_polite_refusal_and_nothing_is_fetched(
    web: httpx.AsyncClient, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    media = {f"MediaUrl{i}": twilio_api.media_url(f"ME{i}") for i in range(20)}
    media |= {f"MediaContentType{i}": "image/jpeg" for i in range(20)}
    (reply,) = await say(web, "ini buktinya", NumMedia="20", **media)
    assert "paling banyak 10" in reply and "20" in reply
    assert twilio_api.media_requests == []
    assert count(wa_app, "conversations") == 0


async def test_a_very_long_body_is_answered_in_bounded_messages(web: httpx.AsyncClient) -> None:
    replies = await say(web, "boleh gak " * 1000)
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
    assert count(wa_app, "whatsapp_inbound") == 0
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
    assert count(wa_app, "whatsapp_inbound") == 0


async def test_a_failing_handler_still_answers_politely(
    web: httpx.AsyncClient, wa_app: App
) -> None:
    from handlers.dispatch import Dispatcher
    from handlers.router import Route, Router

    async def broken(*_args: object) -> list[Reply]:
        raise RuntimeError("boom")

    wa_app.dispatcher = Dispatcher(
        wa_app.services, Router([Route("all", lambda _m, _s: True, broken)])
    )
    (reply,) = await say(web, "halo")
    assert "Maaf" in reply
