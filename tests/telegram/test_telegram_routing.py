"""Routing that follows the person, over the real Bot API client (long polling)."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from handlers.tips.kit import kit
from tests.fakes.telegram_api import Call
from tests.fakes.telegram_updates import make_callback, make_message, make_photo_message
from tests.routing.helpers import RULE_WANTED, WITNESS
from tests.telegram.conftest import Running
from tests.tips.helpers import media_files


async def exchange(running: Running, update: dict[str, Any]) -> list[Call]:
    """Sends one update; returns the messages the bot sent in answer."""
    tg = running.tg
    before = len(tg.calls_to("sendMessage"))
    tg.push_update(update)
    await tg.wait_for("sendMessage", before + 1, within=15)
    await tg.settle(0.3)
    return tg.calls_to("sendMessage")[before:]


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 30)).save(buf, "JPEG")
    return buf.getvalue()


async def test_a_witness_gets_the_rule_and_a_button_that_starts_the_tip(polling: Running) -> None:
    (answer,) = await exchange(polling, make_message(WITNESS))
    assert "Dasar hukum" in answer.text
    assert answer.buttons[0] == [
        {"text": "📝 Laporkan ini secara anonim", "callback_data": "tipoffer:take"}
    ]
    promise, noted = await exchange(polling, make_callback("tipoffer:take"))
    assert "Yang tidak pernah disimpan" in promise.text
    assert "isi pertama laporan" in noted.text and "/kirim" in noted.text and "/batal" in noted.text


async def test_a_question_mid_report_is_asked_about(polling: Running) -> None:
    await exchange(polling, make_message("/lapor"))
    await exchange(polling, make_message("Pak Lurah memasang baliho caleg di kantor"))
    (asked,) = await exchange(polling, make_message(RULE_WANTED))
    assert "Tambahkan ke laporan, atau jawab sebagai pertanyaan?" in asked.text
    assert asked.payloads == ["tipq:add", "tipq:answer"]
    (answer,) = await exchange(polling, make_callback("tipq:answer"))
    assert "Dilarang" in answer.text and "sedang menulis laporan" in answer.text


async def test_a_photo_outside_a_tip_is_offered_then_deleted(polling: Running) -> None:
    data = _jpeg()
    polling.tg.add_file("bukti", data)
    (offer,) = await exchange(polling, make_photo_message("bukti", size=len(data)))
    assert "Mau melaporkan foto ini" in offer.text
    assert offer.payloads == ["tipoffer:take", "tipoffer:drop"]
    assert len(media_files(polling.app)) == 1 and kit(polling.app.services).media.root.is_dir()
    (dropped,) = await exchange(polling, make_callback("tipoffer:drop"))
    assert "dihapus" in dropped.text and media_files(polling.app) == []


async def test_a_typed_code_a_ping_and_a_question_about_the_bot(polling: Running) -> None:
    (status,) = await exchange(polling, make_message("7G2K Q9XM 4RTA"))
    assert "kode itu" in status.text
    (ping,) = await exchange(polling, make_message("P"))
    assert ping.payloads[:2] == ["menu:tanya", "menu:lapor"]
    (about,) = await exchange(polling, make_message("what does this bot do?"))
    assert "<b>asnbot</b>" in about.text


async def test_a_long_message_is_answered_by_its_question(polling: Running) -> None:
    story = "Kami guru honorer dan PPPK di kecamatan kami sering diajak rapat. " * 9
    note, answer = await exchange(polling, make_message(story + RULE_WANTED))
    assert "saya menjawab pertanyaan ini" in note.text and RULE_WANTED in note.text
    assert "Dilarang" in answer.text
