"""/siaran as an HR officer meets it: scope, preview, confirm, progress, report, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.config import RolesSettings, Settings
from bot.wiring import App, build_app
from handlers import fanout
from handlers.markup import to_plain, to_telegram_html
from handlers.messages import Outgoing
from handlers.roles import Role
from storage import broadcasts
from storage.models import Broadcast, OutboxMessage
from tests.conftest import FakeClock, incoming
from tests.reminders.helpers import RecordingSender, subscriber, ticker

OFFICER = "console:hr-bandung"
LONE_OFFICER = "console:hr-lost"
ADMIN = "console:admin"
BANDUNG, BOGOR = "BKPSDM Kota Bandung", "BKPSDM Kabupaten Bogor"


@pytest.fixture
def hrapp(settings: Settings, clock: FakeClock, db_url: str) -> Iterator[App]:
    """On SQLite, and on PostgreSQL where one is provided."""
    roles = RolesSettings(
        admins=(ADMIN,), hr_officers=(LONE_OFFICER,), hr_offices={OFFICER: BANDUNG}
    )
    storage = replace(settings.storage, url=db_url)
    application = build_app(replace(settings, roles=roles, storage=storage), clock=clock)
    yield application
    application.close()


async def say(app: App, text: str = "", who: str = OFFICER, **kw: object) -> list[Outgoing]:
    return await app.dispatcher.handle(incoming(text, who, **kw))


def plain(out: list[Outgoing]) -> str:
    return "\n".join(to_plain(o.text) for o in out)


async def people(app: App) -> None:
    for i in range(3):
        await subscriber(app, f"console:bdg{i}", "WIB", BANDUNG)
    for i in range(2):
        await subscriber(app, f"console:bgr{i}", "WITA", BOGOR)


def queued(app: App) -> tuple[int, int]:
    with app.services.db.read() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Broadcast)) or 0),
            int(s.scalar(select(func.count()).select_from(OutboxMessage)) or 0),
        )


async def test_a_citizen_trying_siaran_is_refused_and_nothing_is_queued(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Besok libur", who="console:warga")
    assert "hanya untuk petugas" in plain(out)
    out = await say(hrapp, "/ya", who="console:warga")
    assert "hanya untuk petugas" in plain(out)
    assert queued(hrapp) == (0, 0)


async def test_an_officer_reaches_their_office_only_and_sees_the_exact_preview(
    hrapp: App,
) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Apel *wajib* <b>pukul</b> 08.00 _besok_")
    preview, summary = out
    assert to_plain(preview.text).startswith(f"📢 Pengumuman {BANDUNG}")
    # Markup in the officer's text is shown literally, on every channel.
    html = to_telegram_html(preview.text)
    assert "*wajib* &lt;b&gt;pukul&lt;/b&gt; 08.00 _besok_" in html
    assert "<b>wajib</b>" not in html
    assert "3" in to_plain(summary.text) and BANDUNG in to_plain(summary.text)
    assert [b.payload.split(":")[1] for b in summary.buttons] == ["send", "drop"]
    assert queued(hrapp) == (0, 0)  # a preview queues nothing

    out = await say(hrapp, payload=summary.buttons[0].payload)
    assert "Siaran #1 mulai dikirim" in plain(out)
    sender = RecordingSender()
    await ticker(hrapp, sender).run_due()
    got = {chat: text for chat, kind, text in sender.got if kind == "broadcast"}
    assert sorted(got) == ["console:bdg0", "console:bdg1", "console:bdg2"]
    assert got["console:bdg0"] == to_plain(preview.text)  # exactly what the preview showed
    (report,) = sender.to(OFFICER, "notice")
    assert "Terkirim: 3 dari 3" in report and "Gagal: 0" in report


async def test_an_officer_without_an_office_is_refused_politely(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Pengumuman", who=LONE_OFFICER)
    assert "hr_offices" in plain(out)
    assert queued(hrapp) == (0, 0)


async def test_an_admin_without_an_office_reaches_everyone(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Pengumuman nasional", who=ADMIN)
    assert "5" in to_plain(out[1].text) and "semua pelanggan" in to_plain(out[1].text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/siaran", "/siaran TEKS"),
        ("/siaran    ", "/siaran TEKS"),
        ("/siaran 2026-12-01T08:00   ", "Teks siaran kosong"),
        ("/siaran " + "x" * 10_000, "10.000 karakter, paling banyak 1.400"),
        ("/siaran 2020-01-01T08:00 Sudah lewat", "sudah lewat"),
        ("/siaran 2026-13-45T08:00 Bulan aneh", "tidak bisa dibaca"),
    ],
)
async def test_bad_input_gets_a_clear_reply_and_nothing_is_queued(
    hrapp: App, text: str, expected: str
) -> None:
    await people(hrapp)
    out = await say(hrapp, text)
    assert expected in plain(out)
    assert not any(o.buttons for o in out)
    assert "Tidak ada siaran yang menunggu" in plain(await say(hrapp, "/ya"))
    assert queued(hrapp) == (0, 0)


async def test_confirming_twice_makes_one_broadcast(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Rapat koordinasi")
    send = out[1].buttons[0].payload
    await say(hrapp, payload=send)
    out = await say(hrapp, payload=send)  # a double tap
    assert "Tidak ada siaran yang menunggu" in plain(out)
    out = await say(hrapp, "/ya")
    assert queued(hrapp)[0] == 1


async def test_batal_drops_the_preview(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Rapat koordinasi")
    out = await say(hrapp, payload=out[1].buttons[1].payload)
    assert "tidak ada yang dikirim" in plain(out).lower()
    assert queued(hrapp) == (0, 0)


async def test_progress_then_report_with_failed_and_blocked(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    roles = RolesSettings(hr_offices={OFFICER: BANDUNG})
    app = build_app(replace(settings, roles=roles), clock=clock)
    try:
        for i in range(120):
            await subscriber(app, f"console:a{i:03d}", "WIB", BANDUNG)
        await say(app, "/siaran Pengumuman penting")
        await say(app, "/ya")
        sender = RecordingSender(blocked={"console:a007", "console:a099"})
        await ticker(app, sender).run_due()
        notices = sender.to(OFFICER, "notice")
        progress = [n for n in notices if "terkirim" in n]
        assert progress and progress[0].startswith("📤 Siaran #1: terkirim")
        assert progress[-1].endswith("dari 120.")
        assert "Terkirim: 118 dari 120" in notices[-1]
        assert "Memblokir bot (tidak dikirimi lagi): 2" in notices[-1]
        assert len(sender.to("console:a000", "broadcast")) == 1
        info = await broadcasts.get(app.services.db, 1)
        assert info is not None and info.status == "done" and info.total == 120
    finally:
        app.close()


async def test_a_running_broadcast_can_be_stopped(hrapp: App) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran Jangan dikirim")
    out = await say(hrapp, payload=out[1].buttons[0].payload)
    stop = out[0].buttons[0].payload
    # Its rows are written (fanned out) but not sent yet when the officer stops it.
    await fanout.fan_out(hrapp.services.db, hrapp.services.clock())
    out = await say(hrapp, payload=stop)
    assert "Siaran #1 dihentikan: 3 pesan" in plain(out)
    sender = RecordingSender()
    await ticker(hrapp, sender).run_due()
    assert sender.to("console:bdg0") == []
    (report,) = sender.to(OFFICER, "notice")
    assert "Dibatalkan: 3" in report and "Terkirim: 0 dari 3" in report
    out = await say(hrapp, "/siaran batal 1")
    assert "sudah selesai atau sudah dihentikan" in plain(out)
    out = await say(hrapp, "/siaran batal 1", who=ADMIN)
    assert "sudah selesai" in plain(out)
    out = await say(hrapp, "/siaran")
    assert "#1 · dihentikan" in plain(out)


async def test_another_officer_cannot_stop_my_broadcast(hrapp: App) -> None:
    await people(hrapp)
    await say(hrapp, "/siaran Rapat")
    await say(hrapp, "/ya")
    hrapp.services.roles.granted["console:hr-other"] = frozenset({Role.HR})  # type: ignore[index]
    hrapp.services.roles.offices["console:hr-other"] = BOGOR  # type: ignore[index]
    out = await say(hrapp, "/siaran batal 1", who="console:hr-other")
    assert "tidak ditemukan" in plain(out)


async def test_a_scheduled_broadcast_waits_for_its_time(hrapp: App, clock: FakeClock) -> None:
    await people(hrapp)
    out = await say(hrapp, "/siaran 2026-12-01T08:00 WITA Apel pagi")
    assert "2026-12-01 pukul 07:00 WIB" in plain(out)  # 08:00 WITA
    out = await say(hrapp, "/ya")
    assert "dijadwalkan 2026-12-01 pukul 07:00 WIB" in plain(out)
    sender = RecordingSender()
    await ticker(hrapp, sender).run_due()
    assert sender.got == []
    clock.now += timedelta(days=6, hours=23)  # 2026-12-01 00:00 UTC = 07:00 WIB
    await ticker(hrapp, sender).run_due()
    assert len(sender.to("console:bdg2", "broadcast")) == 1
