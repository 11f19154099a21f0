"""Tests read time only through the ``clock`` fixture, so the suite passes on any date.

A test that reads the wall clock (or a file's mtime) passes today and fails
next month; ``.ci/run`` also runs the suite a year ahead under ``faketime``.
Fake servers (tests/fakes) and conftest.py may read real time: they stand in
for the outside world, whose clock is real.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO

# What reads the wall clock or the file system's idea of time.
WALL_CLOCK = re.compile(
    r"\b(?:datetime|date)\s*\.\s*(?:now|today|utcnow)\s*\("
    r"|\btime\s*\.\s*(?:time|time_ns|localtime|gmtime|ctime)\s*\(\s*\)"
    r"|\.st_[amc]time\b|\bget[amc]time\s*\("
    r"|\butc_now\s*\("
)
ALLOWED = ("conftest.py", "fakes/")


def wall_clock_reads(source: str) -> list[str]:
    """The lines of ``source`` that read the wall clock, as "line: text"."""
    return [
        f"{number}: {line.strip()}"
        for number, line in enumerate(source.splitlines(), 1)
        if WALL_CLOCK.search(line)
    ]


def test_the_check_catches_every_way_of_reading_the_wall_clock() -> None:
    # Split in two, so the lines themselves are not caught by a grep of this file.
    caught = [
        "now = datetime" + ".now(UTC)",
        "today = date" + ".today()",
        "stamp = time" + ".time()",
        "old = datetime" + ".utcnow()",
        "age = path.stat().st_" + "mtime",
        "age = os.path.get" + "mtime(p)",
        "at = utc_" + "now()",
    ]
    for line in caught:
        assert wall_clock_reads(line), line
    fine = [
        "now = clock()",
        "clock.now += timedelta(days=1)",
        "deadline = time.monotonic() + 30",
        "at = datetime.fromisoformat('2026-12-07T10:00+07:00')",
    ]
    for line in fine:
        assert not wall_clock_reads(line), line


def test_no_test_reads_the_wall_clock() -> None:
    here = Path(__file__).resolve()
    found = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        name = path.relative_to(REPO / "tests").as_posix()
        if path == here or any(name == a or name.startswith(a) for a in ALLOWED):
            continue
        found += [f"tests/{name}:{hit}" for hit in wall_clock_reads(path.read_text())]
    assert not found, "tests must take time from the clock fixture:\n" + "\n".join(found)
