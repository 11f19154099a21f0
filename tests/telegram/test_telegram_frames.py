"""What was understood, 👎 → which part, and the question back, over the real
Bot API client (long polling) against the fake Telegram server."""

from __future__ import annotations

from tests.fakes.telegram_updates import make_callback, make_message
from tests.telegram.conftest import Running
from tests.telegram.test_telegram_routing import exchange


async def test_understood_line_and_which_part_was_wrong(polling: Running) -> None:
    (answer,) = await exchange(polling, make_message("sy guru p3k blh jd saksi paslon di tps?"))
    assert "<i>Saya memahami:</i> PPPK · menjadi saksi paslon di TPS" in answer.text
    down = next(p for p in answer.payloads if p.endswith(":down"))
    _thanks, which = await exchange(polling, make_callback(down))
    assert "Bagian mana yang keliru?" in which.text
    assert [p.split(":")[1] for p in which.payloads] == ["actor", "activity", "context", "answer"]
    (noted,) = await exchange(polling, make_callback(which.payloads[1]))
    assert "kegiatan" in noted.text


async def test_asks_back_and_the_button_answers_that_branch(polling: Running) -> None:
    (asked,) = await exchange(
        polling, make_message("suami saya nyaleg, boleh saya dampingi kampanye?")
    )
    assert "Anda PNS atau PPPK?" in asked.text
    assert asked.buttons[0] == [
        {"text": "PNS", "callback_data": "faq:boleh-pasangan-cltn"},
        {"text": "PPPK", "callback_data": "faq:skb-pasangan-tanpa-cltn"},
    ]
    (answer,) = await exchange(polling, make_callback("faq:skb-pasangan-tanpa-cltn"))
    assert "Dilarang" in answer.text and "Dasar hukum" in answer.text
