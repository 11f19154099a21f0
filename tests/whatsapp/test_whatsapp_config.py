"""WhatsApp settings: the templates table, env overrides, and when the channel starts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.channels.base import SendStatus
from bot.channels.whatsapp.build import whatsapp_sender
from bot.channels.whatsapp.component import WhatsAppComponent, whatsapp_component
from bot.config import ConfigError, load_settings
from bot.runner import COMPONENTS
from bot.runner import whatsapp_component as runner_whatsapp
from bot.senders import whatsapp_if_configured
from bot.wiring import App, build_app
from handlers.messages import Outgoing
from tests.conftest import REPO, FakeClock
from tests.whatsapp.twilio_fake import CITIZEN, REMINDER_TEMPLATE, FakeTwilioApi

SID = "HX" + "b" * 32


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_lists_the_pushed_kinds_without_sids() -> None:
    wa = load_settings(REPO / "config.toml", env={}).whatsapp
    assert {"reminder", "broadcast", "tip_update", "tip_alert"} <= set(wa.templates)
    assert set(wa.templates.values()) == {""}
    assert (wa.max_media_bytes, wa.media_url_ttl_seconds) == (5 * 1024 * 1024, 300)


def test_templates_from_toml_and_from_env_json(tmp_path: Path) -> None:
    path = write(
        tmp_path, f'[whatsapp]\nrate_per_second = 10\n\n[whatsapp.templates]\nreminder = "{SID}"\n'
    )
    wa = load_settings(path, env={}).whatsapp
    assert wa.templates == {"reminder": SID} and wa.rate_per_second == 10.0
    env = {"ASNBOT_WHATSAPP_TEMPLATES": f'{{"broadcast": "{REMINDER_TEMPLATE}"}}'}
    assert load_settings(path, env=env).whatsapp.templates == {"broadcast": REMINDER_TEMPLATE}


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ('[whatsapp.templates]\nreminder = "hello"\n', {}, "whatsapp.templates.reminder: must be"),
        (
            "[whatsapp.templates]\nreminder = 5\n",
            {},
            "whatsapp.templates.reminder: must be a string",
        ),
        ('[whatsapp]\ntemplates = "x"\n', {}, "whatsapp.templates: must be a JSON object"),
        ("", {"ASNBOT_WHATSAPP_TEMPLATES": "[1]"}, "must be a table"),
        ("[whatsapp]\nmax_media_bytes = 0\n", {}, "whatsapp.max_media_bytes: must be greater"),
        ("[whatsapp]\nmedia_url_ttl_seconds = -5\n", {}, "media_url_ttl_seconds: must be greater"),
    ],
)
def test_bad_whatsapp_values_name_the_key(
    tmp_path: Path, text: str, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text), env=env)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_the_channel_starts_only_with_credentials_and_a_number(app: App, wa_app: App) -> None:
    # The runner imports the channel (and Twilio's client) only when it is configured.
    assert runner_whatsapp in COMPONENTS
    assert runner_whatsapp(app) is None  # the default config: no Twilio credentials
    assert whatsapp_component(app) is None
    assert whatsapp_sender(app) is None and whatsapp_if_configured(app) is None
    assert isinstance(runner_whatsapp(wa_app), WhatsAppComponent)
    assert whatsapp_if_configured(wa_app) is not None


async def test_a_command_without_the_web_server_can_push(
    wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    """``asnbot reminders run-due`` builds the sender alone, with no component running."""
    sender = whatsapp_sender(wa_app)
    assert sender is not None
    try:
        result = await sender.send(CITIZEN, Outgoing("Pengingat"), kind="reminder")
    finally:
        await sender.aclose()  # as run-due's close_senders does
    assert result.status is SendStatus.SENT
    assert twilio_api.sent[0]["ContentSid"] == [REMINDER_TEMPLATE]


def test_enabled_without_public_url_is_a_config_error(
    wa_app: App, clock: FakeClock, tmp_path: Path
) -> None:
    settings = replace(wa_app.settings, whatsapp=replace(wa_app.settings.whatsapp, public_url=""))
    other = build_app(settings, clock=clock)
    try:
        with pytest.raises(ConfigError, match=r"whatsapp\.public_url"):
            whatsapp_component(other)
    finally:
        other.close()


async def test_enabled_component_serves_its_routes(wa_app: App) -> None:
    comp = whatsapp_component(wa_app)
    assert isinstance(comp, WhatsAppComponent)
    paths = {getattr(r, "path", "") for r in comp.routes()}
    assert paths == {"/whatsapp/webhook", "/whatsapp/status", "/media/{token}"}
    await comp.start()
    await comp.stop()
