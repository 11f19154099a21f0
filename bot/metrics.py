"""A few counters in Prometheus text format, without a dependency for it."""

from __future__ import annotations

import threading
from collections import defaultdict

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_lock = threading.Lock()
_counters: dict[tuple[str, tuple[tuple[str, str], ...]], float] = defaultdict(float)
_help: dict[str, str] = {}


def inc(name: str, help_text: str, amount: float = 1.0, **labels: str) -> None:
    key = (name, tuple(sorted(labels.items())))
    with _lock:
        _help.setdefault(name, help_text)
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
