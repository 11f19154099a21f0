"""Admins working the queue from their phone; citizens cannot."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.wiring import App
from handlers.admin.reports import CSV_COLUMNS
from handlers.tips import maintenance
from tests.conftest import FakeClock
from tests.tips.helpers import Chat, jpeg_with_gps, media_files
from tests.tips.test_flow import drain, scalar, send_tip


async def quick_tip(person: Chat, words: str, category: str | None = None) -> None:
    await person.say("/lapor")
    await person.say(words)
    if category:
        await person.press("tip:next")
        for _ in range(3):
            await person.press("tip:skip")
        await person.press(f"tipcat:{category}")
    await person.say("/kirim")


def snapshot(app: App) -> dict[str, list[tuple[object, ...]]]:
    tables = ("tips", "tip_events", "tip_media", "audit_log", "outbox")
    with app.services.db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in tables
        }


@pytest.mark.parametrize(
    "attempt",
    [
        "/tips",
        "/tips semua",
        "/tip 1",
        "/claim 1",
        "/claim 1 paksa",
        "/setstatus 1 rejected bohong",
        "/reply 1 halo pelapor",
        "/note 1 catatan",
        "/export",
        "/stats",
        "/audit",
        "tipadm:claim:1",
        "tipadm:reject:1",
        "tipadm:page:2:new:-",
    ],
)
async def test_citizen_is_refused_every_admin_command_and_nothing_changes(
    tip_app: App, tipster: Chat, attempt: str
) -> None:
    await send_tip(tipster)
    citizen = Chat(tip_app, "telegram:424242", chat="424242", channel="telegram")
    before = snapshot(tip_app)
    if attempt.startswith("/"):
        reply = await citizen.say(attempt)
    else:
        reply = await citizen.press(attempt)
    assert "hanya untuk petugas yang berwenang" in reply
    assert "Zulkarnaen" not in reply
    assert citizen.seen[0].documents == () and citizen.seen[0].photos == ()
    assert snapshot(tip_app) == before


async def test_claims_keep_two_reviewers_apart(
    tip_app: App, tipster: Chat, ani: Chat, budi: Chat, clock: FakeClock
) -> None:
    await send_tip(tipster)
    assert "sekarang Anda pegang" in await ani.press("tipadm:claim:1")
    held = await budi.say("/setstatus 1 reviewing sedang dicek")
    assert "dipegang console:admin-ani" in held and "tidak ada yang diubah" in held
    assert "dipegang console:admin-ani" in await budi.say("/reply 1 halo")
    assert "dipegang console:admin-ani" in await budi.say("/claim 1")
    assert "console:admin-ani" in await budi.say("/tips")
    # Notes are internal and never blocked.
    assert "disimpan" in await budi.say("/note 1 saya kenal kantor ini")
    # Taking over must be explicit…
    taken = await budi.say("/claim 1 paksa")
    assert "diambil alih dari console:admin-ani" in taken
    assert "dipegang console:admin-budi" in await ani.say("/setstatus 1 reviewing cek")
    # …or the claim lapses when idle: two hours counted from the end of the hour of the
    # last action (times on a tip are kept to the hour), so never early, at most an hour late.
    clock.now += timedelta(minutes=119)
    assert "dipegang console:admin-budi" in await ani.say("/setstatus 1 reviewing cek")
    clock.now += timedelta(minutes=62)
    assert "ditinjau" in await ani.say("/setstatus 1 reviewing Sedang kami verifikasi")
    audit = await ani.say("/audit")
    assert "console:admin-budi tip.claim tip:1 — from console:admin-ani" in audit
    assert "tip.status tip:1 — new->reviewing" in audit


async def test_status_needs_a_reason_and_forwarding_names_the_authority(
    tip_app: App, tipster: Chat, ani: Chat
) -> None:
    code = await send_tip(tipster)
    assert "Alasan wajib" in await ani.say("/setstatus 1 closed")
    assert "bawaslu|bkn|lapor|ppk" in await ani.say("/setstatus 1 forwarded ke polisi")
    assert "Cara pakai" in await ani.say("/setstatus 1 pending alasan")
    done = await ani.say("/setstatus 1 diteruskan bawaslu Diteruskan ke Bawaslu Kab. Sukamaju")
    assert "diteruskan (Bawaslu)" in done
    seen = await tipster.say(f"/status {code}")
    assert "diteruskan (Bawaslu): Diteruskan ke Bawaslu Kab. Sukamaju" in seen
    assert "Tidak ada laporan #99" in await ani.say("/tip 99")


async def test_reject_button_asks_for_the_reason_the_tipster_reads(
    tip_app: App, tipster: Chat, ani: Chat
) -> None:
    code = await send_tip(tipster)
    assert "tulis alasannya" in await ani.press("tipadm:reject:1")
    assert "ditolak" in await ani.say("Bukan pelanggaran netralitas: yang bersangkutan bukan ASN")
    assert "bukan ASN" in await tipster.say(f"/status {code}")
    # A command instead of a reason drops the rejection and changes nothing.
    await ani.press("tipadm:reject:1")
    assert "dibatalkan" in await ani.say("/tips")


async def test_tip_view_shows_content_and_photos(tip_app: App, tipster: Chat, ani: Chat) -> None:
    await send_tip(tipster)
    shown = await ani.say("/tip 1")
    assert "Zulkarnaen" in shown and "Dinas PU Kabupaten Sukamaju" in shown
    assert len(ani.seen[0].photos) == 1 and ani.seen[0].photos[0].data[:2] == b"\xff\xd8"
    assert "tipadm:claim:1" in ani.buttons()


async def test_tips_list_is_paged_newest_first_and_filtered(tip_app: App, ani: Chat) -> None:
    people = [
        Chat(tip_app, f"telegram:{900 + i}", chat=str(900 + i), channel="telegram")
        for i in range(12)
    ]
    for i, person in enumerate(people):
        await quick_tip(person, f"laporan nomor {i}", "medsos" if i % 2 else "atribut")
    first = await ani.say("/tips")
    assert "12 laporan, halaman 1/2" in first
    assert first.index("#12") < first.index("#11") and "#2 " not in first
    assert "tipadm:page:2:new,reviewing,forwarded:-" in ani.buttons()
    second = await ani.press(ani.buttons()[0])
    assert "halaman 2/2" in second and "#2 " in second and "#1 " in second
    medsos = await ani.say("/tips medsos")
    assert "6 laporan" in medsos and "laporan nomor 1" in medsos and "laporan nomor 0" not in medsos


async def test_export_contains_exactly_the_filtered_tips(tip_app: App, ani: Chat) -> None:
    for i, category in enumerate(["medsos", "atribut", "medsos", "fasilitas"]):
        await quick_tip(
            Chat(tip_app, f"telegram:{700 + i}", chat=str(700 + i), channel="telegram"),
            f'=HYPERLINK("x") isi {i}',
            category,
        )
    await ani.say("/setstatus 1 rejected tidak relevan")
    await ani.say("/setstatus 3 rejected duplikat")
    await ani.say("/setstatus 4 rejected bukan ASN")

    async def exported(args: str) -> list[dict[str, str]]:
        reply = await ani.say(f"/export {args}".strip())
        (doc,) = ani.seen[0].documents
        assert doc.mime == "text/csv" and doc.filename.endswith(".csv")
        assert reply
        return list(csv.DictReader(io.StringIO(doc.data.decode("utf-8-sig"))))

    assert [r["id"] for r in await exported("")] == ["1", "2", "3", "4"]
    rows = await exported("ditolak medsos")
    assert [r["id"] for r in rows] == ["1", "3"]
    assert rows[0]["text"] == '\'=HYPERLINK("x") isi 0'  # a formula is defused
    assert [r["id"] for r in await exported("terbuka")] == ["2"]
    assert tuple(rows[0]) == CSV_COLUMNS


async def test_stats_count_by_status_category_week_with_chart(
    tip_app: App, ani: Chat, clock: FakeClock
) -> None:
    await quick_tip(Chat(tip_app, "telegram:1", chat="1", channel="telegram"), "satu", "medsos")
    clock.now += timedelta(days=7)
    await quick_tip(Chat(tip_app, "telegram:2", chat="2", channel="telegram"), "dua", "medsos")
    await quick_tip(Chat(tip_app, "telegram:3", chat="3", channel="telegram"), "tiga")
    stats = await ani.say("/stats")
    assert "total 3" in stats and "Media sosial: 2" in stats and "tanpa jenis: 1" in stats
    assert "2026-W48: 1" in stats and "2026-W49: 2" in stats
    (chart,) = ani.seen[0].photos
    assert chart.mime == "image/png" and chart.data[:8] == b"\x89PNG\r\n\x1a\n"


async def test_morning_nudge_names_stale_tips_once_a_day(
    tip_app: App, tipster: Chat, ani: Chat, clock: FakeClock
) -> None:
    await send_tip(tipster)
    await drain(tip_app)
    assert await maintenance.enqueue_sla_nudges(tip_app.services, clock()) == 0
    clock.now += timedelta(days=7, minutes=1)
    assert await maintenance.enqueue_sla_nudges(tip_app.services, clock()) == 2
    assert (
        await maintenance.enqueue_sla_nudges(tip_app.services, clock()) == 0
    )  # rerun: nothing new
    sent = await drain(tip_app)
    assert sent.count("selama 7 hari atau lebih: #1.") == 2
    await ani.say("/setstatus 1 reviewing dicek")
    clock.now += timedelta(days=1)
    assert await maintenance.enqueue_sla_nudges(tip_app.services, clock()) == 0


async def test_media_of_closed_tips_is_purged_after_retention(
    tip_app: App, tipster: Chat, ani: Chat, clock: FakeClock
) -> None:
    await send_tip(tipster)
    abandoned = Chat(tip_app, "telegram:5", chat="5", channel="telegram")
    await abandoned.say("/lapor")
    await abandoned.attach(jpeg_with_gps())  # then never comes back
    assert len(media_files(tip_app)) == 2
    await ani.say("/setstatus 1 closed selesai")
    clock.now += timedelta(days=1)
    assert await maintenance.purge_media(tip_app.services, clock()) == 1  # the abandoned draft's
    assert len(media_files(tip_app)) == 1
    clock.now += timedelta(days=90)
    assert await maintenance.purge_media(tip_app.services, clock()) == 1
    assert media_files(tip_app) == []
    assert scalar(tip_app, "SELECT count(*) FROM tip_media WHERE purged_at IS NOT NULL") == 1
    assert "1 sudah dihapus" in await ani.say("/tip 1")


async def test_a_draft_photo_is_aged_by_the_clock_that_stored_it_not_by_its_file(
    tip_app: App, clock: FakeClock
) -> None:
    writer = Chat(tip_app, "telegram:6", chat="6", channel="telegram")
    await writer.say("/lapor")
    await writer.attach(jpeg_with_gps())
    (photo,) = media_files(tip_app)
    os.utime(photo, (0, 0))  # the file system says 1970: that must not matter
    assert await maintenance.purge_media(tip_app.services, clock()) == 0
    # The person keeps writing for three hours: the draft lives, so does its photo.
    for _ in range(6):
        clock.now += timedelta(minutes=30)
        await writer.say("Masih ada yang mau saya tambahkan.")
        assert await maintenance.purge_media(tip_app.services, clock()) == 0
    assert media_files(tip_app) == [photo]
    # Then leaves: once the draft has been idle past the limit, the photo goes.
    clock.now += timedelta(hours=3)
    assert await maintenance.purge_media(tip_app.services, clock()) == 1
    assert media_files(tip_app) == []


async def test_admin_views_show_times_in_wib_with_the_label(
    tip_app: App, tipster: Chat, ani: Chat, clock: FakeClock
) -> None:
    clock.now = clock.now.replace(hour=16, minute=20)  # 23:20 WIB
    await send_tip(tipster)
    clock.now = clock.now.replace(hour=18, minute=5)  # 01:05 WIB, the next day
    await ani.say("/setstatus 1 reviewing dicek")
    listing, detail, log = await ani.say("/tips"), await ani.say("/tip 1"), await ani.say("/audit")
    assert "2026-11-25 23:00 WIB" in listing  # tip times are kept to the hour
    assert "Masuk 2026-11-25 23:00 WIB" in detail
    # (to the hour or the minute, as the tip's events and audit rows are kept)
    assert re.search(r"• 2026-11-26 01:0[05] WIB status", detail)
    assert re.search(r"2026-11-26 01:0[05] WIB console:admin-ani tip\.status", log)
    for shown in (listing, detail, log):
        assert "16:00" not in shown and "18:05" not in shown  # never unlabelled UTC


async def test_ambil_is_offered_only_on_a_tip_nobody_holds(
    tip_app: App, tipster: Chat, ani: Chat, budi: Chat
) -> None:
    await send_tip(tipster)
    await ani.say("/tip 1")
    assert "tipadm:claim:1" in ani.buttons()
    await ani.say("/claim 1")
    for admin in (ani, budi):
        shown = await admin.say("/tip 1")
        assert "dipegang console:admin-ani" in shown
        assert "tipadm:claim:1" not in admin.buttons() and "Ambil" not in shown


async def test_setstatus_on_a_tip_that_does_not_exist_says_so_before_asking_a_reason(
    tip_app: App, ani: Chat
) -> None:
    reply = await ani.say("/setstatus 999 closed")
    assert "Tidak ada laporan #999" in reply and "Alasan wajib" not in reply
    assert "Tidak ada laporan #999" in await ani.say("/setstatus 999 forwarded bawaslu")


async def test_a_page_past_the_last_one_shows_the_last_and_says_so(
    tip_app: App, tipster: Chat, ani: Chat
) -> None:
    await send_tip(tipster)
    reply = await ani.say("/tips halaman 99")
    assert "99/1" not in reply and "Tidak dikenali" not in reply
    assert "halaman 1/1" in reply and "#1" in reply
    assert "Halaman 99 tidak ada" in reply
