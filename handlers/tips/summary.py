"""The summary with Kirim / Ubah / Batal, editing one field, and sending."""

from __future__ import annotations

from handlers.basic import menu_reply
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import alerts, intake
from handlers.tips import draft as drafts
from handlers.tips.draft import Draft
from handlers.tips.kit import kit
from handlers.tips.overview import summary
from storage import receipts, tips

EDIT_CHOICES = (
    Choice("tipedit:content", "edit.content"),
    Choice("tipedit:office", "edit.office"),
    Choice("tipedit:place", "edit.place"),
    Choice("tipedit:occurred", "edit.occurred"),
    Choice("tipedit:category", "edit.category"),
    Choice("tipedit:photos", "edit.photos"),
    Choice("tipedit:back", "edit.back"),
)
NOTIFY_CHOICES = (Choice("tipview:notify:on", "tip.notify_on"), Choice("tipview:done", "tip.done"))


async def at_summary(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """More text or photos at the summary are added to the tip; buttons act."""
    payload = msg.payload or ""
    if payload == "tip:edit":
        drafts.save(ctx, draft, "tip.edit")
        return [Reply("tip_edit_menu", choices=EDIT_CHOICES)]
    notes = await intake.add_content(msg, ctx, draft)
    return [*notes, *summary(ctx, draft)]


async def at_edit(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """Which part to change; removing photos deletes their files at once."""
    target = (msg.payload or "").removeprefix("tipedit:")
    if target == "photos":
        for photo in draft.photos:
            kit(ctx).media.delete(str(photo["file_name"]))
        draft.photos = []
        return [Reply("tip_photos_removed"), *summary(ctx, draft)]
    if target in ("content", "office", "place", "occurred", "category"):
        return intake.ask(ctx, draft, target, fixing=True)
    return summary(ctx, draft)


async def submit(_msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """Stores the tip, alerts the admins, and shows the receipt code once."""
    if not draft.has_content:
        drafts.save(ctx, draft, ctx.state.step or "tip.content")
        return [Reply("tip_nothing_yet", choices=intake.CONTENT_CHOICES[2:])]
    tk = kit(ctx)
    code = receipts.new_code()
    canonical = receipts.normalize(code)
    assert canonical is not None  # a fresh code always reads back
    new = tips.NewTip(
        body=draft.body,
        office=draft.office,
        place=draft.place,
        occurred=draft.occurred,
        category=draft.category,
        photos=draft.photo_refs(),
    )
    now = ctx.now()
    tip_id = await tips.create(ctx.db, tk.vault, new, tk.vault.keyed_hash(canonical), now)
    # From here the draft is a tip: the state keeps only a sealed pointer for the
    # notification switch, dropped on the next unrelated message.
    ctx.state.go("tip.view", **{drafts.REF: drafts.seal_state(ctx, drafts.REF, tip_id)})
    await alerts.new_tip(ctx.services, tip_id, draft.category, len(draft.photos), now)
    return [Reply("tip_sent", {"code": code}, choices=NOTIFY_CHOICES)]


async def cancel(_msg: Incoming, ctx: Context) -> list[Reply]:
    """/batal during a tip: the draft and its photo files are gone; nothing was stored."""
    had = drafts.discard(ctx)
    return [menu_reply("cancelled", had_step=had)]
