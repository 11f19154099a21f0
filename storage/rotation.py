"""Key rotation: every ciphertext moves from the current key version to the next.

The next key comes from a new secret (``ASNBOT_NEW_SECRET_KEY``) or from the
same secret with the next purpose version. Media files are written beside
the originals first (``.new``), then the database changes in one
transaction, then the files are swapped in; ``finish_pending`` completes
the swap if a run stopped half-way, so no photo is ever left unreadable.
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from storage import kbstats, tips
from storage.db import Database
from storage.inbox import DONE as INBOX_DONE
from storage.inbox import PAYLOAD as INBOX_PAYLOAD
from storage.media import PURPOSE as MEDIA_PURPOSE
from storage.media import MediaStore
from storage.models import (
    Conversation,
    InboxItem,
    KbGap,
    OutboxMessage,
    Tip,
    TipEvent,
    TipMedia,
    VaultState,
)
from storage.outbox import FINAL as OUTBOX_FINAL
from storage.outbox import SEALED_CHAT, SEALED_CONTEXT
from storage.vault import RECEIPT_PURPOSE, Vault, data_key, key_check

OUTBOX_CHAT = "outbox.chat"
OUTBOX_CONTEXT = "outbox.context"  # handlers.tips.kit seals receipt codes with this purpose
_TIP_COLUMNS = {
    "body_enc": tips.BODY,
    "office_enc": tips.OFFICE,
    "place_enc": tips.PLACE,
    "occurred_enc": tips.OCCURRED,
    "notify_ref": tips.NOTIFY,
}


@dataclass(frozen=True)
class RotationReport:
    old_version: int
    new_version: int
    tips: int
    events: int
    files: int
    states: int
    outbox: int
    inbox: int = 0
    gaps: int = 0


def _reseal(old: Vault, new: Vault, token: str | None, purpose: str) -> str | None:
    return None if token is None else new.seal_text(old.open_text(token, purpose), purpose)


def _reseal_state(old: Vault, new: Vault, data: dict[str, Any]) -> dict[str, Any]:
    prefix = f"v{old.version}:"
    return {
        k: _reseal(old, new, v, f"state.{k}") if isinstance(v, str) and v.startswith(prefix) else v
        for k, v in data.items()
    }


def _sidecar(media: MediaStore, name: str) -> Path:
    return media.root / f"{name}.new"


def _rotate(
    db: Database, media: MediaStore, old: Vault, new: Vault, now: datetime
) -> RotationReport:
    with db.read() as s:
        names = list(s.scalars(select(TipMedia.file_name).where(TipMedia.purged_at.is_(None))))
    present = [n for n in names if media.exists(n)]
    for name in present:  # 1. new copies beside the old ones; nothing is lost if we stop here
        sealed = new.seal(media.get(name), MEDIA_PURPOSE)
        MediaStore.write_file(_sidecar(media, name), sealed)
    counts = {"tips": 0, "events": 0, "states": 0, "outbox": 0, "inbox": 0, "gaps": 0}
    with db.write() as s:  # 2. the database, all at once
        for tip in s.scalars(select(Tip)):
            for column, purpose in _TIP_COLUMNS.items():
                setattr(tip, column, _reseal(old, new, getattr(tip, column), purpose))
            counts["tips"] += 1
        for event in s.scalars(select(TipEvent).where(TipEvent.body_enc.is_not(None))):
            event.body_enc = _reseal(old, new, event.body_enc, tips.EVENT)
            counts["events"] += 1
        for conv in s.scalars(select(Conversation)):
            if conv.data:
                resealed = _reseal_state(old, new, dict(conv.data))
                if resealed != conv.data:
                    conv.data = resealed
                    counts["states"] += 1
        for gap in s.scalars(select(KbGap)):
            gap.text_enc = _reseal(old, new, gap.text_enc, kbstats.GAP_PURPOSE) or ""
            counts["gaps"] += 1
        pending = select(OutboxMessage).where(
            OutboxMessage.chat.startswith(SEALED_CHAT), OutboxMessage.status.not_in(OUTBOX_FINAL)
        )
        for row in s.scalars(pending):
            row.chat = SEALED_CHAT + (
                _reseal(old, new, row.chat[len(SEALED_CHAT) :], OUTBOX_CHAT) or ""
            )
            sealed = (row.context or {}).get(SEALED_CONTEXT)
            if isinstance(sealed, str):
                row.context = {
                    **row.context,
                    SEALED_CONTEXT: _reseal(old, new, sealed, OUTBOX_CONTEXT),
                }
            counts["outbox"] += 1
        waiting = select(InboxItem).where(
            InboxItem.status != INBOX_DONE, InboxItem.payload.is_not(None)
        )
        for item in s.scalars(waiting):  # updates stored, not yet handled
            assert item.payload is not None
            item.payload = new.seal(old.open(item.payload, INBOX_PAYLOAD), INBOX_PAYLOAD)
            counts["inbox"] += 1
        state = s.get(VaultState, 1)
        assert state is not None
        state.version = new.version
        state.key_check = key_check(new.key)
        state.receipt_key = new.seal_text(new.receipt_key.hex(), RECEIPT_PURPOSE)
        state.rotated_at = now
    finish_pending(media.root, new.version)  # 3. swap the files in
    return RotationReport(old.version, new.version, files=len(present), **counts)


def finish_pending(root: Path, version: int) -> int:
    """Swaps in ``.new`` files left by a rotation whose database part committed."""
    if not root.is_dir():
        return 0
    done = 0
    mark = f"v{version}:".encode()
    for side in root.glob("*.bin.new"):
        if side.read_bytes()[: len(mark)] == mark:
            os.replace(side, side.with_suffix(""))
            done += 1
        else:  # the database never moved to this version: the copy is void
            side.unlink()
    return done


def next_vault(old: Vault, secret: str, new_secret: str | None) -> Vault:
    """The vault to rotate to: next version, from the new secret if one is given."""
    version = old.version + 1
    key = data_key(new_secret or secret, version)
    if hmac.compare_digest(key, old.key):
        raise ValueError("the new key equals the old one")
    return old.with_key(key, version)


def rotate(
    db: Database, media: MediaStore, old: Vault, new: Vault, now: datetime
) -> RotationReport:
    """Re-encrypts every tip, event, sealed state, pending outbox chat, waiting update,
    unanswered question and photo to ``new``."""
    return _rotate(db, media, old, new, now)
