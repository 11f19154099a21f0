"""docs/security.md: every claim cites tests, and every cited test exists."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "security.md"
CITE = re.compile(r"^- (tests/[\w/]+\.py)::(\w+)\s*$")


def _claims() -> dict[str, list[tuple[str, str]]]:
    claims: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            claims[current] = []
        elif current and (m := CITE.match(line.strip())):
            claims[current].append((m.group(1), m.group(2)))
    return claims


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_security_claim_cites_at_least_one_test() -> None:
    claims = _claims()
    assert len(claims) >= 9
    assert [claim for claim, tests in claims.items() if not tests] == []


def test_every_cited_test_exists() -> None:
    missing = []
    for tests in _claims().values():
        for path, name in tests:
            file = ROOT / path
            if not file.is_file() or name not in _test_names(file):
                missing.append(f"{path}::{name}")
    assert missing == []
