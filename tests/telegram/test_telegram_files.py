"""Photos and files: downloaded only when a handler asks, refused before download when too big."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from handlers.context import Context
from handlers.dispatch import Dispatcher
from handlers.messages import Incoming, Reply
from handlers.router import Route, Router
from tests.fakes.telegram_updates import (
    make_document_message,
    make_message,
    make_photo_message,
    user,
)
from tests.telegram.conftest import Running


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buf, "JPEG")
    return buf.getvalue()


async def _fetch_and_report(msg: Incoming, _ctx: Context) -> list[Reply]:
    """Stands in for the tip flow: fetches each file and says what it got."""
    seen = []
    for a in msg.attachments:
        data = await a.fetch() if a.fetch else b""
        seen.append(f"{a.kind}/{a.mime}/{len(data)}/{hashlib.sha256(data).hexdigest()[:16]}")
    # Any template that prints its argument will do: the unknown-command one does.
    return [Reply("unknown_command", {"command": " ".join(seen)})]


@pytest.fixture
def fetching(polling: Running) -> Running:
    """The running bot with a router whose only route fetches attachments."""
    route = Route("files", lambda m, _s: bool(m.attachments), _fetch_and_report)
    polling.app.dispatcher = Dispatcher(polling.app.services, Router([route]))
    return polling


async def test_photo_reaches_the_handler_as_the_exact_bytes_served(fetching: Running) -> None:
    tg = fetching.tg
    data = _jpeg()
    tg.add_file("big-photo", data)
    tg.push_update(make_photo_message("big-photo", size=len(data), caption="bukti"))
    (sent,) = await tg.wait_for("sendMessage")
    digest = hashlib.sha256(data).hexdigest()[:16]
    assert f"photo/image/jpeg/{len(data)}/{digest}" in sent.text
    # Only the largest size was fetched, once, in memory.
    assert [c.params["file_id"] for c in tg.calls_to("getFile")] == ["big-photo"]
    assert tg.downloads == ["photos/big-photo.jpg"]


async def _answer_without_looking(_msg: Incoming, _ctx: Context) -> list[Reply]:
    return [Reply("menu")]


async def test_nothing_is_downloaded_unless_a_handler_asks(polling: Running) -> None:
    # (The real map asks: a photo outside a tip is offered as one, see test_telegram_routing.)
    route = Route("no-files", lambda _m, _s: True, _answer_without_looking)
    polling.app.dispatcher = Dispatcher(polling.app.services, Router([route]))
    polling.tg.add_file("p", _jpeg())
    polling.tg.push_update(make_photo_message("p"))
    await polling.tg.wait_for("sendMessage")
    assert polling.tg.calls_to("getFile") == [] and polling.tg.downloads == []


async def test_oversized_photo_is_refused_without_any_download(fetching: Running) -> None:
    tg = fetching.tg
    tg.add_file("huge", b"x" * 10, size=20 * 1024 * 1024)
    tg.push_update(make_photo_message("huge", size=20 * 1024 * 1024))
    (sent,) = await tg.wait_for("sendMessage")
    assert "terlalu besar (20 MB); batasnya 1 MB" in sent.text  # the test limit
    assert tg.calls_to("getFile") == [] and tg.downloads == []


async def test_photo_larger_than_declared_is_refused_after_get_file(fetching: Running) -> None:
    tg = fetching.tg
    tg.add_file("liar", b"x" * 10, size=5 * 1024 * 1024)  # getFile tells the truth
    tg.push_update(make_photo_message("liar", size=1000))  # the update did not
    (sent,) = await tg.wait_for("sendMessage")
    assert "gangguan" in sent.text  # the tip flow's own reply in real life; never a download
    assert tg.downloads == []


async def test_a_photo_larger_than_both_declared_sizes_is_called_too_large(
    polling: Running,
) -> None:
    """In a tip, a file that turns out over the limit while downloading is not a failed
    download ("send it again" would fail again): the tipster is told it is too large."""
    tg = polling.tg
    tg.push_update(make_message("/lapor"))
    await tg.wait_for("sendMessage")
    await tg.settle()
    before = len(tg.sent())
    tg.add_file("liar", b"\xff\xd8" + b"x" * 1_500_000, size=1000)  # getFile lies too
    tg.push_update(make_photo_message("liar", size=1000))
    sent = await tg.wait_for("sendMessage", before + 1)
    assert "terlalu besar (maks. 1 MB)" in sent[-1].text  # the test's Telegram limit
    assert "kirim ulang" not in sent[-1].text.lower()


async def test_image_sent_as_a_file_is_a_document(fetching: Running) -> None:
    tg = fetching.tg
    data = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    tg.add_file("doc-png", data)
    tg.push_update(make_document_message("doc-png", mime="image/png", size=len(data)))
    (sent,) = await tg.wait_for("sendMessage")
    assert f"document/image/png/{len(data)}/" in sent.text


async def test_corrupt_image_still_reaches_the_handler_and_the_bot_keeps_serving(
    fetching: Running,
) -> None:
    # Bytes are checked by the tip flow with Pillow; the channel passes them on untouched.
    tg = fetching.tg
    tg.add_file("broken", b"\xff\xd8\xff garbage")
    tg.push_update(make_photo_message("broken", size=11))
    tg.push_update(make_photo_message("broken", size=11))
    first, second = await tg.wait_for("sendMessage", 2)
    assert "photo/image/jpeg/11/" in first.text and first.text == second.text


@pytest.mark.parametrize(
    "content",
    [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
        {"location": {"latitude": -6.2, "longitude": 106.8}},
        {"contact": {"phone_number": "+628123456789", "first_name": "Budi"}},
        {
            "poll": {
                "id": "p",
                "question": "Pilih?",
                "options": [],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
        },
        {
            "document": {
                "file_id": "d",
                "file_unique_id": "d",
                "mime_type": "application/pdf",
                "file_size": 1000,
            }
        },
        {
            "document": {
                "file_id": "h",
                "file_unique_id": "h",
                "mime_type": "image/heic",
                "file_size": 1000,
            }
        },
    ],
    ids=["sticker", "voice", "location", "contact", "poll", "pdf", "heic-unreadable"],
)
async def test_other_content_gets_a_clear_reply_and_is_never_fetched(
    polling: Running, content: dict[str, object]
) -> None:
    polling.tg.push_update(make_message(None, **content))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert "hanya bisa membaca <b>teks</b> dan <b>foto</b>" in sent.text
    assert sent.payloads  # and the menu
    assert polling.tg.calls_to("getFile") == []


async def test_english_user_gets_the_refusal_in_english(polling: Running) -> None:
    polling.tg.push_update(
        make_photo_message("huge", size=30 * 1024 * 1024, from_user=user(8, language="en"))
    )
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert "too large (30 MB)" in sent.text
