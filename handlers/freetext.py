"""Free text and photos outside any step: follow what the person wants.

``wants.read`` says what the message is; this module acts on it. A receipt
code went to /status before this (``routes``), a greeting or "what does this bot do?" to the menu,
"saya mau lapor" to the tip flow, a story of a violation gets the rule and
"📝 Laporkan ini secara anonim", a question its answer, a long message the
answer to the question in it (or a request for a shorter one), a photo the
offer to report it. It sits above every feature it leads to and none
imports it.
"""

from __future__ import annotations

from handlers import ask, deeplinks
from handlers.basic import MENU, empty, menu_reply
from handlers.context import Context
from handlers.groups import refuse_in_group
from handlers.messages import Choice, Incoming, Reply
from handlers.tips import offer
from handlers.wants import Want, read
from knowledge.normalize import MAX_INPUT_CHARS

# Under the answer to "how do I report?": the tip flow itself (nothing to hold).
REPORT_NEW = Choice("menu:lapor", "report.this")
FILE_KINDS = ("photo", "document")


async def answer(msg: Incoming, ctx: Context) -> list[Reply]:
    """Whatever the person typed (or sent) outside a step, answered by what it wants."""
    if any(a.kind in FILE_KINDS for a in msg.attachments):
        return await offer.photo(msg, ctx)
    want = read(msg.text, ctx.kb, max_chars=ctx.services.limits.max_text_chars)
    return await act(want, msg, ctx)


async def act(want: Want, msg: Incoming, ctx: Context) -> list[Reply]:
    note = [Reply("long_message_part", {"part": want.part})] if want.part else []
    if want.kind == "empty":
        return await empty(msg, ctx)
    if want.kind == "greeting":
        return _greeting(want, ctx)
    if want.kind in ("tip", "subscribe"):
        target = "lapor" if want.kind == "tip" else "langganan"
        return await deeplinks.follow(target, msg, ctx) or [menu_reply()]
    if want.kind == "too_long":
        return [menu_reply("long_message", max=MAX_INPUT_CHARS)]
    if want.kind == "witness" or want.report == "witness":
        return [*note, *await _witness(want, msg, ctx)]
    assert want.answer is not None  # faq and unknown always carry the lookup
    first: tuple[Choice, ...] = ()
    if want.report == "how" and not msg.is_group:
        # A story told a moment ago and held: the button carries it into the tip.
        first = (offer.TAKE,) if offer.holding(ctx) else (REPORT_NEW,)
    return [*note, *await ask.replies_for(want.answer, ctx, first)]


def _greeting(want: Want, ctx: Context) -> list[Reply]:
    kind = want.answer.small_talk if want.answer is not None else None
    if kind == "about":
        return [menu_reply("welcome")]  # "what does this bot do?": what the welcome says
    if kind == "official":
        # "apakah ini layanan resmi?", "who runs this?": the welcome, and the honest
        # answer that this is an aid, not an official body
        match = want.answer.match if want.answer is not None else None
        entry = ctx.kb.entry(match.id) if match is not None else None
        return [menu_reply("welcome"), *([ask.entry_reply(entry, ctx)] if entry else [])]
    return [Reply(f"smalltalk_{kind or 'hello'}", {}, choices=MENU)]


async def _witness(want: Want, msg: Incoming, ctx: Context) -> list[Reply]:
    """The rule (when one fits surely), and the message held for an anonymous tip.

    Never a gap record: the text is a report, and the unanswered log keeps none."""
    entry = None
    if want.answer is not None and want.answer.match is not None:
        entry = ctx.kb.entry(want.answer.match.id)
    if (refused := refuse_in_group(msg)) is not None:
        # In a group a tip is read by everyone: the rule, and a pointer to a private chat.
        return [ask.entry_reply(entry, ctx), *refused] if entry else refused
    await offer.hold(msg, ctx, msg.text)
    if entry is not None:
        return [ask.entry_reply(entry, ctx, (offer.TAKE,))]
    return [Reply("tip_report_offer", choices=(offer.TAKE, offer.DROP))]
