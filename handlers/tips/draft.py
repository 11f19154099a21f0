"""A tip being written: lives only in conversation state, sealed, until it is sent.

Nothing of a draft reaches the tip tables before ``/kirim``: cancelling or
letting it expire leaves nothing but the cleaned, encrypted photo files,
which are deleted at once (or by ``purge`` if the person never comes back).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from handlers.context import Context, Services
from handlers.tips.kit import kit
from storage.conversations import State
from storage.grain import GRAIN
from storage.tips import PhotoRef
from storage.vault import Vault, VaultError

# Sealed state values use the purpose "state.<key>", so key rotation can
# re-seal conversation state without knowing what each value means.
DRAFT = "draft"
REF = "ref"
# The receipt code of the tip just sent, for a repeated /kirim; gone with the step.
RECEIPT = "receipt"
# When the person last acted in a tip step, to the second. The conversation row
# itself keeps only the hour (``storage.grain``), too coarse for the idle limit;
# sealed, this exact time says nothing to anyone without the key.
SEEN = "seen"

# Steps where someone is writing (a tip, or an addition to one): these get the
# "you are writing a report" line, and end with a notice when left idle.
WRITING = ("tip.content", "tip.q.", "tip.fix.", "tip.summary", "tip.edit", "tip.adding")
# A message held as a possible tip ("📝 Laporkan ini secara anonim"): a draft too.
OFFER = "tip.offer"
# What an idle draft leaves behind once swept: no content, only the fact that the
# next message should hear that the unsent report was discarded.
EXPIRED = "tip.expired"


def is_writing(step: str | None) -> bool:
    return step is not None and step.startswith(WRITING)


def seal_state(ctx: Context, key: str, value: Any) -> str:
    return kit(ctx).vault.seal_json(value, f"state.{key}")


def open_state(ctx: Context, key: str) -> Any:
    return _open(kit(ctx).vault, ctx.state.data, key)


def _open(vault: Vault, data: dict[str, Any], key: str) -> Any:
    token = data.get(key)
    if not isinstance(token, str):
        return None
    try:
        return vault.open_json(token, f"state.{key}")
    except (VaultError, ValueError):
        return None


@dataclass
class Draft:
    parts: list[str] = field(default_factory=list)
    photos: list[dict[str, Any]] = field(default_factory=list)
    office: str | None = None
    place: str | None = None
    occurred: str | None = None
    category: str | None = None
    # A message that read as a question, waiting for "add to the report, or answer it?"
    pending: str | None = None

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.parts)

    @property
    def body(self) -> str:
        return "\n\n".join(self.parts)

    @property
    def has_content(self) -> bool:
        return bool(self.body.strip() or self.photos)

    def photo_refs(self) -> tuple[PhotoRef, ...]:
        return tuple(PhotoRef(**p) for p in self.photos)

    @classmethod
    def from_json(cls, value: Any) -> Draft:
        if not isinstance(value, dict):
            return cls()
        known = {k: value[k] for k in cls.__dataclass_fields__ if k in value}
        return cls(**known)


def load(ctx: Context) -> Draft | None:
    value = open_state(ctx, DRAFT)
    return None if value is None else Draft.from_json(value)


def save(ctx: Context, draft: Draft, step: str, **extra: Any) -> None:
    """Move to ``step`` keeping ``draft`` (sealed) and any other sealed values."""
    enter(ctx, step, **{DRAFT: seal_state(ctx, DRAFT, asdict(draft)), **extra})


def enter(ctx: Context, step: str, **data: Any) -> None:
    """Move to a tip ``step`` with ``data`` (sealed values), noting when, for the idle limit."""
    ctx.state.go(step, **stamped(ctx, **data))


def stamped(ctx: Context, **data: Any) -> dict[str, Any]:
    """``data`` for a tip step, with the sealed time the idle limit counts from."""
    return {**data, SEEN: seal_state(ctx, SEEN, ctx.now().isoformat())}


def expired(ctx: Context) -> bool:
    """A tip step left idle longer than ``draft_idle_minutes``."""
    seen = open_state(ctx, SEEN)
    if isinstance(seen, str):
        last = datetime.fromisoformat(seen)
    else:  # older state: only the row's hour is known, so count from the end of it
        updated: datetime | None = ctx.state.updated_at
        if updated is None:
            return False
        last = (updated if updated.tzinfo else updated.replace(tzinfo=UTC)) + GRAIN
    return ctx.now() - last > kit(ctx).limits.draft_idle


def file_names(services: Services, state: State) -> list[str]:
    """The photo files of the draft held (sealed) in ``state``."""
    token = state.data.get(DRAFT)
    if not isinstance(token, str):
        return []
    try:
        value = kit(services).vault.open_json(token, f"state.{DRAFT}")
    except (VaultError, ValueError):
        return []  # sealed with a retired key: its files are orphans the purge takes
    return [str(p.get("file_name", "")) for p in Draft.from_json(value).photos]


def delete_files(services: Services, state: State) -> int:
    """Deletes the photo files of the draft held in ``state``; how many went."""
    media = kit(services).media
    deleted = 0
    for name in file_names(services, state):
        try:
            deleted += media.delete(name)
        except ValueError:
            continue  # not one of our names: nothing of ours to delete
    return deleted


def discard(ctx: Context) -> bool:
    """Forget the draft and delete its photo files; True if there was one."""
    delete_files(ctx.services, ctx.state)
    had = ctx.state.step is not None and ctx.state.step.startswith("tip.")
    ctx.state.reset()
    return had
