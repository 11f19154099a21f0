"""An operator backs up a running bot and brings it back elsewhere, tips and photos included."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import main
from bot.wiring import App, build_app
from handlers.tips.kit import kit
from storage import tips
from tests.conftest import PG_ENV, TEST_SECRET, FakeClock, _fresh_pg_database
from tests.tips.helpers import Chat, tip_settings
from tests.tips.test_flow import STORY, send_tip

OTHER_SECRET = "another-secret-key-9876543210-zyxwvutsrqpon"


def use(monkeypatch: pytest.MonkeyPatch, url: str, media: Path, secret: str = TEST_SECRET) -> None:
    """The environment an operator would set for one installation."""
    monkeypatch.setenv("ASNBOT_STORAGE_URL", url)
    monkeypatch.setenv("ASNBOT_STORAGE_MEDIA_DIR", str(media))
    monkeypatch.setenv("ASNBOT_SECRET_KEY", secret)


@pytest.fixture
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """Where the backup is restored: a new database of the same kind."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'asnbot.db'}"
    else:
        import os

        yield from _fresh_pg_database(os.environ[PG_ENV])


@pytest.fixture
def source(db_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    app = build_app(tip_settings(db_url, tmp_path), clock=clock)
    yield app
    app.close()


async def test_a_tip_and_its_photo_survive_backup_and_restore(
    source: App,
    second_url: str,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tipster = Chat(source, "telegram:55501234", chat="55501234", channel="telegram")
    code = await send_tip(tipster)
    vault = kit(source.services).vault
    original = await tips.detail(source.services.db, vault, 1)
    assert original is not None and len(original.media) == 1
    photo = kit(source.services).media.get(original.media[0].file_name)

    use(monkeypatch, source.settings.storage.url, Path(source.settings.storage.media_dir))
    file = tmp_path / "asnbot.backup"
    assert main(["backup", str(file)]) == 0
    assert "backup written" in capsys.readouterr().out
    assert file.stat().st_mode & 0o777 == 0o600
    raw = file.read_bytes()
    assert STORY.encode() not in raw and b"55501234" not in raw  # sealed, not just zipped

    use(monkeypatch, second_url, tmp_path / "r" / "media")
    assert main(["restore", str(file)]) == 0
    assert "restored" in capsys.readouterr().out

    restored = build_app(tip_settings(second_url, tmp_path / "r"), clock=clock)
    try:
        rkit = kit(restored.services)
        detail = await tips.detail(restored.services.db, rkit.vault, 1)
        assert detail is not None
        assert detail.body == original.body and STORY in detail.body
        assert detail.created_at == original.created_at
        assert rkit.media.get(detail.media[0].file_name) == photo
        # The receipt code still opens the tip, and new tips get new numbers.
        status = await Chat(restored, "telegram:777", chat="777", channel="telegram").say(
            f"/status {code}"
        )
        assert "#1" in status or "baru" in status
        again = await send_tip(Chat(restored, "telegram:888", chat="888", channel="telegram"))
        assert again != code
        assert await tips.detail(restored.services.db, rkit.vault, 2) is not None
    finally:
        restored.close()


async def test_restore_refuses_what_it_cannot_trust_and_changes_nothing(
    source: App,
    second_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await send_tip(Chat(source, "telegram:55501234", chat="55501234", channel="telegram"))
    use(monkeypatch, source.settings.storage.url, Path(source.settings.storage.media_dir))
    file = tmp_path / "b.backup"
    assert main(["backup", str(file)]) == 0
    media = tmp_path / "restored-media"

    # Another installation's secret cannot open it.
    use(monkeypatch, second_url, media, secret=OTHER_SECRET)
    assert main(["restore", str(file)]) == 2
    assert "another ASNBOT_SECRET_KEY" in capsys.readouterr().err

    # A file cut short or altered is refused before anything is committed.
    use(monkeypatch, second_url, media)
    cut = tmp_path / "cut.backup"
    cut.write_bytes(file.read_bytes()[:-40])
    assert main(["restore", str(cut)]) == 2
    assert "cut short" in capsys.readouterr().err
    flipped = bytearray(file.read_bytes())
    flipped[len(flipped) // 2] ^= 0x01
    bad = tmp_path / "bad.backup"
    bad.write_bytes(bytes(flipped))
    assert main(["restore", str(bad)]) == 2
    assert not media.exists() or not list(media.glob("*.bin"))

    # The source itself already holds data: no restore over it without --force.
    use(monkeypatch, source.settings.storage.url, Path(source.settings.storage.media_dir))
    assert main(["restore", str(file)]) == 2
    assert "already holds" in capsys.readouterr().err
    with source.services.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tips")).scalar() == 1

    # The good file still restores after all those refusals.
    use(monkeypatch, second_url, media)
    assert main(["restore", str(file)]) == 0


async def test_backup_of_a_busy_database_is_one_consistent_instant(
    source: App, second_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each write below adds one row to two tables in one transaction, all the time the
    backup runs: a copy taken table by table, at different instants, would hold more
    rows in one table than in the other."""
    await send_tip(Chat(source, "telegram:1", chat="1", channel="telegram"))
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        engine = source.services.db.engine
        while not stop.is_set():
            n = written[0]
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, target, detail) "
                        "VALUES (:at, 'test', 'noise', NULL, NULL)"
                    ),
                    {"at": "2026-11-25 01:00:00+00:00"},
                )
                conn.execute(
                    text("INSERT INTO profiles (who, locale, updated_at) VALUES (:w, 'id', :at)"),
                    {"w": f"noise-{n}", "at": "2026-11-25 01:00:00+00:00"},
                )
            written[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        use(monkeypatch, source.settings.storage.url, Path(source.settings.storage.media_dir))
        file = tmp_path / "busy.backup"
        assert main(["backup", str(file)]) == 0
    finally:
        stop.set()
        thread.join()
    use(monkeypatch, second_url, tmp_path / "r" / "media")
    assert main(["restore", str(file)]) == 0
    other = build_app(tip_settings(second_url, tmp_path / "r"), clock=source.services.clock)
    try:
        with other.services.db.engine.connect() as conn:
            audits = conn.execute(text("SELECT count(*) FROM audit_log WHERE action='noise'"))
            profiles = conn.execute(text("SELECT count(*) FROM profiles WHERE who LIKE 'noise-%'"))
            assert audits.scalar() == profiles.scalar()
            assert conn.execute(text("SELECT count(*) FROM tips")).scalar() == 1
    finally:
        other.close()
    assert written[0] > 0


def test_backup_says_what_is_wrong_with_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use(monkeypatch, f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "m")
    assert main(["backup", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "nothing.backup")]) == 2
    assert "no such file" in capsys.readouterr().err
