"""Conversation state and language preference, keyed by pseudonym.

Rows are stamped to the hour only (``storage.grain``): a row keyed by a
pseudonym must not say to the second when its person last wrote. Flows that
time out sooner keep their own clock sealed in the state (see
``handlers.tips.draft``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.db import Database, off_loop
from storage.grain import GRAIN, floor_hour
from storage.models import Conversation, Profile


@dataclass
class State:
    """Where a conversation stands; handlers change it, dispatch saves it."""

    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)  # (payload, label)

    def go(self, step: str | None, **data: Any) -> None:
        """Move to ``step``, replacing the step's data."""
        self.step = step
        self.data = dict(data)

    def reset(self) -> None:
        self.go(None)


def _state_in(s: Session, who: str) -> State:
    row = s.get(Conversation, who)
    if row is None:
        return State()
    return State(
        step=row.step,
        data=dict(row.data or {}),
        updated_at=row.updated_at,
        choices=[(str(p), str(label)) for p, label in row.choices or []],
    )


def _load(db: Database, who: str) -> State:
    with db.read() as s:
        return _state_in(s, who)


def _load_with_locale(db: Database, who: str) -> tuple[State, str | None]:
    """State and chosen language in one read: what every message needs first."""
    with db.read() as s:
        return _state_in(s, who), s.scalar(select(Profile.locale).where(Profile.who == who))


def save_in(s: Session, who: str, state: State, now: datetime) -> None:
    """Saves ``state`` within an open transaction (e.g. the one that stores a tip)."""
    now = floor_hour(now)
    row = s.get(Conversation, who)
    if state.step is None and not state.data and not state.choices:
        if row is not None:
            s.delete(row)
        return
    if row is None:
        row = Conversation(who=who, updated_at=now)
        s.add(row)
    row.step = state.step
    row.data = dict(state.data)
    row.choices = [list(c) for c in state.choices] or None
    row.updated_at = now


def _save(db: Database, who: str, state: State, now: datetime) -> None:
    with db.write() as s:
        save_in(s, who, state, now)


def _get_locale(db: Database, who: str) -> str | None:
    with db.read() as s:
        return s.scalar(select(Profile.locale).where(Profile.who == who))


def _set_locale(db: Database, who: str, locale: str, now: datetime) -> None:
    with db.write() as s:
        row = s.get(Profile, who)
        if row is None:
            s.add(Profile(who=who, locale=locale, updated_at=floor_hour(now)))
        else:
            row.locale = locale
            row.updated_at = floor_hour(now)


def _forget(db: Database, who: str) -> None:
    with db.write() as s:
        s.execute(delete(Conversation).where(Conversation.who == who))
        s.execute(delete(Profile).where(Profile.who == who))


load = off_loop(_load)
load_with_locale = off_loop(_load_with_locale)
save = off_loop(_save)
get_locale = off_loop(_get_locale)
set_locale = off_loop(_set_locale)
forget = off_loop(_forget)


def _clear_stale(db: Database, step_prefix: str, before: datetime) -> int:
    """Drops conversations left idle in a step since ``before`` (e.g. an abandoned tip draft).

    Stored times are the start of their hour, so a row is dropped only once its whole
    hour lies before ``before``: never sooner than asked, at most an hour later."""

    with db.write() as s:
        result = s.execute(
            delete(Conversation).where(
                Conversation.step.startswith(step_prefix, autoescape=True),
                Conversation.updated_at < before - GRAIN,
            )
        )
        return max(result.rowcount or 0, 0)


clear_stale = off_loop(_clear_stale)


def _in_step(db: Database, step_prefix: str, before: datetime | None = None) -> list[str]:
    """Pseudonyms of the conversations at a step (idle since ``before``, if given)."""
    query = select(Conversation.who).where(
        Conversation.step.startswith(step_prefix, autoescape=True)
    )
    if before is not None:
        query = query.where(Conversation.updated_at < before)
    with db.read() as s:
        return list(s.scalars(query.order_by(Conversation.who)))


in_step = off_loop(_in_step)
