"""What a held "report this" message and an abandoned draft leave behind: nothing.

The same scans as the tip tests (every column of every table, every media
file, the logs), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
from datetime import timedelta

from sqlalchemy import text

from bot.scheduler import PERIODIC_JOBS
from bot.wiring import App
from handlers.tips.kit import kit
from storage import kbstats
from tests.conftest import FakeClock
from tests.tips.helpers import Chat, assert_nowhere, every_stored_value, jpeg_with_gps, media_files

SECRET = "Zulkarnaen"
STORY = f"tadi pagi saya lihat pak {SECRET} kepala dinas bagi sembako berstiker paslon"
TIPSTER = "55501234"
BYSTANDER = "7093418826"


def tipster(app: App) -> Chat:
    return Chat(app, f"telegram:{TIPSTER}", chat=TIPSTER, channel="telegram")


def rows(app: App, sql: str) -> list[tuple[object, ...]]:
    with app.services.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


async def sweep(app: App, clock: FakeClock) -> None:
    """What the running scheduler does every few minutes."""
    (job,) = [j for j in PERIODIC_JOBS if j.name == "expire-drafts"]
    assert job.every < kit(app.services).limits.draft_idle  # prompt, not daily
    await job.run(app.services, clock())


async def test_held_report_text_is_sealed_and_gone_once_declined(
    any_app: App, logs: io.StringIO
) -> None:
    siti = tipster(any_app)
    await siti.say(STORY)
    await siti.attach(jpeg_with_gps())  # a photo offer replaces the story, which is deleted
    assert not [v for v in every_stored_value(any_app) if SECRET in v]  # sealed while held
    assert len(media_files(any_app)) == 1
    await siti.press("tipoffer:drop")
    assert media_files(any_app) == []
    assert_nowhere(any_app, [SECRET, TIPSTER])
    assert (
        await kbstats.top_gaps(any_app.services.db, kit(any_app.services).vault, 5) == []
    )  # a story is never a "gap"
    who = any_app.services.pseudonyms.of(f"telegram:{TIPSTER}")
    written = logs.getvalue()
    assert "handled" in written
    assert SECRET not in written and TIPSTER not in written
    # While something is held as a possible tip, no log line names the person.
    assert who[:12] not in written


async def test_an_abandoned_draft_is_emptied_and_its_writer_told_on_return(
    any_app: App, clock: FakeClock
) -> None:
    siti = tipster(any_app)
    promise = await siti.say("/lapor")
    assert "ditinggal 60 menit tanpa aktivitas dibuang" in promise
    await siti.say(STORY)
    await siti.attach(jpeg_with_gps())
    clock.now += timedelta(minutes=61)
    await sweep(any_app, clock)
    assert media_files(any_app) == []
    assert_nowhere(any_app, [SECRET, TIPSTER])
    # Only a bare marker is left: no draft, no buttons, the sweep's own time.
    ((step, data, choices, updated),) = rows(
        any_app, "SELECT step, data, choices, updated_at FROM conversations"
    )
    assert step == "tip.expired" and data in ({}, "{}") and choices in (None, "null")
    assert str(updated)[:13] == clock().strftime("%Y-%m-%d %H")  # not the writer's hour
    clock.now += timedelta(hours=5)
    back = await siti.say("halo")
    assert "belum dikirim sudah dibuang setelah 60 menit" in back and "Halo juga" in back
    assert rows(any_app, "SELECT step FROM conversations WHERE step IS NOT NULL") == []


async def test_an_ignored_offer_and_an_unclaimed_marker_do_not_linger(
    any_app: App, clock: FakeClock
) -> None:
    siti = tipster(any_app)
    await siti.attach(jpeg_with_gps())  # offered, never answered
    # A full-length chat id: a short needle can turn up by chance inside a stored digest.
    budi = Chat(any_app, f"telegram:{BYSTANDER}", chat=BYSTANDER, channel="telegram")
    await budi.say("/lapor")
    await budi.say(STORY)
    clock.now += timedelta(minutes=61)
    await sweep(any_app, clock)
    assert media_files(any_app) == []
    assert rows(any_app, "SELECT step FROM conversations") == [("tip.expired",)]
    # Pressed afterwards: nothing is kept, a fresh tip starts and says why.
    assert "sudah tidak saya simpan" in await siti.press("tipoffer:take")
    await siti.say("/batal")
    clock.now += timedelta(days=8)
    await sweep(any_app, clock)
    assert rows(any_app, "SELECT step FROM conversations WHERE step IS NOT NULL") == []
    assert_nowhere(any_app, [SECRET, TIPSTER, BYSTANDER])


async def test_a_live_draft_and_its_photos_survive_the_sweep(
    any_app: App, clock: FakeClock
) -> None:
    siti = tipster(any_app)
    await siti.say("/lapor")
    await siti.attach(jpeg_with_gps())
    clock.now += timedelta(minutes=30)
    await siti.say(STORY)
    clock.now += timedelta(minutes=45)  # 75 since the photo, 45 since the last message
    await sweep(any_app, clock)
    assert len(media_files(any_app)) == 1
    assert "1 foto" in await siti.say("ada satu saksi lagi")
