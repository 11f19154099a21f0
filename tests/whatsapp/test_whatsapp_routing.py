"""Routing that follows the person, through signed Twilio webhooks and TwiML."""

from __future__ import annotations

import io

import httpx
from PIL import Image

from bot.wiring import App
from tests.routing.helpers import RULE_WANTED, WITNESS
from tests.tips.helpers import media_files
from tests.whatsapp.test_whatsapp_media import WEBHOOK, media_form
from tests.whatsapp.test_whatsapp_webhook import bodies, say
from tests.whatsapp.twilio_fake import FakeTwilioApi, post_signed


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 30)).save(buf, "JPEG")
    return buf.getvalue()


async def test_a_witness_picks_report_by_number(web: httpx.AsyncClient) -> None:
    (answer,) = await say(web, WITNESS)
    assert "Dasar hukum" in answer and "*1*. 📝 Laporkan ini secara anonim" in answer
    promise, noted = await say(web, "1")
    assert "Yang tidak pernah disimpan" in promise
    assert "isi pertama laporan" in noted and "/kirim" in noted
    (receipt,) = await say(web, "kirim")  # a bare word on WhatsApp
    assert "Kode tanda terima" in receipt


async def test_a_question_mid_report_and_the_footer(web: httpx.AsyncClient) -> None:
    await say(web, "lapor")
    (noted,) = await say(web, "Pak Kades ikut konvoi kampanye cabup")
    assert "Anda sedang menulis laporan anonim" in noted
    (asked,) = await say(web, RULE_WANTED)
    assert "*1*. ➕ Tambahkan ke laporan" in asked and "*2*. ❓ Jawab sebagai pertanyaan" in asked
    (added,) = await say(web, "1")
    assert "Dicatat: 2 pesan teks" in added


async def test_a_photo_outside_a_tip_is_offered(
    web: httpx.AsyncClient, wa_app: App, twilio_api: FakeTwilioApi
) -> None:
    twilio_api.media["ME9"] = _jpeg()
    resp = await post_signed(web, WEBHOOK, media_form(twilio_api, "", ("ME9", "image/jpeg")))
    (offer,) = bodies(resp)
    assert "Mau melaporkan foto ini" in offer and "*2*. 🗑️ Tidak, hapus" in offer
    assert len(media_files(wa_app)) == 1
    assert "dihapus" in (await say(web, "2"))[0]
    assert media_files(wa_app) == []


async def test_codes_pings_and_mulai(web: httpx.AsyncClient) -> None:
    assert "kode itu" in (await say(web, "7g2k-q9xm-4rta"))[0]
    for word in ("mulai", "P", "pagi kak, izin bertanya"):
        (reply,) = await say(web, word)
        assert "*1*. ❓ Tanya aturan" in reply, word
