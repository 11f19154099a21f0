"""FAQ entries: the dataclass, and a loader that validates every field.

The loader never raises on bad data: a malformed file or field becomes a
defect line and the rest of the knowledge base still loads, so one typo in
one file cannot take the bot down.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.learned import LEARNED_FILE, read_examples

VERDICTS = ("dilarang", "boleh", "boleh_bersyarat", "info")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_ALTERNATES = 6
MAX_ANSWER_CHARS = 700
MAX_RELATED = 3
FIELDS = frozenset(
    {"id", "question", "alternates", "answer", "verdict", "sources", "related", "reviewed"}
)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    topic: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    verdict: str
    sources: tuple[str, ...]
    related: tuple[str, ...]
    reviewed: dt.date
    # Development questions that fit this entry (knowledge/learned.py): the
    # matcher's phrasings only, never shown and never checked as authored text.
    examples: tuple[str, ...] = ()


def _str_list(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(value)


def check_table_id(
    raw: dict[str, Any], fields: frozenset[str], where: str, defects: list[str]
) -> tuple[str | None, str]:
    """The table's id if it is kebab-case (else None, with a defect), and `where`
    extended with that id; every key outside `fields` is a defect too."""
    table_id = raw.get("id")
    valid = isinstance(table_id, str) and ID_PATTERN.match(table_id) is not None
    if valid:
        where = f"{where} ({table_id})"
    else:
        defects.append(f"{where}: id {table_id!r} is not lowercase kebab-case")
    for key in sorted(set(raw) - fields):
        defects.append(f"{where}: unknown field {key!r}")
    return (table_id if valid else None), where


def _parse_entry(raw: Any, topic: str, where: str, defects: list[str]) -> Entry | None:
    if not isinstance(raw, dict):
        defects.append(f"{where}: entry is not a table")
        return None
    bad = len(defects)
    entry_id, where = check_table_id(raw, FIELDS, where, defects)
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        defects.append(f"{where}: question missing or empty")
    alternates = _str_list(raw.get("alternates"))
    if alternates is None:
        defects.append(f"{where}: alternates must be a list of strings")
    else:
        if len(alternates) < MIN_ALTERNATES:
            defects.append(
                f"{where}: {len(alternates)} alternates, at least {MIN_ALTERNATES} needed"
            )
        for alt in alternates:
            if not alt.strip():
                defects.append(f"{where}: empty alternate")
    answer = raw.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        defects.append(f"{where}: answer missing or empty")
    elif len(answer.strip()) > MAX_ANSWER_CHARS:
        defects.append(
            f"{where}: answer has {len(answer.strip())} characters, max {MAX_ANSWER_CHARS}"
        )
    verdict = raw.get("verdict")
    if verdict not in VERDICTS:
        defects.append(f"{where}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    sources = _str_list(raw.get("sources"))
    if sources is None or not sources:
        defects.append(f"{where}: sources must be a non-empty list of strings")
    related = _str_list(raw.get("related", []))
    if related is None:
        defects.append(f"{where}: related must be a list of strings")
    elif len(related) > MAX_RELATED:
        defects.append(f"{where}: {len(related)} related ids, max {MAX_RELATED}")
    reviewed = raw.get("reviewed")
    # tomllib gives datetime for "2026-11-25T00:00", which is a date subclass too
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        defects.append(f"{where}: reviewed must be a TOML date like 2026-11-25")
    if len(defects) > bad:
        return None
    assert entry_id is not None and isinstance(question, str) and isinstance(answer, str)
    assert isinstance(verdict, str)
    assert alternates is not None and sources is not None and related is not None
    assert isinstance(reviewed, dt.date)
    return Entry(
        id=entry_id,
        topic=topic,
        question=question.strip(),
        alternates=tuple(a.strip() for a in alternates),
        answer=answer.strip(),
        verdict=verdict,
        sources=tuple(s.strip() for s in sources),
        related=related,
        reviewed=reviewed,
    )


def load_entries(data_dir: Path) -> tuple[tuple[Entry, ...], list[str]]:
    """All valid entries under data_dir (sorted by file name) and the defects found."""
    defects: list[str] = []
    entries: list[Entry] = []
    if not data_dir.is_dir():
        return (), [f"{data_dir.name}: data folder not found"]
    files = sorted(data_dir.glob("*.toml"))
    if not files:
        defects.append(f"{data_dir.name}: no data files")
    for path in files:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            defects.append(f"{path.name}: not valid TOML: {exc}")
            continue
        except OSError as exc:
            defects.append(f"{path.name}: cannot be read: {exc.strerror}")
            continue
        items = raw.get("entry")
        for key in sorted(set(raw) - {"entry"}):
            defects.append(f"{path.name}: unexpected top-level key {key!r}")
        if not isinstance(items, list) or not items:
            defects.append(f"{path.name}: no [[entry]] tables")
            continue
        for index, item in enumerate(items, start=1):
            entry = _parse_entry(item, path.stem, f"{path.name} entry {index}", defects)
            if entry is not None:
                entries.append(entry)
    seen: dict[str, str] = {}
    unique: list[Entry] = []
    for entry in entries:
        if entry.id in seen:
            defects.append(
                f"{entry.topic}.toml ({entry.id}): id already used in {seen[entry.id]}.toml"
            )
            continue
        seen[entry.id] = entry.topic
        unique.append(entry)
    examples, bad = read_examples(data_dir / LEARNED_FILE, {e.id: e.verdict for e in unique})
    defects.extend(bad)
    unique = [dataclasses.replace(e, examples=examples.get(e.id, ())) for e in unique]
    return tuple(unique), defects
