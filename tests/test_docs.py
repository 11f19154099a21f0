"""docs/deploy.md: its asnbot commands run, its nginx and systemd files are valid."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "docs" / "deploy.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
OLD_KEY = "doc-test-old-key-" + "o" * 32
NEW_KEY = "doc-test-new-key-" + "n" * 32


def _blocks(lang: str) -> list[str]:
    text = DEPLOY.read_text(encoding="utf-8")
    return [m.group(2) for m in FENCE.finditer(text) if m.group(1) == lang]


def _commands() -> list[str]:
    lines = [line.strip() for block in _blocks("sh") for line in block.splitlines()]
    return [line for line in lines if line.startswith("asnbot ")]


def test_the_deploy_guide_names_the_operator_commands() -> None:
    verbs = {" ".join(c.split()[1:3]) for c in _commands()}
    for needed in ("db upgrade", "keys rotate", "reminders run-due"):
        assert needed in verbs
    assert any(c.startswith("asnbot backup ") for c in _commands())
    assert any(c.startswith("asnbot restore ") for c in _commands())


def test_every_asnbot_command_in_the_deploy_guide_runs(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "asnbot.db"}"\n'
        f'media_dir = "{tmp_path / "media"}"\n',
        encoding="utf-8",
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("ASNBOT_", "TELEGRAM_", "TWILIO_"))
    }
    env |= {"ASNBOT_CONFIG": str(config), "ASNBOT_SECRET_KEY": OLD_KEY}
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    commands = _commands()
    assert len(commands) >= 5
    for command in commands:
        if "keys rotate" in command:
            env["ASNBOT_NEW_SECRET_KEY"] = NEW_KEY
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr
        if "keys rotate" in command:
            env["ASNBOT_SECRET_KEY"] = env.pop("ASNBOT_NEW_SECRET_KEY")
    assert (tmp_path / "asnbot-backup.bin").stat().st_size > 0


def test_the_nginx_config_is_valid(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if nginx is None:
        pytest.skip("nginx is not installed here")
    (block,) = _blocks("nginx")
    # Certificates of the doc do not exist here: validate the rest with a snakeoil pair.
    crt, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=t",
            "-keyout",
            str(key),
            "-out",
            str(crt),
            "-days",
            "1",
        ],
        check=True,
        capture_output=True,
    )
    block = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {crt};", block)
    block = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", block)
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\naccess_log off;\n{block}\n}}\n",
        encoding="utf-8",
    )
    done = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_systemd_unit_is_valid(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    (block,) = _blocks("ini")
    unit = tmp_path / "asnbot@8080.service"
    unit.write_text(block.replace("/opt/asnbot/.venv/bin/asnbot", "/bin/true"), encoding="utf-8")
    done = subprocess.run(
        [analyze, "verify", "--man=no", str(unit)], capture_output=True, text=True
    )
    errors = [
        line
        for line in done.stderr.splitlines()
        if str(unit.name) in line and "User" not in line and "Group" not in line
    ]
    assert errors == [], done.stderr
