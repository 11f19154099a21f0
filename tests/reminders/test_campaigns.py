"""/kampanye for admins, and campaigns kept in step with config."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path
from threading import Barrier

import pytest

from bot.config import Settings
from bot.wiring import App, build_app
from handlers.markup import to_plain
from handlers.reminders.calendar import Campaign
from handlers.roles import Role
from storage import audit
from storage import campaigns as store
from tests.conftest import FakeClock, incoming, make_settings

ADMIN = "console:admin"


@pytest.fixture
def admin(app: App) -> App:
    app.services.roles.granted[ADMIN] = frozenset({Role.ADMIN})  # type: ignore[index]
    return app


async def say(app: App, text: str, who: str = ADMIN) -> str:
    return "\n".join(to_plain(o.text) for o in await app.dispatcher.handle(incoming(text, who)))


async def test_config_campaigns_are_listed(admin: App) -> None:
    text = await say(admin, "/kampanye")
    assert "1. Pemilu 2024 — kampanye 2023-11-28 s.d. 2024-02-10, masa tenang 3 hari" in text
    assert "2. Pilkada 2024 — kampanye 2024-09-25 s.d. 2024-11-23" in text
    assert "pemungutan suara 2024-11-27" in text


async def test_add_edit_remove_with_an_audit_trail(admin: App) -> None:
    text = await say(
        admin, "/kampanye tambah Pilkada Ulang 2025; 2025-07-26; 2025-08-23; 2025-08-27"
    )
    assert "Ditambahkan: Pilkada Ulang 2025 (nomor 3)" in text
    text = await say(
        admin, "/kampanye ubah 3 Pilkada Ulang Bangka 2025; 2025-07-27; 2025-08-23; 2025-08-27"
    )
    assert "Diubah: Pilkada Ulang Bangka 2025" in text
    assert "Pilkada Ulang Bangka 2025 — kampanye 2025-07-27" in await say(admin, "/kampanye")
    assert "dihapus" in await say(admin, "/kampanye hapus 3")
    assert "Pilkada Ulang" not in await say(admin, "/kampanye")
    actions = [r.action for r in await audit.recent(admin.services.db)]
    assert actions == ["campaign.remove", "campaign.edit", "campaign.add"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            "tambah Uji; 2026-03-10; 2026-03-01; 2026-03-12",
            "selesai kampanye sebelum tanggal mulainya",
        ),
        (
            "tambah Uji; 2026-03-01; 2026-03-10; 2026-03-05",
            "pemungutan suara sebelum kampanye selesai",
        ),
        ("tambah Uji; 2024-11-20; 2024-12-01; 2024-12-03", "bertumpang tindih dengan Pilkada 2024"),
        ("tambah Pilkada 2024; 2026-03-01; 2026-03-10; 2026-03-12", "sudah dipakai"),
        ("tambah Uji; 1 Maret; 2026-03-10; 2026-03-12", "Tanggal mulai tidak bisa dibaca"),
        ("tambah Uji; 2026-03-01; 2026-03-10T00:00:00+08:00; 2026-03-12", "zona waktu yang sama"),
        ("tambah Uji 2026-03-01 2026-03-10 2026-03-12", "empat bagian"),
        ("ubah x Uji; 2026-03-01; 2026-03-10; 2026-03-12", "Sebutkan nomornya"),
        ("ubah 99 Uji; 2026-03-01; 2026-03-10; 2026-03-12", "nomor 99 tidak ada"),
        ("hapus 99", "nomor 99 tidak ada"),
    ],
)
async def test_bad_campaigns_get_a_clear_reply_and_nothing_is_saved(
    admin: App, args: str, expected: str
) -> None:
    assert expected in await say(admin, f"/kampanye {args}")
    assert len(await store.all_campaigns(admin.services.db)) == 2


async def test_a_citizen_cannot_touch_campaigns(admin: App) -> None:
    text = await say(admin, "/kampanye hapus 1", who="console:warga")
    assert "hanya untuk petugas" in text
    assert len(await store.all_campaigns(admin.services.db)) == 2


async def test_admin_edits_win_over_config_and_removals_stay_removed(
    admin: App, settings: Settings, clock: FakeClock
) -> None:
    await say(admin, "/kampanye ubah 2 Pilkada 2024; 2024-09-26; 2024-11-23; 2024-11-27")
    await say(admin, "/kampanye hapus 1")
    admin.close()
    # A restart syncs config again, and config now moves Pemilu 2024 and adds a new one.
    later = Campaign("Pemilu 2029", date(2028, 11, 28), date(2029, 2, 10), date(2029, 2, 14))
    moved = replace(settings.campaigns[0], end=date(2024, 2, 9))
    again = build_app(
        replace(settings, campaigns=(moved, settings.campaigns[1], later)), clock=clock
    )
    try:
        rows = {r.name: r for r in await store.all_campaigns(again.services.db, with_removed=True)}
        assert rows["Pemilu 2024"].removed and rows["Pemilu 2024"].end == date(2024, 2, 10)
        assert rows["Pilkada 2024"].start == date(2024, 9, 26)  # the admin's edit holds
        assert rows["Pemilu 2029"].source == "config" and not rows["Pemilu 2029"].removed
    finally:
        again.close()


def test_workers_started_together_store_each_config_campaign_once(
    pg_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    """Several workers starting at once on an empty PostgreSQL database: each starts
    (none trips over another's vault or campaigns) and every campaign is stored once."""
    settings = make_settings(pg_url, tmp_path)
    assert settings.campaigns, "config.toml names campaigns"
    start = Barrier(4)

    def start_worker(_: int) -> App:
        start.wait()
        return build_app(settings, clock=clock)

    with ThreadPoolExecutor(4) as pool:
        apps = list(pool.map(start_worker, range(4)))
    try:
        rows = asyncio.run(store.all_campaigns(apps[0].services.db, with_removed=True))
        assert sorted(r.name for r in rows) == sorted(c.name for c in settings.campaigns)
    finally:
        for app in apps:
            app.close()
