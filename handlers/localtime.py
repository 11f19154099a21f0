"""Instants as people read them: local time, always with its zone's name.

Everything stored is UTC; admins and HR officers read WIB (Asia/Jakarta),
subscribers their own zone. Never an unlabelled time.
"""

from __future__ import annotations

from datetime import datetime

from handlers.reminders.timing import zone

STAFF_ZONE = "WIB"  # what admin and HR views show


def parts(at: datetime, tz: str = STAFF_ZONE) -> dict[str, str]:
    """``{"date": "2026-12-07", "time": "10:00", "tz": "WIB"}`` for templates."""
    shown = at.astimezone(zone(tz))
    return {"date": shown.date().isoformat(), "time": shown.strftime("%H:%M"), "tz": tz}


def stamp(at: datetime, tz: str = STAFF_ZONE) -> str:
    """``2026-12-07 10:00 WIB``."""
    p = parts(at, tz)
    return f"{p['date']} {p['time']} {p['tz']}"
