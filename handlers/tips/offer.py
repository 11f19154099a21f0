"""A message held as a possible tip until its writer says yes.

"📝 Laporkan ini secara anonim" under an answer to someone who saw a violation,
"Laporkan foto ini?" under a photo sent outside a tip, "start again with this
message?" after an expired draft: the message waits as what it would become,
a draft (sealed in conversation state, photos cleaned of metadata and
encrypted), in the step ``tip.offer``. It is gone at the first of: "Tidak"
(photo files deleted at once), another held message or any feature that takes
the conversation over, the draft idle time (``maintenance.expire_drafts``).
Questions asked meanwhile leave it alone, so the button still works after a
look at a related answer.
"""

from __future__ import annotations

from handlers.basic import menu_reply
from handlers.context import Context
from handlers.groups import refuse_in_group
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import draft as drafts
from handlers.tips import intake, photos
from handlers.tips.draft import OFFER, Draft
from handlers.tips.kit import kit

TAKE = Choice("tipoffer:take", "report.this")
DROP = Choice("tipoffer:drop", "report.no")


async def hold(msg: Incoming, ctx: Context, text: str = "") -> list[Reply]:
    """Holds ``text`` and the message's photos; replies only about refused files.

    One held message at a time: an earlier one goes, files and all."""
    drafts.discard(ctx)
    draft = Draft()
    room = kit(ctx).limits.max_text_chars
    if text.strip():
        draft.parts.append(text.strip()[:room])
    notes = await photos.take(msg, ctx, draft) if msg.attachments else []
    if draft.has_content:
        drafts.save(ctx, draft, OFFER)
    return notes


def holding(ctx: Context) -> bool:
    return ctx.state.step == OFFER


async def photo(msg: Incoming, ctx: Context) -> list[Reply]:
    """A photo outside a tip: cleaned and held, with the offer to report it."""
    if (refused := refuse_in_group(msg)) is not None:
        return refused  # never downloaded in a group
    notes = await hold(msg, ctx, msg.text)
    if not holding(ctx):
        return notes or [menu_reply("unsupported")]
    held = drafts.load(ctx) or Draft()
    return [*notes, Reply("tip_photo_offer", {"photos": len(held.photos)}, choices=(TAKE, DROP))]


async def button(msg: Incoming, ctx: Context) -> list[Reply]:
    """Yes: the tip starts with the held message. No: it is deleted."""
    if msg.payload == DROP.payload:
        drafts.discard(ctx)
        return [menu_reply("tip_offer_dropped")]
    if (refused := refuse_in_group(msg)) is not None:
        return refused
    if not holding(ctx) or drafts.expired(ctx):
        # Pressed long after, or after something else replaced it: nothing is kept.
        drafts.discard(ctx)
        gone = Reply("tip_offer_gone", {"minutes": kit(ctx).limits.draft_idle_minutes})
        return [gone, *await intake.start(msg, ctx)]
    return await intake.start(msg, ctx)  # which begins with what is held
