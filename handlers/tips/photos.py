"""Attachments into a draft: size checked before and after download, cleaned, sealed."""

from __future__ import annotations

import asyncio
import logging

from handlers.context import Context
from handlers.messages import AttachmentTooLarge, Incoming, Reply
from handlers.tips.draft import Draft
from handlers.tips.kit import kit
from storage import tipretention
from storage.images import ImageRejected

log = logging.getLogger(__name__)


async def take(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """Adds the message's photos to ``draft``; replies only for what went wrong or needs saying."""
    limits = kit(ctx).limits
    notes: dict[str, Reply] = {}  # one note of each kind per message, however many files
    for att in msg.attachments:
        if att.kind not in ("photo", "document") or att.fetch is None:
            notes["unsupported"] = Reply("tip_attachment_unsupported")
            continue
        if len(draft.photos) >= limits.max_photos:
            notes["limit"] = Reply("tip_photo_limit", {"max": limits.max_photos})
            continue
        if att.size is not None and att.size > limits.max_photo_bytes:
            notes["too_large"] = _rejected(ctx, "too_large")
            continue
        try:
            data = await att.fetch()
        except AttachmentTooLarge as exc:  # the platform declared less than it sent
            notes["too_large"] = _rejected(ctx, "too_large", exc.limit)
            continue
        except Exception:  # a failed download is the platform's, not the person's, fault
            log.warning("attachment download failed", extra={"who": ctx.who[:12]})
            notes["download"] = Reply("tip_photo_download_failed")
            continue
        try:
            clean = await kit(ctx).cleaner.clean(
                data,
                max_bytes=limits.max_photo_bytes,
                max_pixels=limits.max_pixels,
                max_dimension=limits.max_dimension,
            )
        except ImageRejected as exc:
            notes[exc.reason] = _rejected(ctx, exc.reason)
            continue
        finally:
            del data
        stored = await asyncio.to_thread(kit(ctx).media.put, clean.data)
        await tipretention.record_stored(ctx.db, stored.name, ctx.now())
        draft.photos.append(
            {
                "file_name": stored.name,
                "sha256": stored.sha256,
                "size": stored.size,
                "width": clean.width,
                "height": clean.height,
            }
        )
        if att.kind == "document":
            # A file keeps the phone's original, GPS included; ours is gone, theirs may not be.
            notes["document"] = Reply("tip_photo_document")
    return list(notes.values())


def _rejected(ctx: Context, reason: str, channel_limit: int | None = None) -> Reply:
    log.info("photo refused", extra={"who": ctx.who[:12], "reason": reason})
    limit = min(kit(ctx).limits.max_photo_bytes, channel_limit or 1 << 62)
    return Reply("tip_photo_rejected", {"reason": reason, "max_mb": round(limit / 1_000_000, 1)})
