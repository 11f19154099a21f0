"""Arrows point down only, and platform SDKs stay inside ``bot/``.

storage/ and knowledge/ import nothing of ours; handlers/ may import them;
bot/ may import everything. telegram, twilio, starlette and apscheduler
appear nowhere outside bot/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

OURS = {"bot", "handlers", "knowledge", "storage"}
ALLOWED = {
    "storage": set(),
    "knowledge": set(),
    "handlers": {"storage", "knowledge"},
    "bot": OURS,
}
SDKS = {"telegram", "twilio", "starlette", "apscheduler", "uvicorn"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def package_files(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_upward_imports(package: str) -> None:
    files = package_files(package)
    assert files, f"{package}/ has no Python files"
    bad = {
        f"{path.relative_to(REPO)} imports {name}"
        for path in files
        for name in imports_of(path) & OURS
        if name != package and name not in ALLOWED[package]
    }
    assert not bad, sorted(bad)


@pytest.mark.parametrize("package", ["handlers", "knowledge", "storage"])
def test_platform_sdks_stay_in_bot(package: str) -> None:
    bad = {
        f"{path.relative_to(REPO)} imports {name}"
        for path in package_files(package)
        for name in imports_of(path) & SDKS
    }
    assert not bad, sorted(bad)


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The walk itself works: a planted import is found."""
    bad = tmp_path / "x.py"
    bad.write_text("import telegram\nfrom bot.config import Settings\n")
    assert imports_of(bad) == {"telegram", "bot"}
