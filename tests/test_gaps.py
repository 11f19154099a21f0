"""The unanswered-questions log keeps questions, masked and sealed, never what a tip must not
leave behind: no receipt code, phone number, e-mail, NIP/NIK, report or name."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.scheduler import DAILY_JOBS
from bot.wiring import App
from handlers import gaplog
from handlers.tips.kit import kit
from knowledge.gapfilter import gap_text
from storage import kbstats, migrate
from storage.db import Database
from tests.conftest import FakeClock, incoming, migrated_to
from tests.tips.helpers import every_stored_value, gap_texts

NEVER_LOGGED = [
    "J264-J8FZ-AQDZ",  # a receipt code, pasted without /status
    "j264 j8fz aqdz ?",
    "J264J8FZAQDZ gimana statusnya?",
    # about one code in a hundred has no digit; typed run together and in lower case
    "kode saya tsrcznqsnwej gimana?",
    "tolong hubungi saya di 0812-3456-7890 kapan bisa?",
    "nomor wa saya +62 812 3456 7890, boleh dibalas?",
    "email saya siti.rahayu@example.go.id, bagaimana?",
    "NIK 3273012505900003 apakah aman?",
    "NIP 19850312 201001 1 003 boleh saya lapor?",
    # Tips typed without /lapor: statements naming someone, or telling what was seen.
    "pak Budi Santoso kabid di dinas pendidikan garut bagi2 amplop",
    "Budi Santoso bagi amplop di kantor kecamatan",
    "tadi liat kades pasang baliho paslon di balai desa",
    "kades kami bagi sembako ke warga",
    "saya mau lapor camat ikut kampanye",
]


async def ask(app: App, message: str, who: str = "telegram:5550001") -> None:
    await app.dispatcher.handle(incoming(message, who=who))


@pytest.mark.parametrize("message", NEVER_LOGGED)
async def test_what_a_tip_must_not_leave_behind_never_reaches_the_log(
    app: App, message: str
) -> None:
    await ask(app, message)
    assert gap_texts(app) == []
    assert await kbstats.top_gaps(app.services.db, kit(app.services).vault, 5) == []


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("cpns yang lagi latsar boleh ikut kampanye gak", "cpns boleh"),  # not a code
        # a twelve-letter word of code letters, run together: its vowels say word
        ("pns boleh menghadirkan caleg di acara kantor?", "hadir"),
        ("kalau tanggal 2024-02-14 boleh cuti?", "2024"),  # a date, not a number
        ("gratifikasi Rp 10.000.000 boleh gak", "gratifikasi"),  # money, not a NIK
        ("camat mempercepat bansos, boleh?", "cepat"),  # a verb after a title, not a name
        ("bolehkah pns mengimbau saudara saudaranya?", "saudara"),
    ],
)
def test_ordinary_questions_are_not_mistaken_for_codes_numbers_or_names(
    app: App, message: str, kept: str
) -> None:
    text = gap_text(app.services.kb, message)
    assert text is not None and "[nama]" not in text
    assert kept in text


async def test_questions_are_kept_with_names_masked(app: App) -> None:
    await ask(app, "kapan pak Budi Santoso pensiun?")
    await ask(app, "Apakah bu siti rahayu boleh jadi juri lomba masak?")
    await ask(app, "resep rendang padang")  # asks nothing, but names nobody: a question
    logged = gap_texts(app)
    assert len(logged) == 3
    assert "[nama]" in logged[0] and "[nama]" in logged[1]
    for name in ("budi", "santoso", "siti", "rahayu"):
        assert not [g for g in logged if name in g.casefold()]
    assert "rendang" in logged[2]


async def test_the_log_is_sealed_counted_and_dated_to_the_day(app: App, clock: FakeClock) -> None:
    clock.now = clock.now.replace(hour=9, minute=47, second=13)
    for who in ("telegram:1", "telegram:2"):
        await ask(app, "resep rendang padang", who=who)
    (row,) = _rows(app)
    assert row["count"] == 2
    assert str(row["first_day"]) == str(row["last_day"]) == "2026-11-25"
    assert "rendang" not in row["text_enc"] and row["text_enc"].startswith("v1:")
    assert not [v for v in every_stored_value(app) if "rendang" in v]
    assert not [v for v in every_stored_value(app) if "09:47" in v or ":47:13" in v]


async def test_questions_not_asked_again_are_purged_after_the_retention(
    app: App, clock: FakeClock
) -> None:
    assert app.services.limits.gap_retention_days == 90  # config.toml's default
    assert any(job.run is gaplog.purge for job in DAILY_JOBS)
    await ask(app, "resep rendang padang")
    clock.now += timedelta(days=60)
    await ask(app, "harga cabai hari ini")
    clock.now += timedelta(days=31)  # rendang: 91 days; cabai: 31
    assert await gaplog.purge(app.services, clock()) == 1
    assert [g.split()[0] for g in gap_texts(app)] == ["harga"]
    clock.now += timedelta(days=60)
    assert await gaplog.purge(app.services, clock()) == 1
    assert gap_texts(app) == []


def _rows(app: App) -> list[dict[str, object]]:
    with app.services.db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM kb_gaps"))]


def test_the_migration_scrubs_what_is_already_stored(db_url: str, tmp_path: Path) -> None:
    """The old log's rows (plain text, microseconds) are gone after the upgrade, bytes too."""
    db = Database(db_url)
    try:
        with migrated_to(db, "0105") as conn:
            conn.execute(
                text("INSERT INTO kb_gaps (text, count, first_at, last_at) VALUES (:t, 1, :a, :a)"),
                [
                    {"t": "j264 j8fz aqdz", "a": "2026-11-30 10:11:12.131415"},
                    {"t": "pak budi santoso dinas bagi amplop", "a": "2026-11-30 10:11:12.5"},
                ],
            )
        migrate.upgrade(db)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM kb_gaps")).scalar() == 0
            columns = {c for c in conn.execute(text("SELECT * FROM kb_gaps")).keys()}
        assert columns == {"key", "text_enc", "count", "first_day", "last_day"}
    finally:
        db.dispose()
    if db_url.startswith("sqlite"):
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("asnbot.db*"))
        assert b"j264" not in raw and b"santoso" not in raw
