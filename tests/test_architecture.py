"""Arrows point down only, and platform SDKs stay inside ``bot/``.

storage/ and knowledge/ import nothing of ours; handlers/ may import them;
bot/ may import everything. telegram, twilio, starlette and apscheduler
appear nowhere outside bot/. Inside handlers/ no module imports itself
back through others, not even with an import inside a function.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
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


# --- import cycles ----------------------------------------------------------


def module_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its body.

    An import inside a function counts: a late import hides a loop, it does not
    break it (the modules still cannot be understood or loaded one without the other).
    """
    modules: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    if full in modules:
                        found.add(full)  # from pkg import module
                    elif base in modules:
                        found.add(base)  # from module import name
        graph[name] = found - {name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = itertools.count()
    cycles: list[list[str]] = []

    def visit(v: str) -> Iterator[None]:
        index[v] = low[v] = next(counter)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                yield from visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))
        yield

    for v in sorted(graph):
        if v not in index:
            for _ in visit(v):
                pass
    return sorted(cycles)


def test_no_import_cycle_inside_handlers() -> None:
    cycles = import_cycles(module_graph(REPO / "handlers"))
    assert not cycles, "import cycles in handlers/: " + "; ".join(" ↔ ".join(c) for c in cycles)


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body)
    return root / "pkg"


LOOPS = {
    "pkg/__init__.py": "",
    "pkg/a.py": "from pkg import b\n",
    "pkg/b.py": "from pkg.sub.c import thing\n",
    "pkg/sub/__init__.py": "",
    "pkg/sub/c.py": "def thing():\n    from pkg.a import x  # late\n    return x\n",
    "pkg/sub/d.py": "from . import e\n",
    "pkg/sub/e.py": "from .d import y\n",
    "pkg/leaf.py": "import pkg.a\n",
}
TREE = {
    "pkg/__init__.py": "",
    "pkg/top.py": "from pkg import mid, low\n",
    "pkg/mid.py": "from pkg.low import x\n",
    "pkg/low.py": "x = 1\n",
}


@pytest.mark.parametrize(
    ("files", "cycles"),
    [
        # A three-module loop closed by a late import, and a relative one: both found.
        (LOOPS, [["pkg.a", "pkg.b", "pkg.sub.c"], ["pkg.sub.d", "pkg.sub.e"]]),
        (TREE, []),
    ],
    ids=["loops", "tree"],
)
def test_the_cycle_check_on_a_synthetic_package(
    tmp_path: Path, files: dict[str, str], cycles: list[list[str]]
) -> None:
    pkg = _package(tmp_path, files)
    assert import_cycles(module_graph(pkg)) == cycles
