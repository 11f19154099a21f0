"""The console channel driven through a pipe, as `printf … | asnbot chat` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, TEST_SECRET


def run_chat(tmp_path: Path, stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("ASNBOT_", "TELEGRAM", "TWILIO"))
        },
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
    }
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
