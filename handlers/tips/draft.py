"""A tip being written: lives only in conversation state, sealed, until it is sent.

Nothing of a draft reaches the tip tables before ``/kirim``: cancelling or
letting it expire leaves nothing but the cleaned, encrypted photo files,
which are deleted at once (or by ``purge`` if the person never comes back).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from handlers.context import Context
from handlers.tips.kit import kit
from storage.tips import PhotoRef
from storage.vault import Vault, VaultError

# Sealed state values use the purpose "state.<key>", so key rotation can
# re-seal conversation state without knowing what each value means.
DRAFT = "draft"
REF = "ref"


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


def file_names(vault: Vault, data: dict[str, Any]) -> list[str]:
    """The photo files a draft (one conversation's state data) holds."""
    draft = Draft.from_json(_open(vault, data, DRAFT))
    return [str(p.get("file_name", "")) for p in draft.photos if isinstance(p, dict)]


@dataclass
class Draft:
    parts: list[str] = field(default_factory=list)
    photos: list[dict[str, Any]] = field(default_factory=list)
    office: str | None = None
    place: str | None = None
    occurred: str | None = None
    category: str | None = None

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
    data = {DRAFT: seal_state(ctx, DRAFT, asdict(draft))}
    data.update(extra)
    ctx.state.go(step, **data)


def expired(ctx: Context) -> bool:
    """A tip step left idle longer than ``draft_idle_minutes``."""
    updated: datetime | None = ctx.state.updated_at
    if updated is None:
        return False
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    return ctx.now() - updated > kit(ctx).limits.draft_idle


def discard(ctx: Context) -> bool:
    """Forget the draft and delete its photo files; True if there was one."""
    draft = load(ctx)
    media = kit(ctx).media
    for photo in draft.photos if draft else []:
        try:
            media.delete(str(photo.get("file_name", "")))
        except ValueError:
            continue  # not one of our names: nothing of ours to delete
    had = ctx.state.step is not None and ctx.state.step.startswith("tip.")
    ctx.state.reset()
    return had
