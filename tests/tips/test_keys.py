"""Receipt codes, the key vault, rotation, and the operators' command line."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from threading import Barrier

import pytest
from sqlalchemy import text

from bot.config import ConfigError, Secrets
from bot.wiring import build_app
from handlers.tips.kit import kit
from storage import inbox, migrate, receipts
from storage.db import Database
from storage.media import MediaStore
from storage.rotation import next_vault, rotate
from storage.vault import open_vault
from tests.conftest import TEST_SECRET, FakeClock
from tests.tips.helpers import Chat, code_in, jpeg_with_gps, tip_settings
from tests.tips.test_flow import send_tip

NEW_SECRET = "a-brand-new-secret-key-for-rotation-0123456789"


def test_codes_are_60_random_bits_in_crockford_base32() -> None:
    codes = {receipts.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == 14 and code[4] == code[9] == "-"
        assert set(code.replace("-", "")) <= set(receipts.ALPHABET)
        assert receipts.normalize(code) == code.replace("-", "")


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("7g2k-q9xm-4rta", "7G2KQ9XM4RTA"),
        (" 7G2K Q9XM 4RTA ", "7G2KQ9XM4RTA"),
        ("7G2KQ9XM4RTA", "7G2KQ9XM4RTA"),
        ("OIL0-0000-0000", "011000000000"),
        ("7G2K–Q9XM–4RTA", "7G2KQ9XM4RTA"),
    ],
)
def test_typed_codes_are_read_forgivingly(typed: str, canonical: str) -> None:
    assert receipts.normalize(typed) == canonical


@pytest.mark.parametrize(
    "garbage", ["", "hello", "7G2K-Q9XM-4RT", "7G2K-Q9XM-4RTU", "'; DROP TABLE"]
)
def test_garbage_is_not_a_code(garbage: str) -> None:
    assert receipts.normalize(garbage) is None


def test_wrong_secret_refuses_to_start(tmp_path: Path, clock: FakeClock) -> None:
    settings = tip_settings(f"sqlite:///{tmp_path / 'asnbot.db'}", tmp_path)
    build_app(settings, clock=clock).close()
    wrong = replace(settings, secrets=Secrets(secret_key="x" * 40))
    with pytest.raises(ConfigError, match="does not open the stored tips"):
        build_app(wrong, clock=clock)


async def test_rotation_to_a_new_secret_keeps_every_tip_readable(
    db_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    settings = tip_settings(db_url, tmp_path)
    app = build_app(settings, clock=clock)
    tipster = Chat(app, "telegram:55501234", chat="55501234", channel="telegram")
    code = await send_tip(tipster)
    await Chat(app, "console:admin-ani").say("/reply 1 Sedang diverifikasi")
    writer = Chat(app, "telegram:8", chat="8", channel="telegram")
    await writer.say("/lapor")
    await writer.say("draf yang belum selesai")
    await Chat(app, "telegram:9").say("resep rendang padang")  # the gaps log is sealed too
    old_files = {p.name: p.read_bytes() for p in kit(app.services).media.root.iterdir()}
    # An update acknowledged before the bot stopped, still waiting in the inbox.
    waiting = b'{"update_id": 1, "message": "not yet handled"}'
    sealed = kit(app.services).vault.seal(waiting, inbox.PAYLOAD)
    await inbox.store(app.services.db, "telegram", [inbox.NewItem("k", "c", sealed)], clock())
    app.close()

    db = Database(db_url)
    old = open_vault(db, TEST_SECRET, clock())
    new = next_vault(old, TEST_SECRET, NEW_SECRET)
    report = rotate(db, MediaStore(settings.storage.media_dir, old), old, new, clock())
    (row,) = await inbox.claim(db, "telegram", clock(), 1, timedelta(seconds=30))
    db.dispose()
    assert (report.new_version, report.tips, report.files) == (2, 1, 1)
    assert (report.inbox, report.gaps) == (1, 1)
    assert report.states >= 1
    assert row.payload is not None and new.open(row.payload, inbox.PAYLOAD) == waiting
    for name, before in old_files.items():
        after = (Path(settings.storage.media_dir) / name).read_bytes()
        assert after != before and after.startswith(b"v2:")

    with pytest.raises(ConfigError):
        build_app(settings, clock=clock)  # the old secret no longer opens anything
    rotated = build_app(replace(settings, secrets=Secrets(secret_key=NEW_SECRET)), clock=clock)
    try:
        admin = Chat(rotated, "console:admin-ani")
        shown = await admin.say("/tip 1")
        assert "Zulkarnaen" in shown and len(admin.seen[0].photos) == 1
        # The receipt code survives a new secret: its key is stored, sealed.
        again = Chat(rotated, "telegram:55501234", chat="55501234", channel="telegram")
        assert "Sedang diverifikasi" in await again.say(f"/status {code}")
        assert "rendang" in await admin.say("/gaps")
    finally:
        rotated.close()


def run_cli(
    tmp_path: Path, *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'asnbot.db'}",
        "ASNBOT_STORAGE_MEDIA_DIR": str(tmp_path / "media"),
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "PATH": "/usr/bin:/bin",
        **(env_extra or {}),
    }
    from tests.conftest import REPO

    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


async def test_operator_cli_lists_shows_exports_purges_and_rotates(
    tmp_path: Path, clock: FakeClock
) -> None:
    settings = tip_settings(f"sqlite:///{tmp_path / 'asnbot.db'}", tmp_path)
    settings = replace(
        settings, storage=replace(settings.storage, media_dir=str(tmp_path / "media"))
    )
    app = build_app(settings, clock=clock)
    await send_tip(Chat(app, "telegram:55501234", chat="55501234", channel="telegram"))
    app.close()

    listed = run_cli(tmp_path, "tips", "list")
    assert listed.returncode == 0 and "#1\tnew\tfasilitas" in listed.stdout
    shown = run_cli(tmp_path, "tips", "show", "1", "--photos", str(tmp_path / "out"))
    assert "Zulkarnaen" in shown.stdout and "55501234" not in shown.stdout
    assert (tmp_path / "out" / "tip1-photo1.jpg").read_bytes()[:2] == b"\xff\xd8"
    exported = run_cli(tmp_path, "tips", "export", "semua")
    assert exported.stdout.count("\n") == 2 and "Zulkarnaen" in exported.stdout
    assert run_cli(tmp_path, "tips", "purge").stdout.startswith("0 photo")

    rotated = run_cli(tmp_path, "keys", "rotate", env_extra={"ASNBOT_NEW_SECRET_KEY": NEW_SECRET})
    assert rotated.returncode == 0, rotated.stderr
    assert "key version 2" in rotated.stdout and NEW_SECRET not in rotated.stdout + rotated.stderr
    refused = run_cli(tmp_path, "tips", "list")
    assert refused.returncode == 2 and "does not open" in refused.stderr
    assert "Traceback" not in refused.stderr
    again = run_cli(tmp_path, "tips", "list", env_extra={"ASNBOT_SECRET_KEY": NEW_SECRET})
    assert "#1\tnew" in again.stdout


def test_console_chat_takes_a_photo_by_path(tmp_path: Path) -> None:
    photo = tmp_path / "bukti.jpg"
    photo.write_bytes(jpeg_with_gps())
    env = {
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'asnbot.db'}",
        "ASNBOT_STORAGE_MEDIA_DIR": str(tmp_path / "media"),
        "ASNBOT_SECRET_KEY": TEST_SECRET,
        "PATH": "/usr/bin:/bin",
    }
    from tests.conftest import REPO

    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), "chat", "--quiet"],
        input=f"/lapor\nbupati memerintahkan camat hadir kampanye\n/photo {photo}\n/kirim\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 pesan teks, 1 foto" in proc.stdout
    assert code_in(proc.stdout)
    assert len(list((tmp_path / "media").iterdir())) == 1


def test_workers_starting_together_share_one_vault(pg_url: str, clock: FakeClock) -> None:
    """Several ``asnbot run`` processes started at once on an empty database: one
    creates the vault, the others read it; none fails to start."""
    db = Database(pg_url)
    migrate.upgrade(db)
    try:
        for attempt in range(5):  # the race is won by microseconds: try it a few times
            with db.write() as s:
                s.execute(text("DELETE FROM vault_state"))
            start = Barrier(8)

            def open_one(_: int, start: Barrier = start) -> bytes:
                start.wait()
                return open_vault(db, TEST_SECRET, clock()).receipt_key

            with ThreadPoolExecutor(8) as pool:
                keys = set(pool.map(open_one, range(8)))
            assert len(keys) == 1, f"attempt {attempt}: {len(keys)} different vaults"
    finally:
        db.dispose()
