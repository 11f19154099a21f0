"""The summary with Kirim / Ubah / Batal, editing one field, and sending."""

from __future__ import annotations

from handlers.basic import menu_reply
from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.pushnow import can_push
from handlers.tips import alerts, intake
from handlers.tips import draft as drafts
from handlers.tips.draft import Draft
from handlers.tips.kit import kit
from handlers.tips.overview import summary
from storage import receipts, tips
from storage.conversations import State

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


async def submit(msg: Incoming, ctx: Context, draft: Draft) -> list[Reply]:
    """Stores the tip with its alerts and its receipt, then sends the receipt code.

    One transaction stores the tip, the admins' alerts, the receipt code (sealed, in
    the outbox) and the person's next state: after any crash the tip is there with
    its code on the way, or none of it is. The code goes out through the outbox at
    once, and again until delivered; a channel the outbox cannot reach from here
    (the console) shows it inline instead."""
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
    recipients = await alerts.admins(ctx.services)
    receipt = None
    if can_push(ctx.services, msg.channel):
        receipt = alerts.receipt(ctx.services, msg.channel, msg.chat, ctx.locale, code)
    view = State()

    def follow(tip_id: int) -> tips.Followup:
        # From here the draft is a tip: the state keeps only a sealed pointer for the
        # notification switch and the sealed code for a repeated /kirim, both dropped
        # on the next unrelated message or once the step is idle.
        view.go(
            "tip.view",
            **drafts.stamped(
                ctx,
                **{
                    drafts.REF: drafts.seal_state(ctx, drafts.REF, tip_id),
                    drafts.RECEIPT: drafts.seal_state(ctx, drafts.RECEIPT, code),
                },
            ),
        )
        messages = alerts.new_tip(recipients, tip_id, draft.category, len(draft.photos))
        return tips.Followup([*messages, *([receipt] if receipt else [])], ctx.who, view)

    hashed = tk.vault.keyed_hash(canonical)
    await tips.create(ctx.db, tk.vault, new, hashed, ctx.now(), follow)
    ctx.state.go(view.step, **view.data)
    if receipt is None:
        return [Reply("tip_sent", {"code": code}, choices=NOTIFY_CHOICES)]
    ctx.push_now.append(receipt.dedupe_key)
    return [Reply("tip_sent", {"code": None}, choices=NOTIFY_CHOICES)]


def receipt_again(ctx: Context) -> list[Reply] | None:
    """/kirim again right after sending: the code once more, if the state still holds it."""
    code = drafts.open_state(ctx, drafts.RECEIPT)
    if not isinstance(code, str):
        return None
    return [Reply("tip_receipt_again", {"code": code}, choices=NOTIFY_CHOICES)]


async def cancel(_msg: Incoming, ctx: Context) -> list[Reply]:
    """/batal during a tip: the draft and its photo files are gone; nothing was stored."""
    had = drafts.discard(ctx)
    return [menu_reply("cancelled", had_step=had)]
