"""A tipster's whole story on real storage: write, photograph, edit, send, follow up."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from bot.channels.console import ConsoleFiles
from bot.channels.console_sender import ConsoleSender
from bot.delivery import OutboxDispatcher
from bot.wiring import App
from handlers.tips.kit import kit
from storage import tips
from tests.conftest import FakeClock
from tests.tips.helpers import (
    Chat,
    assert_nowhere,
    code_in,
    every_stored_value,
    gap_texts,
    jpeg_with_gps,
    media_files,
)

STORY = "Kepala Dinas Zulkarnaen memakai mobil dinas untuk kampanye paslon nomor 2"
MORE = "Foto diambil di parkiran kantor camat Sukamaju"


def scalar(app: App, sql: str) -> object:
    with app.services.db.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def database_bytes(folder: Path) -> bytes:
    """The SQLite file and its write-ahead log, byte for byte."""
    return b"".join(p.read_bytes() for p in sorted(folder.glob("asnbot.db*")))


async def drain(app: App) -> str:
    """Sends what the outbox holds through real console senders; returns what they printed."""
    out = io.StringIO()
    files = ConsoleFiles(kit(app.services).media.root.parent / "console-out")
    senders = {name: ConsoleSender(files, out) for name in ("console", "telegram")}
    dispatcher = OutboxDispatcher(
        app.services.db,
        app.services.renderer,
        senders,
        app.services.clock,
        resolve_chat=kit(app.services).resolve_chat,
    )
    await dispatcher.drain()
    return out.getvalue()


async def send_tip(tipster: Chat) -> str:
    await tipster.say("/lapor")
    await tipster.say(STORY)
    await tipster.attach(jpeg_with_gps())
    await tipster.press("tip:next")
    await tipster.say("Dinas PU Kabupaten Sukamaju")
    await tipster.press("tip:skip")
    await tipster.say("Senin lalu")
    summary = await tipster.press("tipcat:fasilitas")
    assert STORY in summary and "Dinas PU Kabupaten Sukamaju" in summary
    assert "Fasilitas negara" in summary
    return code_in(await tipster.press("tip:send"))


async def test_tip_from_promise_to_reply_leaves_no_trace_of_the_tipster(
    tip_app: App, tipster: Chat, ani: Chat, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    promise = await tipster.say("/lapor")
    assert "Telegram atau Meta" in promise and "Bawaslu" in promise and "NIP" in promise
    assert "7 hari" in promise

    await tipster.say("Kepala Dinas Zulkarnaen memakai mobil dinas")
    await tipster.attach(jpeg_with_gps())
    noted = await tipster.say("untuk kampanye paslon nomor 2")
    assert "2 pesan teks, 1 foto" in noted
    await tipster.press("tip:next")
    await tipster.say("Dinas PU Kabupaten Sukamaju")
    await tipster.press("tip:skip")
    await tipster.press("tip:skip")
    await tipster.press("tipcat:fasilitas")
    # Change the office from the summary.
    await tipster.press("tip:edit")
    await tipster.press("tipedit:office")
    summary = await tipster.say("Dinas Perhubungan Sukamaju")
    assert "Dinas Perhubungan Sukamaju" in summary and "Dinas PU" not in summary
    receipt = await tipster.press("tip:send")
    code = code_in(receipt)
    assert "satu-satunya" in receipt or "hanya dengan kode ini" in receipt
    assert scalar(tip_app, "SELECT count(*) FROM tips") == 1

    # Every admin hears at once, with buttons; the alert holds no tip text.
    alerts = await drain(tip_app)
    assert alerts.count("Laporan baru #1") == 2 and "Zulkarnaen" not in alerts
    assert "Ambil" in alerts and "Tolak" in alerts

    # Opt in to be told of replies.
    assert "Anda akan diberi tahu" in await tipster.press("tipview:notify:on")
    assert scalar(tip_app, "SELECT notify_ref FROM tips") is not None

    # An admin replies; the tipster is told (sealed chat opened only by the dispatcher)…
    clock.now = clock.now.replace(hour=3)
    assert "Pelapor akan diberi tahu" in await ani.say("/reply 1 Terima kasih, sedang kami cek")
    told = await drain(tip_app)
    assert "[tip_update → 55501234]" in told and "Admin membalas" in told
    assert "Terima kasih, sedang kami cek" not in told  # the reply itself is read with /status
    assert scalar(tip_app, "SELECT count(*) FROM outbox WHERE chat LIKE 'enc:%'") == 0

    # …and reads it with the code, typed carelessly.
    sloppy = code.lower().replace("-", "").replace("0", "o").replace("1", "l")
    status = await tipster.say(f"/status {sloppy}")
    assert "Terima kasih, sedang kami cek" in status and "baru" in status

    # Adds to the same tip from there.
    await tipster.press("tipview:add")
    await tipster.say(MORE)
    await tipster.attach(jpeg_with_gps((0, 90, 0)))
    assert "Tambahan sudah disimpan" in await tipster.say("/kirim")
    detail = await tips.detail(tip_app.services.db, kit(tip_app.services).vault, 1)
    assert detail is not None and len(detail.media) == 2
    assert [e.body for e in detail.events if e.kind == "addition"] == [MORE]

    # Closing the tip erases the chat reference; the last notice still goes out.
    await ani.say("/setstatus 1 closed Sudah diteruskan ke inspektorat dan ditindaklanjuti")
    assert scalar(tip_app, "SELECT notify_ref FROM tips") is None
    assert "Status laporan Anda berubah" in await drain(tip_app)
    final = await tipster.say(f"/status {code}")
    assert "ditutup" in final and "ditindaklanjuti" in final

    assert_nowhere(tip_app, ["55501234"])
    for record in caplog.records:
        line = str(record.__dict__)
        assert "55501234" not in line and code not in line and "Zulkarnaen" not in line


async def test_a_code_pasted_or_a_tip_typed_as_free_text_leaves_no_trace_in_the_gaps(
    lite_app: App, tmp_path: Path
) -> None:
    tipster = Chat(lite_app, "telegram:55501234", chat="55501234", channel="telegram")
    code = await send_tip(tipster)
    await tipster.press("tipview:done")
    await tipster.say(code)  # without /status
    await tipster.say(f"kode saya {code.lower().replace('-', '')} gimana?")
    await tipster.say(STORY)  # without /lapor
    await tipster.say("pak Zulkarnaen kabid juga bagi amplop, hubungi saya 0812-5550-1234")
    await tipster.say("kapan pak Zulkarnaen pensiun?")  # a question: kept, the name masked
    assert any("[nama]" in g for g in gap_texts(lite_app))
    needles = [code, code.replace("-", ""), "Zulkarnaen", "55501234", "0812-5550", "5550-1234"]
    assert_nowhere(lite_app, needles)
    raw = database_bytes(tmp_path)
    for secret in (*needles, "Zulkarnaen".lower(), code.lower()):
        assert secret.encode() not in raw


async def test_whatsapp_tipster_number_is_stored_nowhere(tip_app: App) -> None:
    wa = Chat(
        tip_app, "whatsapp:+6281299887766", chat="whatsapp:+6281299887766", channel="whatsapp"
    )
    await send_tip(wa)
    await wa.press("tipview:notify:on")
    await wa.press("tipview:done")
    assert_nowhere(tip_app, ["6281299887766"])


async def test_cancel_stores_nothing(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:777001", chat="777001", channel="telegram")
    await person.say("/lapor")
    await person.say(STORY)
    await person.attach(jpeg_with_gps())
    assert len(media_files(lite_app)) == 1  # sealed, while the draft lives
    reply = await person.say("/batal")
    assert "Tidak ada yang disimpan" in reply
    assert scalar(lite_app, "SELECT count(*) FROM tips") == 0
    assert scalar(lite_app, "SELECT count(*) FROM tip_media") == 0
    assert media_files(lite_app) == []
    assert not [v for v in every_stored_value(lite_app) if "Zulkarnaen" in v]


async def test_raw_database_bytes_hold_no_tip_text(lite_app: App, tmp_path: Path) -> None:
    tipster = Chat(lite_app, "telegram:55501234", chat="55501234", channel="telegram")
    await send_tip(tipster)
    await Chat(lite_app, "console:admin-ani").say("/note 1 Catatan rahasia Wiryawan")
    raw = database_bytes(tmp_path)
    assert raw, "the database files exist"
    for secret in (STORY, "Zulkarnaen", "Sukamaju", "Wiryawan", "55501234"):
        assert secret.encode() not in raw


async def test_photo_loses_exif_gps_xmp_and_comment(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    await person.attach(jpeg_with_gps(size=(4000, 200)))
    (path,) = media_files(lite_app)
    clean = kit(lite_app.services).vault.open(path.read_bytes(), "tip.media")
    for marker in (b"Exif", b"SecretPhoneMaker", b"secret comment", b"secretxmp", b"ICC_PROFILE"):
        assert marker not in clean
    im = Image.open(io.BytesIO(clean))
    assert im.format == "JPEG" and len(im.getexif()) == 0
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(im.info)
    assert max(im.size) == 2048  # capped
    assert im.getpixel((10, 10))[0] > 150  # still the red picture


async def test_photo_sent_as_file_is_accepted_with_a_warning(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    reply = await person.attach(jpeg_with_gps(), kind="document")
    assert "data lokasinya (GPS)" in reply and "foto biasa" in reply
    assert len(media_files(lite_app)) == 1


@pytest.mark.parametrize(
    ("data", "kind", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3 not a picture at all", "document", "bukan foto"),
        (jpeg_with_gps()[:300], "photo", "rusak"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "photo", "HEIC"),
    ],
)
async def test_bad_files_are_refused_clearly(
    lite_app: App, data: bytes, kind: str, expected: str
) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    reply = await person.attach(data, kind=kind)
    assert expected in reply
    assert media_files(lite_app) == []


async def test_decompression_bombs_are_refused(lite_app: App) -> None:
    from tests.tips.helpers import png

    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    for size in ((1200, 1000), (4000, 4000)):  # past the limit, and past twice the limit
        assert "terlalu besar resolusinya" in await person.attach(png(size))
    assert media_files(lite_app) == []


async def test_oversized_photo_is_refused_before_download(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    fetched: list[bool] = []

    async def fetch() -> bytes:
        fetched.append(True)
        return b""

    from handlers.messages import Attachment, Incoming

    att = Attachment(kind="photo", mime="image/jpeg", size=50_000_000, fetch=fetch)
    reply = await person.send(Incoming("telegram", "telegram:1", "1", attachments=(att,)))
    assert "terlalu besar" in reply and fetched == []


async def test_fifty_photos_keep_five_and_say_so(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    photo = jpeg_with_gps()
    replies = [await person.attach(photo) for _ in range(50)]
    assert "paling banyak 5 foto" in replies[5] and "paling banyak 5 foto" in replies[-1]
    assert "paling banyak" not in replies[4]
    code = code_in(await person.say("/kirim"))
    assert code and scalar(lite_app, "SELECT count(*) FROM tip_media") == 5
    assert len(media_files(lite_app)) == 5


async def test_huge_text_is_cut_with_notice_and_whitespace_is_not_a_tip(lite_app: App) -> None:
    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    await person.say("   \n\t  ")
    assert "Belum ada yang bisa dikirim" in await person.say("/kirim")
    assert scalar(lite_app, "SELECT count(*) FROM tips") == 0
    await person.say("x" * 15_000)
    assert "batas 20000 karakter" in await person.say("y" * 15_000)
    code_in(await person.say("/kirim"))
    body = (await tips.detail(lite_app.services.db, kit(lite_app.services).vault, 1)).body  # type: ignore[union-attr]
    assert len(body) == 20_000 + 2  # two parts joined by a blank line


async def test_idle_draft_expires_and_its_files_go(lite_app: App, clock: FakeClock) -> None:
    from datetime import timedelta

    person = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    await person.say("/lapor")
    await person.attach(jpeg_with_gps())
    clock.now += timedelta(minutes=61)
    assert "dibuang setelah 60 menit tanpa aktivitas" in await person.say("lanjut ceritanya")
    assert media_files(lite_app) == [] and scalar(lite_app, "SELECT count(*) FROM tips") == 0


async def test_wrong_codes_are_rate_limited_and_answered_alike(lite_app: App) -> None:
    tipster = Chat(lite_app, "telegram:1", chat="1", channel="telegram")
    code = await send_tip(tipster)
    guesser = Chat(lite_app, "telegram:666", chat="666", channel="telegram")
    wrong = "ZZZZ-ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ-ZZZZ" else "YYYY-YYYY-YYYY"
    first = await guesser.say(f"/status {wrong}")
    assert "Tidak ada laporan dengan kode itu" in first
    assert "tidak tampak seperti kode" in await guesser.say("/status hello world!")
    for _ in range(8):
        await guesser.say(f"/status {wrong}")
    # Ten failures: now even the right code waits, and says nothing about the tip.
    slow = await guesser.say(f"/status {code}")
    assert "Terlalu banyak percobaan" in slow and "baru" not in slow
    # The limit is the guesser's alone, and the attempts table knows no tip.
    assert "baru" in await tipster.say(f"/status {code}")
    columns = {c for c in every_stored_value(lite_app)}
    assert scalar(lite_app, "SELECT count(*) FROM status_attempts") == 10
    assert wrong not in columns


async def test_tip_times_are_stamped_to_the_hour_only(lite_app: App, clock: FakeClock) -> None:
    """An exact time could be matched with when a conversation was last active."""
    clock.now = clock.now.replace(hour=9, minute=47, second=13)
    await send_tip(Chat(lite_app, "telegram:55507777", chat="55507777", channel="telegram"))
    stamps = [
        str(scalar(lite_app, sql))
        for sql in (
            "SELECT created_at FROM tips",
            "SELECT status_changed_at FROM tips",
            "SELECT min(at) FROM tip_events",
            "SELECT min(created_at) FROM tip_media",
        )
    ]
    assert all("09:00:00" in s for s in stamps), stamps
