"""Fixtures for the WhatsApp tests; the fakes themselves live in ``twilio_fake``."""

from tests.whatsapp.twilio_fake import component, phone, twilio_api, wa_app, wa_settings, web

__all__ = ["component", "phone", "twilio_api", "wa_app", "wa_settings", "web"]
