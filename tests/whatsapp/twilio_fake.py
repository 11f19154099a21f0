"""WhatsApp fixtures: the app behind Twilio's webhooks, and local servers speaking Twilio.

Requests are built the way Twilio sends them (form-encoded, every field a
string) and signed with twilio's own ``RequestValidator`` over the public URL.
Local servers on 127.0.0.1 stand in for Twilio's REST API and media hosts.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from twilio.request_validator import RequestValidator

from bot.channels.whatsapp.component import WhatsAppComponent
from bot.config import Secrets, Settings, WhatsAppSettings
from bot.web import create_web_app
from bot.wiring import App, build_app
from tests.conftest import TEST_SECRET, FakeClock, make_settings

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "f" * 32
PUBLIC_URL = "https://bot.example.go.id"
BOT_NUMBER = "+14155238886"
CITIZEN = "whatsapp:+6281234567890"
REMINDER_TEMPLATE = "HX" + "a" * 32


@dataclass
class Recorded:
    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode(), keep_blank_values=True)

    @property
    def basic_auth(self) -> tuple[str, str] | None:
        value = self.headers.get("Authorization", "")
        if not value.startswith("Basic "):
            return None
        user, _, password = base64.b64decode(value[6:]).decode().partition(":")
        return user, password


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    # Omit Content-Length, so the size is only known while streaming.
    stream: bool = False


Handler = Callable[[Recorded], Answer]


class LocalServer:
    """An HTTP server on 127.0.0.1 in a thread; ``handler`` decides each answer."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Recorded] = []
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                rec = Recorded(self.command, self.path, dict(self.headers), self.rfile.read(length))
                outer.requests.append(rec)
                answer = outer.handler(rec)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    if not answer.stream:
                        self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): fine

            do_GET = do_POST = _serve

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def twilio_error(status: int, code: int, message: str = "error") -> Answer:
    doc = {"code": code, "message": message, "status": status, "more_info": ""}
    return Answer(status, json.dumps(doc).encode(), {"Content-Type": "application/json"})


class FakeTwilioApi:
    """Messages API + media: what api.twilio.com answers, recorded.

    ``errors`` maps a recipient to the error Twilio would give for it;
    ``body_errors`` maps words of a message body to the error for that message only;
    ``hangs`` maps a recipient to how long each of its next messages hangs (then 503:
    not accepted, listed in ``abandoned``, never in ``sent``); ``media_hangs`` maps a
    media name to how long its download hangs.
    """

    def __init__(self) -> None:
        self.errors: dict[str, Answer] = {}
        self.body_errors: dict[str, Answer] = {}
        self.hangs: dict[str, list[float]] = {}
        self.media_hangs: dict[str, float] = {}
        self.abandoned: list[Recorded] = []
        self.media: dict[str, bytes] = {}
        self.server = LocalServer(self._handle)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def sent(self) -> list[dict[str, list[str]]]:
        gone = {id(r) for r in self.abandoned}
        return [
            r.form
            for r in self.server.requests
            if r.path.endswith("/Messages.json") and id(r) not in gone
        ]

    @property
    def media_requests(self) -> list[Recorded]:
        return [r for r in self.server.requests if "/Media/" in r.path or "/cdn/" in r.path]

    def _handle(self, rec: Recorded) -> Answer:
        if rec.basic_auth != (ACCOUNT_SID, AUTH_TOKEN) and not rec.path.startswith("/cdn/"):
            return twilio_error(401, 20003, "Authenticate")
        if rec.method == "POST" and rec.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json":
            to = rec.form["To"][0]
            if self.hangs.get(to):
                self.abandoned.append(rec)
                hang = twilio_error(503, 20500, "Service Unavailable")
                hang.delay = self.hangs[to].pop(0)
                return hang
            if to in self.errors:
                return self.errors[to]
            body = rec.form.get("Body", [""])[0]
            for words, error in self.body_errors.items():
                if words in body:
                    return error
            sid = "SM" + uuid.uuid4().hex
            doc = {"sid": sid, "account_sid": ACCOUNT_SID, "to": to, "status": "queued"}
            return Answer(201, json.dumps(doc).encode(), {"Content-Type": "application/json"})
        if "/Media/" in rec.path:
            # Twilio's media URL answers with a redirect to short-lived storage.
            name = rec.path.rsplit("/", 1)[1]
            return Answer(307, headers={"Location": f"/cdn/{name}"})
        if rec.path.startswith("/cdn/"):
            name = rec.path.removeprefix("/cdn/")
            if name in self.media:
                delay = self.media_hangs.get(name, 0.0)
                return Answer(200, self.media[name], {"Content-Type": "image/jpeg"}, delay)
        return Answer(404, b"not found")

    def media_url(self, name: str) -> str:
        return f"{self.url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM{'0' * 32}/Media/{name}"


@pytest.fixture
def twilio_api() -> Iterator[FakeTwilioApi]:
    api = FakeTwilioApi()
    with api.server:
        yield api


def whatsapp_settings(base: Settings, api_url: str, **wa: Any) -> Settings:
    section = WhatsAppSettings(
        from_number=BOT_NUMBER,
        api_base_url=api_url,
        public_url=PUBLIC_URL,
        templates={"reminder": REMINDER_TEMPLATE},
        media_timeout_seconds=wa.pop("media_timeout_seconds", 2.0),
        **wa,
    )
    secrets = Secrets(
        secret_key=TEST_SECRET, twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN
    )
    return replace(base, whatsapp=section, secrets=secrets)


@pytest.fixture
def wa_settings(sqlite_url: str, tmp_path: Path, twilio_api: FakeTwilioApi) -> Settings:
    return whatsapp_settings(make_settings(sqlite_url, tmp_path), twilio_api.url)


@pytest.fixture
def wa_app(wa_settings: Settings, clock: FakeClock) -> Iterator[App]:
    application = build_app(wa_settings, clock=clock)
    yield application
    application.close()


@pytest.fixture
async def component(wa_app: App) -> AsyncIterator[WhatsAppComponent]:
    """The component as ``asnbot run`` starts it: its inbox workers answer in the background."""
    comp = WhatsAppComponent(wa_app)
    await comp.start()
    yield comp
    await comp.stop()


@pytest.fixture
async def web(component: WhatsAppComponent, wa_app: App) -> AsyncIterator[httpx.AsyncClient]:
    """The Starlette app as a local proxy would reach it (not the public URL Twilio signs)."""
    asgi = create_web_app(wa_app, [lambda _app: component.routes()])
    transport = httpx.ASGITransport(app=asgi)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8080") as client:
        yield client


@dataclass
class Phone:
    """A WhatsApp user's side: posts as Twilio does, reads what the bot sent back."""

    web: httpx.AsyncClient
    component: WhatsAppComponent
    api: FakeTwilioApi

    async def post(self, form: Mapping[str, str], path: str = "/whatsapp/webhook") -> list[str]:
        """Posts ``form`` signed; once the inbox is idle, the bodies sent to its sender."""
        before = len(self.api.sent)
        resp = await post_signed(self.web, path, form)
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"].startswith("application/xml")
        assert "<Message" not in resp.text  # acknowledged only: the answer comes by REST
        await self.component.inbox.idle()
        return [
            sent["Body"][0]
            for sent in self.api.sent[before:]
            if sent["To"] == [form["From"]] and "Body" in sent
        ]

    async def say(self, body: str, sender: str = CITIZEN, **extra: str) -> list[str]:
        return await self.post(inbound_form(body, sender, **extra))


@pytest.fixture
def phone(web: httpx.AsyncClient, component: WhatsAppComponent, twilio_api: FakeTwilioApi) -> Phone:
    return Phone(web, component, twilio_api)


_counter = iter(range(1, 1_000_000))


def inbound_form(body: str = "", sender: str = CITIZEN, **extra: str) -> dict[str, str]:
    """An inbound WhatsApp message's fields, as Twilio posts them."""
    sid = "SM" + f"{next(_counter):032x}"
    form = {
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ProfileName": "Siti Rahayu",
        "MessageType": "text",
        "SmsSid": sid,
        "WaId": sender.removeprefix("whatsapp:+"),
        "SmsStatus": "received",
        "Body": body,
        "To": f"whatsapp:{BOT_NUMBER}",
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }
    form.update(extra)
    return form


def sign(
    path: str, form: Mapping[str, str], token: str = AUTH_TOKEN, base: str = PUBLIC_URL
) -> str:
    return RequestValidator(token).compute_signature(base + path, dict(form))


async def post_signed(
    client: httpx.AsyncClient, path: str, form: Mapping[str, str], **sign_kw: Any
) -> httpx.Response:
    headers = {"X-Twilio-Signature": sign(path, form, **sign_kw)}
    return await client.post(path, data=dict(form), headers=headers)
