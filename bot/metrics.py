"""A few counters in Prometheus text format, without a dependency for it.

Label values are bounded: each metric keeps at most ``MAX_SERIES`` label sets,
and any further one is counted under ``other``. Whatever a request carries,
it cannot grow the series without end.
"""

from __future__ import annotations

import threading
from collections import defaultdict

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
MAX_SERIES = 50  # label sets per metric
OTHER = "other"

_lock = threading.Lock()
_counters: dict[tuple[str, tuple[tuple[str, str], ...]], float] = defaultdict(float)
_series: dict[str, int] = defaultdict(int)
_help: dict[str, str] = {}


def inc(name: str, help_text: str, amount: float = 1.0, **labels: str) -> None:
    key = (name, tuple(sorted(labels.items())))
    with _lock:
        _help.setdefault(name, help_text)
        if key not in _counters:
            if _series[name] >= MAX_SERIES:
                key = (name, tuple((k, OTHER) for k, _v in key[1]))
            if key not in _counters:
                _series[name] += 1
        _counters[key] += amount


def render() -> str:
    lines: list[str] = []
    with _lock:
        names = sorted({name for name, _ in _counters})
        for name in names:
            lines.append(f"# HELP {name} {_help[name]}")
            lines.append(f"# TYPE {name} counter")
            for (n, labels), value in sorted(_counters.items()):
                if n != name:
                    continue
                label_text = ",".join(f'{k}="{_escape(v)}"' for k, v in labels)
                lines.append(
                    f"{name}{{{label_text}}} {value:g}" if label_text else f"{name} {value:g}"
                )
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
