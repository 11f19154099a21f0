"""Settings: TOML, env overrides, one-line errors, and every key documented."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from bot.config import SECTIONS, ConfigError, Settings, load_settings
from tests.conftest import REPO

CONFIG = REPO / "config.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_loads_with_documented_defaults() -> None:
    settings = load_settings(CONFIG, env={})
    assert settings.storage.url == "sqlite:///data/asnbot.db"
    assert settings.telegram.mode == "polling"
    assert settings.telegram.api_base_url == "https://api.telegram.org/bot"
    assert settings.whatsapp.api_base_url == "https://api.twilio.com"
    assert not settings.telegram_enabled and not settings.whatsapp_enabled


def test_env_overrides_any_key_and_lists_come_as_json(tmp_path: Path) -> None:
    env = {
        "ASNBOT_TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        "ASNBOT_SERVER_PORT": "9090",
        "ASNBOT_ROLES_ADMINS": '["telegram:1001", "whatsapp:+6281234"]',
    }
    settings = load_settings(CONFIG, env=env)
    assert settings.telegram.api_base_url == "http://127.0.0.1:9/bot"
    assert settings.server.port == 9090
    assert settings.roles.admins == ("telegram:1001", "whatsapp:+6281234")


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "[server]\nport = 7000\n")
    assert load_settings(None, env={"ASNBOT_CONFIG": str(path)}).server.port == 7000


def test_secrets_only_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[telegram]\ntoken = "123:abc"\n')
    with pytest.raises(ConfigError, match=r"telegram\.token: unknown setting"):
        load_settings(path, env={})
    settings = load_settings(CONFIG, env={"TELEGRAM_BOT_TOKEN": "123:abc"})
    assert settings.telegram_enabled
    assert "123:abc" not in repr(settings)


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ('[telegram]\nmode = "pigeon"\n', {}, "telegram.mode: must be one of polling, webhook"),
        ("[server]\nport = 0\n", {}, "server.port: must be greater than 0"),
        ('[server]\nport = "eighty"\n', {}, "server.port: must be a whole number"),
        ("", {"ASNBOT_SERVER_PORT": "x"}, "server.port (from ASNBOT_SERVER_PORT): must be a whole"),
        (
            "",
            {"ASNBOT_ROLES_ADMINS": "telegram:1"},
            "roles.admins (from ASNBOT_ROLES_ADMINS): must",
        ),
        ('[roles]\nadmins = ["bob"]\n', {}, "roles: 'bob' must look like telegram:"),
        ('[storage]\nurl = "mysql://x"\n', {}, "storage.url: must start with sqlite"),
        ("[nonsense]\n", {}, "[nonsense]: unknown section"),
        ("[server\n", {}, "not valid TOML"),
    ],
)
def test_bad_values_name_the_key_in_one_line(
    tmp_path: Path, text: str, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text), env=env)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_cli_reports_bad_config_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, '[telegram]\nmode = "pigeon"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(path), "db", "upgrade"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "telegram.mode" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--config", str(tmp_path / "nope.toml")],
        capture_output=True,
        text=True,
        input="",
        timeout=60,
    )
    assert proc.returncode == 2
    assert "not found" in proc.stderr and "Traceback" not in proc.stderr


def _settings_keys() -> set[str]:
    keys = set()
    for section in SECTIONS:
        cls = typing.get_type_hints(Settings)[section]
        assert is_dataclass(cls)
        keys |= {f"{section}.{f.name}" for f in fields(cls)}
    return keys


def _documented_keys() -> set[str]:
    """Keys in config.toml that carry a one-line comment right above them."""
    documented, section = set(), ""
    lines = CONFIG.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        head = re.match(r"^\[+([\w.]+)\]+", line)
        if head:
            section = head.group(1)
            outer, _, inner = section.partition(".")
            if inner and outer in SECTIONS:  # a table-valued setting, e.g. [whatsapp.templates]
                assert lines[i - 1].startswith("#"), f"[{section}] has no comment above it"
                documented.add(section)
            continue
        key = re.match(r"^(\w+)\s*=", line)
        if key and section.split(".")[0] in SECTIONS:
            assert lines[i - 1].startswith("#"), f"{section}.{key.group(1)} has no comment above it"
            if section in SECTIONS:  # entries of a table-valued setting are its data
                documented.add(f"{section}.{key.group(1)}")
    return documented


def test_every_setting_is_in_config_toml_with_a_comment_and_nothing_else() -> None:
    assert _settings_keys() == _documented_keys()
    tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_every_key_the_code_reads_is_documented() -> None:
    """`settings.<section>.<key>` anywhere in the code must exist in config.toml."""
    documented = _documented_keys()
    used: set[str] = set()
    for path in REPO.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr in SECTIONS
                and isinstance(node.value.value, ast.Name | ast.Attribute)
                and getattr(node.value.value, "id", getattr(node.value.value, "attr", ""))
                == "settings"
            ):
                used.add(f"{node.value.attr}.{node.attr}")
    assert used, "the scan found no settings reads at all"
    assert used <= documented, used - documented
