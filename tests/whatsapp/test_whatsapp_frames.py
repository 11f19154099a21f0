"""What was understood, 👎 → which part, and the question back, through signed
Twilio webhooks: buttons are numbered lines, picked by typing the number."""

from __future__ import annotations

from tests.whatsapp.twilio_fake import Phone


async def test_understood_line_and_which_part_was_wrong(phone: Phone) -> None:
    (answer,) = await phone.say("sy guru p3k blh jd saksi paslon di tps?")
    assert "_Saya memahami:_ PPPK · menjadi saksi paslon di TPS" in answer
    number = next(line for line in answer.splitlines() if "👎" in line).split("*")[1].rstrip(".")
    _thanks, which = await phone.say(number)
    assert "Bagian mana yang keliru?" in which and "*1*. Pelaku" in which
    (noted,) = await phone.say("3")
    assert "konteks" in noted


async def test_asks_back_and_the_number_answers_that_branch(phone: Phone) -> None:
    (asked,) = await phone.say("suami saya nyaleg, boleh saya dampingi kampanye?")
    assert "Anda PNS atau PPPK?" in asked
    assert "*1*. PNS" in asked and "*2*. PPPK" in asked
    (answer,) = await phone.say("1")
    assert "Boleh dengan syarat" in answer and "Dasar hukum" in answer
