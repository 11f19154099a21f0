"""Photos both ways: downloads from Twilio (auth, redirect, caps) and signed links we serve."""

from __future__ import annotations

import io
import threading
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from PIL import Image

from bot.channels.whatsapp.component import WhatsAppComponent
from bot.channels.whatsapp.media import MediaFetcher, MediaFetchError
from bot.wiring import App
from handlers.context import Context
from handlers.dispatch import Dispatcher
from handlers.messages import Incoming, Photo, Reply
from handlers.router import Route, Router
from handlers.routes import build_router
from tests.conftest import FakeClock
from tests.whatsapp.twilio_fake import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    PUBLIC_URL,
    Answer,
    FakeTwilioApi,
    LocalServer,
    Phone,
    Recorded,
    inbound_form,
    post_signed,
)

WEBHOOK = "/whatsapp/webhook"
JPEG_1 = b"\xff\xd8\xff\xe0" + b"first photo" * 100
JPEG_2 = b"\xff\xd8\xff\xe0" + b"second photo" * 100


def photo_route(app: App, handler: object) -> None:
    """A test-only step in front of the real map: what the tip flow does with photos."""
    route = Route("test-photos", lambda m, _s: bool(m.attachments), handler)  # type: ignore[arg-type]
    app.dispatcher = Dispatcher(app.services, Router([route, *build_router().routes]))


def fetcher(api: FakeTwilioApi, **kw: object) -> MediaFetcher:
    opts: dict[str, object] = {"max_bytes": 5000, "timeout": 2.0} | kw
    return MediaFetcher(api.url, ACCOUNT_SID, AUTH_TOKEN, **opts)  # type: ignore[arg-type]


def media_form(twilio_api: FakeTwilioApi, body: str, *media: tuple[str, str]) -> dict[str, str]:
    """An inbound message carrying the fake API's media `(sid, content type)`."""
    fields = {"NumMedia": str(len(media))}
    for n, (sid, mime) in enumerate(media):
        fields[f"MediaUrl{n}"] = twilio_api.media_url(sid)
        fields[f"MediaContentType{n}"] = mime
    return inbound_form(body, **fields)


async def test_a_tip_with_two_photos_reaches_the_handler(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    twilio_api.media |= {"ME1": JPEG_1, "ME2": JPEG_2}
    received: list[tuple[str, str | None, bytes]] = []

    async def take(msg: Incoming, _ctx: Context) -> list[Reply]:
        for item in msg.attachments:
            assert item.fetch is not None
            received.append((item.kind, item.mime, await item.fetch()))
        return [Reply("menu")]

    photo_route(wa_app, take)
    form = media_form(twilio_api, "ini fotonya", ("ME1", "image/jpeg"), ("ME2", "image/jpeg"))
    await phone.post(form)
    assert received == [("photo", "image/jpeg", JPEG_1), ("photo", "image/jpeg", JPEG_2)]
    media = [r for r in twilio_api.media_requests if "/Media/" in r.path]
    assert len(media) == 2 and all(r.basic_auth == (ACCOUNT_SID, AUTH_TOKEN) for r in media)
    assert len([r for r in twilio_api.media_requests if r.path.startswith("/cdn/")]) == 2


def jpeg(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (shade, 40, 40)).save(out, "JPEG")
    return out.getvalue()


async def test_slow_media_are_acknowledged_at_once_and_fetched_in_parallel(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    """Twilio gives a webhook 15 s: five photos that take 0.4 s each must not hold it up,
    and in the background they download side by side, never more than configured."""
    photos = {f"ME{n}": jpeg(40 * n) for n in range(5)}
    twilio_api.media |= photos
    delay, running, most = 0.4, 0, 0
    lock = threading.Lock()
    serve = twilio_api.server.handler

    def slow(rec: Recorded) -> Answer:
        nonlocal running, most
        if not rec.path.startswith("/cdn/"):
            return serve(rec)
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(delay)
        with lock:
            running -= 1
        return serve(rec)

    twilio_api.server.handler = slow
    await phone.say("/lapor")
    form = media_form(twilio_api, "", *((name, "image/jpeg") for name in photos))
    started = time.monotonic()
    resp = await post_signed(phone.web, WEBHOOK, form)
    acknowledged = time.monotonic() - started
    assert resp.status_code == 200 and "<Message" not in resp.text
    await phone.component.inbox.idle()
    handled = time.monotonic() - started
    (reply,) = [m["Body"][0] for m in twilio_api.sent if "foto" in m["Body"][0].lower()][-1:]
    assert "5 foto" in reply
    assert acknowledged < delay, f"the webhook waited {acknowledged:.2f}s"
    assert most == wa_app.settings.whatsapp.media_downloads == 4
    assert handled < 5 * delay * 0.7, f"{handled:.2f}s: downloads ran one after another"


async def test_media_that_is_not_an_image_arrives_as_other(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    kinds: list[str] = []

    async def take(msg: Incoming, _ctx: Context) -> list[Reply]:
        kinds.extend(a.kind for a in msg.attachments)
        return [Reply("menu")]

    photo_route(wa_app, take)
    form = media_form(twilio_api, "", ("ME1", "audio/ogg"), ("ME2", "image/png"))
    await phone.post(form)
    assert kinds == ["other", "photo"]
    assert twilio_api.media_requests == []  # nothing downloaded that nobody asked for


async def test_a_media_download_failing_inside_a_handler_is_a_polite_reply(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    async def take(msg: Incoming, _ctx: Context) -> list[Reply]:
        await msg.attachments[0].fetch()  # type: ignore[misc]
        return [Reply("menu")]

    photo_route(wa_app, take)
    form = inbound_form("", NumMedia="1", MediaUrl0="https://evil.example/x.jpg")
    (reply,) = await phone.post(form)
    assert "Maaf" in reply


async def test_a_media_url_on_another_host_is_refused_without_a_request(
    twilio_api: FakeTwilioApi,
) -> None:
    other = LocalServer(lambda _r: Answer(200, JPEG_1))
    with other:
        f = fetcher(twilio_api)
        for url in (f"{other.url}/2010-04-01/x/Media/ME1", "https://evil.example/api.twilio.com"):
            with pytest.raises(MediaFetchError, match="host not allowed"):
                await f.fetch(url)
        # A redirect off Twilio's hosts is refused before it is followed.
        twilio_api.server.handler = lambda _r: Answer(302, headers={"Location": f"{other.url}/x"})
        with pytest.raises(MediaFetchError, match="host not allowed"):
            await f.fetch(twilio_api.media_url("ME1"))
        await f.aclose()
    assert other.requests == []


def test_only_twilio_hosts_are_trusted(twilio_api: FakeTwilioApi) -> None:
    f = fetcher(twilio_api)
    trusted = [
        "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "https://mms.twiliocdn.com/AC1/abc",
        "https://media.twiliocdn.com/AC1/abc",
        f"{twilio_api.url}/anything",
    ]
    refused = [
        "http://api.twilio.com/x",  # not TLS
        "https://api.twilio.com:8443/x",
        "https://twiliocdn.com.evil.net/x",
        "https://eviltwiliocdn.com/x",
        "https://127.0.0.1/x",
    ]
    assert [f.allowed(httpx.URL(u)) for u in trusted] == [True] * len(trusted)
    assert [f.allowed(httpx.URL(u)) for u in refused] == [False] * len(refused)


async def test_a_slow_download_times_out(twilio_api: FakeTwilioApi) -> None:
    twilio_api.server.handler = lambda _r: Answer(200, JPEG_1, delay=1.0)
    f = fetcher(twilio_api, timeout=0.2)
    with pytest.raises(MediaFetchError, match="timeout"):
        await f.fetch(twilio_api.media_url("ME1"))
    await f.aclose()


@pytest.mark.parametrize("stream", [False, True], ids=["declared", "streamed"])
async def test_an_oversized_download_is_cut_off(twilio_api: FakeTwilioApi, stream: bool) -> None:
    twilio_api.server.handler = lambda _r: Answer(200, b"x" * 20_000, stream=stream)
    f = fetcher(twilio_api, max_bytes=5000)
    with pytest.raises(MediaFetchError, match="too large"):
        await f.fetch(twilio_api.media_url("ME1"))
    twilio_api.server.handler = lambda _r: Answer(200, b"x" * 5000, stream=stream)
    assert len(await f.fetch(twilio_api.media_url("ME1"))) == 5000
    await f.aclose()


async def test_twilio_errors_on_media_are_fetch_errors(twilio_api: FakeTwilioApi) -> None:
    f = fetcher(twilio_api)
    with pytest.raises(MediaFetchError, match="http 404"):
        await f.fetch(twilio_api.media_url("missing"))
    twilio_api.server.handler = lambda _r: Answer(302, headers={"Location": "/loop"})
    with pytest.raises(MediaFetchError, match="too many redirects"):
        await f.fetch(twilio_api.media_url("ME1"))
    await f.aclose()


# --- photos we send: signed, short-lived links --------------------------------------


async def _photo_reply(phone: Phone, wa_app: App, data: bytes) -> str:
    async def show(_msg: Incoming, _ctx: Context) -> list[Reply]:
        return [Reply("menu", photos=(Photo(data, "image/png"),))]

    route = Route("test-show", lambda m, _s: m.text == "foto", show)
    wa_app.dispatcher = Dispatcher(wa_app.services, Router([route]))
    await phone.say("foto")
    (media,) = [m["MediaUrl"][0] for m in phone.api.sent if "MediaUrl" in m]
    assert media.startswith(f"{PUBLIC_URL}/media/")
    return media.removeprefix(PUBLIC_URL)


async def test_photos_we_send_are_served_once_signed_and_briefly(
    web: httpx.AsyncClient,
    phone: Phone,
    wa_app: App,
    component: WhatsAppComponent,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"tip photo pixels" * 50
    path = await _photo_reply(phone, wa_app, data)
    got = await web.get(path)
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == "image/png"
    assert "no-store" in got.headers["cache-control"]

    (stored,) = list((Path(wa_app.settings.storage.media_dir) / "outgoing").iterdir())
    assert b"tip photo pixels" not in stored.read_bytes()  # encrypted at rest

    token = path.removeprefix("/media/")
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert (await web.get(f"/media/{forged}")).status_code == 404
    assert (await web.get("/media/not-a-token")).status_code == 404
    assert (await web.get("/media/" + "A" * 500)).status_code == 404

    clock.now += timedelta(seconds=wa_app.settings.whatsapp.media_url_ttl_seconds + 1)
    assert (await web.get(path)).status_code == 404
    assert await component.tidy() >= 1
    assert not stored.exists()
