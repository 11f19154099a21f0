"""Routing that follows the person, through signed Twilio webhooks and the Messages API."""

from __future__ import annotations

import io
import re

from PIL import Image

from bot.wiring import App
from tests.routing.helpers import RULE_WANTED, WITNESS
from tests.tips.helpers import media_files
from tests.whatsapp.test_whatsapp_media import WEBHOOK, media_form
from tests.whatsapp.twilio_fake import FakeTwilioApi, Phone


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 30)).save(buf, "JPEG")
    return buf.getvalue()


async def test_a_witness_picks_report_by_number(phone: Phone) -> None:
    (answer,) = await phone.say(WITNESS)
    assert "Dasar hukum" in answer and "*1*. 📝 Laporkan ini secara anonim" in answer
    promise, noted = await phone.say("1")
    assert "Yang tidak pernah disimpan" in promise
    assert "isi pertama laporan" in noted and "/kirim" in noted
    sent = await phone.say("kirim")  # a bare word on WhatsApp
    # The code comes as a message of its own, beside the confirmation.
    assert any(re.search(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", m) for m in sent)
    assert any("Laporan terkirim" in m for m in sent)


async def test_a_question_mid_report_and_the_footer(phone: Phone) -> None:
    await phone.say("lapor")
    (noted,) = await phone.say("Pak Kades ikut konvoi kampanye cabup")
    assert "Anda sedang menulis laporan anonim" in noted
    (asked,) = await phone.say(RULE_WANTED)
    assert "*1*. ➕ Tambahkan ke laporan" in asked and "*2*. ❓ Jawab sebagai pertanyaan" in asked
    (added,) = await phone.say("1")
    assert "Dicatat: 2 pesan teks" in added


async def test_a_photo_outside_a_tip_is_offered(
    phone: Phone, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    twilio_api.media["ME9"] = _jpeg()
    (offer,) = await phone.post(media_form(twilio_api, "", ("ME9", "image/jpeg")), WEBHOOK)
    assert "Mau melaporkan foto ini" in offer and "*2*. 🗑️ Tidak, hapus" in offer
    assert len(media_files(wa_app)) == 1
    assert "dihapus" in (await phone.say("2"))[0]
    assert media_files(wa_app) == []


async def test_codes_pings_and_mulai(phone: Phone) -> None:
    assert "kode itu" in (await phone.say("7g2k-q9xm-4rta"))[0]
    for word in ("mulai", "P", "pagi kak, izin bertanya"):
        (reply,) = await phone.say(word)
        assert "*1*. ❓ Tanya aturan" in reply, word
