"""Builds the WhatsApp parts from settings, so commands without the web server
(``asnbot reminders run-due``) can push through the same sender."""

from __future__ import annotations

from pathlib import Path

from twilio.http.async_http_client import AsyncTwilioHttpClient

from bot.channels.whatsapp.media import MediaLinks
from bot.channels.whatsapp.send import WhatsAppSender
from bot.config import ConfigError, Settings
from bot.wiring import App


def public_url(settings: Settings) -> str:
    """The base URL Twilio signs and fetches our media from; required with WhatsApp on."""
    url = settings.whatsapp.public_url
    if not url.startswith(("https://", "http://")):
        raise ConfigError(
            "whatsapp.public_url: required with WhatsApp enabled (the URL Twilio signs, "
            'e.g. "https://bot.example.go.id")'
        )
    return url.rstrip("/")


def media_links(app: App) -> MediaLinks:
    return MediaLinks(
        Path(app.settings.storage.media_dir) / "outgoing",
        app.key.value,
        app.settings.whatsapp.media_url_ttl_seconds,
        app.services.clock,
    )


def whatsapp_sender(
    app: App, *, links: MediaLinks | None = None, http_client: AsyncTwilioHttpClient | None = None
) -> WhatsAppSender | None:
    """The outbox sender for ``channel="whatsapp"``, or None when WhatsApp is not configured."""
    if not app.settings.whatsapp_enabled:
        return None
    wa, secrets = app.settings.whatsapp, app.settings.secrets
    base = public_url(app.settings)
    store = links or media_links(app)

    def media_url(data: bytes, mime: str) -> str:
        return f"{base}/media/{store.put(data, mime)}"

    return WhatsAppSender(
        db=app.services.db,
        pseudonyms=app.services.pseudonyms,
        clock=app.services.clock,
        account_sid=secrets.twilio_account_sid,
        auth_token=secrets.twilio_auth_token,
        from_number=wa.from_number,
        api_base_url=wa.api_base_url,
        status_url=f"{base}/whatsapp/status",
        templates=wa.templates,
        rate_per_second=wa.rate_per_second,
        media_url=media_url,
        http_client=http_client,
    )
