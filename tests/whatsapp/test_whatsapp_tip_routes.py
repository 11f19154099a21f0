"""On WhatsApp too: "izin bertanya" opens the menu (no receipt code), and asking how to
report someone's act gets the answer about reporting with the report offered by number."""

from __future__ import annotations

from tests.whatsapp.twilio_fake import Phone


async def test_izin_bertanya_is_an_opening_not_a_code(phone: Phone) -> None:
    (reply,) = await phone.say("izin bertanya")
    assert "*1*. ❓ Tanya aturan" in reply and "kode itu" not in reply


async def test_how_to_report_someone_offers_the_report_by_number(phone: Phone) -> None:
    (answer,) = await phone.say("lapor kemana kalau ada pns ikut kampanye?")
    assert "Dasar hukum" in answer and "*1*. 📝 Laporkan ini secara anonim" in answer
    (promise, *_) = await phone.say("1")
    assert "Yang tidak pernah disimpan" in promise


async def test_ok_alone_is_thanks_not_an_entry(phone: Phone) -> None:
    (reply,) = await phone.say("ok")
    assert "Dasar hukum" not in reply
