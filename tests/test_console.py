"""The console channel driven through a pipe, as `printf … | asnbot chat` does."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, cli_env
from tests.tips.helpers import jpeg_with_gps, png


def run_chat(
    tmp_path: Path, stdin: bytes, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = cli_env(tmp_path) | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), "chat", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=90,
    )


def test_script_of_messages_gets_replies_and_exits_at_eof(tmp_path: Path) -> None:
    proc = run_chat(tmp_path, b"halo\n/help\n")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert "belum tersambung" in out  # the friendly paragraph about missing credentials
    assert "Halo juga" in out
    assert "/lapor" in out and "/langganan" in out
    assert b"Traceback" not in proc.stderr


def test_bad_input_gets_polite_replies_and_the_bot_keeps_serving(tmp_path: Path) -> None:
    lines = [
        b"",  # empty
        b"     \t ",  # only whitespace
        "x" * 100_000,  # 100 KB
        bytes(range(256)).replace(b"\n", b""),  # binary garbage
        b"\xff\xfe\xfa invalid utf-8 \xc3\x28",  # invalid UTF-8
        b"/bahasa",  # a command with a missing argument
        b"/bahasa en id extra words",  # and with extra ones
        b"/photo /no/such/file.jpg",
        b"/help",  # still serving
    ]
    stdin = b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n"
    proc = run_chat(tmp_path, stdin, "--quiet")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert out.count("kosong atau belum bisa saya baca") >= 2
    assert "Pilih bahasa" in out  # /bahasa without a valid argument asks
    assert "Perintah yang bisa dipakai" in out  # the last line was still answered
    assert "Maaf, ada gangguan" not in out  # nothing crashed inside


def test_role_flag_grants_a_role_for_the_session(tmp_path: Path) -> None:
    citizen = run_chat(tmp_path, b"/gaps\n", "--quiet").stdout.decode()
    admin = run_chat(tmp_path, b"/gaps\n", "--quiet", "--role", "admin").stdout.decode()
    assert "hanya untuk petugas" in citizen
    assert "hanya untuk petugas" not in admin


def test_two_users_do_not_share_state(tmp_path: Path) -> None:
    run_chat(tmp_path, b"/bahasa en\n", "--quiet", "--user", "a")
    a = run_chat(tmp_path, b"/help\n", "--quiet", "--user", "a").stdout.decode()
    b = run_chat(tmp_path, b"/help\n", "--quiet", "--user", "b").stdout.decode()
    assert "Commands" in a and "Perintah" in b


def _saved(out: str, kind: str) -> list[Path]:
    """The files the console says it wrote: "(foto: PATH, N byte)" / "(berkas: PATH, N byte)"."""
    return [Path(p) for p in re.findall(rf"\({kind}: (.+?), \d+ byte\)", out)]


def test_exports_charts_and_tip_photos_are_written_to_a_private_folder(tmp_path: Path) -> None:
    photo = tmp_path / "bukti.jpg"
    photo.write_bytes(jpeg_with_gps())
    tip = f"/lapor\nCamat memakai mobil dinas untuk kampanye\n/photo {photo}\n/kirim\n"
    run_chat(tmp_path, tip.encode(), "--quiet", "--user", "warga")
    proc = run_chat(tmp_path, b"/tip 1\n/export\n/stats\n", "--quiet", "--role", "admin")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    photos, documents = _saved(out, "foto"), _saved(out, "berkas")
    assert len(photos) == 2 and len(documents) == 1  # the tip's photo, the /stats chart; the CSV
    for path in (*photos, *documents):
        full = tmp_path / path if not path.is_absolute() else path
        assert full.parent == tmp_path / "data" / "console-out"
        assert stat.S_IMODE(full.stat().st_mode) == 0o600
    folder = tmp_path / "data" / "console-out"
    assert (folder / documents[0].name).read_bytes().startswith("\ufeffid,created_at".encode())
    assert (folder / photos[0].name).read_bytes()[:2] == b"\xff\xd8"  # the cleaned JPEG
    assert b"SecretPhoneMaker" not in (folder / photos[0].name).read_bytes()
    assert (folder / photos[1].name).read_bytes()[:4] == b"\x89PNG"
    elsewhere = run_chat(
        tmp_path, b"/export\n", "--quiet", "--role", "admin", env={"ASNBOT_CONSOLE_OUT_DIR": "out"}
    ).stdout.decode()
    (moved,) = _saved(elsewhere, "berkas")
    assert moved.parent == Path("out") and (tmp_path / moved).is_file()


def test_the_console_runs_the_scheduler_so_a_broadcast_arrives_in_the_session(
    tmp_path: Path,
) -> None:
    env = {
        "ASNBOT_ROLES_HR_OFFICES": '{"console:hr1": "BKPSDM Uji"}',
        "ASNBOT_REMINDERS_QUIET_HOURS": "00:00-00:00",  # none: the test runs at any hour
    }
    run_chat(tmp_path, b"/langganan WIB\nBKPSDM Uji\n", "--quiet", "--user", "pegawai", env=env)
    proc = run_chat(tmp_path, b"/siaran Apel pagi\n1\n", "--quiet", "--user", "hr1", env=env)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert "[broadcast → console:pegawai]" in out and "Apel pagi" in out
    assert "[notice → console:hr1]" in out and "Terkirim: 1 dari 1" in out


def test_photo_of_a_missing_file_or_a_folder_says_the_file_was_not_found(tmp_path: Path) -> None:
    stdin = f"/photo /no/such/file.jpg\n/photo {tmp_path}\n/photo\n".encode()
    out = run_chat(tmp_path, stdin, "--quiet").stdout.decode()
    assert out.count("tidak ditemukan") == 3
    assert "/no/such/file.jpg" in out and str(tmp_path) in out
    assert "tidak saya kenal" not in out


def test_an_oversized_photo_is_refused_with_one_message_and_no_warning(tmp_path: Path) -> None:
    big = tmp_path / "besar.png"
    big.write_bytes(png((1100, 1000)))  # 1.1 million pixels: over the limit, under twice it
    stdin = f"/lapor\n/photo {big}\n".encode()
    proc = run_chat(tmp_path, stdin, "--quiet", env={"ASNBOT_TIPS_MAX_PIXELS": "1000000"})
    assert "terlalu besar resolusinya" in proc.stdout.decode()
    assert b"DecompressionBomb" not in proc.stderr and b"Warning" not in proc.stderr
