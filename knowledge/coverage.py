"""Coverage map: every listed prohibition must be reachable through the bot.

knowledge/coverage.toml lists each item of SKB 2022 Lampiran II (tabel A and
B) and each sub-point of PP 94/2021 Pasal 5 huruf n, the entries that answer
it, and sample questions in everyday language. The lint asks the knowledge
base those questions: an item whose questions land elsewhere (or nowhere) is
a rule people cannot reach, even if an entry about it exists.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.entries import check_table_id
from knowledge.regulations import cited_regulation

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

COVERAGE_FILE = Path(__file__).with_name("coverage.toml")
FIELDS = frozenset({"id", "rule", "about", "entries", "questions"})
# The rules that must each have an item: the two tables of SKB 2022 Lampiran II
# (7 and 13 butir, as the regulation digest lists them) and the 7 angka of
# PP 94/2021 Pasal 5 huruf n.
REQUIRED_RULES = (
    *(f"SKB 2022 Lampiran II tabel A butir {i}" for i in range(1, 8)),
    *(f"SKB 2022 Lampiran II tabel B butir {i}" for i in range(1, 14)),
    *(f"PP 94/2021 Pasal 5 huruf n angka {i}" for i in range(1, 8)),
)


@dataclass(frozen=True, slots=True)
class CoverageItem:
    id: str
    rule: str
    about: str
    entries: tuple[str, ...]
    questions: tuple[str, ...]


def _strings(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def _parse(raw: Any, where: str, defects: list[str]) -> CoverageItem | None:
    if not isinstance(raw, dict):
        defects.append(f"{where}: item is not a table")
        return None
    bad = len(defects)
    item_id, where = check_table_id(raw, FIELDS, where, defects)
    for key in ("rule", "about"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            defects.append(f"{where}: {key} missing or empty")
    entries, questions = _strings(raw.get("entries")), _strings(raw.get("questions"))
    if not entries:
        defects.append(f"{where}: names no entry (entries must be a non-empty list of ids)")
    if not questions:
        defects.append(f"{where}: questions must be a non-empty list of strings")
    if len(defects) > bad:
        return None
    assert entries is not None and questions is not None and item_id is not None
    return CoverageItem(item_id, raw["rule"].strip(), raw["about"].strip(), entries, questions)


def load_coverage(path: Path) -> tuple[list[CoverageItem], list[str]]:
    """The items in path and the defects found; never raises on bad data."""
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], [f"{name}: coverage file not found"]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return [], [f"{name}: not valid TOML: {exc}"]
    except OSError as exc:
        return [], [f"{name}: cannot be read: {exc.strerror}"]
    defects = [f"{name}: unexpected top-level key {k!r}" for k in sorted(set(raw) - {"item"})]
    rows = raw.get("item")
    if not isinstance(rows, list) or not rows:
        return [], [*defects, f"{name}: no [[item]] tables"]
    items: list[CoverageItem] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        item = _parse(row, f"{name} item {index}", defects)
        if item is None:
            continue
        if item.id in seen:
            defects.append(f"{name} ({item.id}): id used twice")
            continue
        seen.add(item.id)
        items.append(item)
    return items, defects


def check_coverage(
    kb: KnowledgeBase, path: Path, required: tuple[str, ...] = REQUIRED_RULES
) -> list[str]:
    """One line per item that names no existing entry or whose sample questions
    are not answered by one of its entries, and per required rule without an item."""
    items, defects = load_coverage(path)
    name = path.name
    for item in items:
        where = f"{name} ({item.id})"
        if cited_regulation(item.rule, kb.regulations) is None:
            defects.append(f"{where}: rule {item.rule!r} is not a citation of regulations.toml")
        missing = [e for e in item.entries if kb.entry(e) is None]
        for entry_id in missing:
            defects.append(f"{where}: entry {entry_id!r} does not exist")
        if len(missing) == len(item.entries):
            defects.append(f"{where}: names no existing entry")
            continue
        for question in item.questions:
            answer = kb.ask(question)
            got = answer.match.id if answer.match is not None else None
            if got not in item.entries:
                shown = got or f"no answer ({answer.intent})"
                defects.append(
                    f"{where}: sample question {question!r} gets {shown}, "
                    f"not one of {', '.join(item.entries)}"
                )
    covered = {item.rule for item in items}
    for rule in required:
        if rule not in covered:
            defects.append(f"{name}: no item covers {rule}")
    return defects
