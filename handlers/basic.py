"""Menu, help, language, cancel, and polite answers to odd input.

Imports no feature: the features import it (for the menu). Entry points that
lead into features (/start with a payload, menu buttons) live in ``deeplinks``.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.messages import Choice, Incoming, Reply
from handlers.render import LOCALES
from handlers.roles import Role
from storage import conversations

MENU = (
    Choice("menu:tanya", "menu.ask"),
    Choice("menu:lapor", "menu.report"),
    Choice("menu:pengingat", "menu.remind"),
    Choice("menu:bahasa", "menu.language"),
)


def menu_reply(template: str = "menu", **context: object) -> Reply:
    return Reply(template, context, choices=MENU)


async def menu(_msg: Incoming, _ctx: Context) -> list[Reply]:
    """The main menu."""
    return [menu_reply()]


async def help_(_msg: Incoming, ctx: Context) -> list[Reply]:
    """Commands this person may use, by role."""
    return [
        Reply(
            "help",
            {"is_admin": Role.ADMIN in ctx.roles, "is_hr": Role.HR in ctx.roles},
            choices=MENU,
        )
    ]


async def cancel(_msg: Incoming, ctx: Context) -> list[Reply]:
    """Drops whatever was in progress; nothing of it is kept."""
    had_step = ctx.state.step is not None
    ctx.state.reset()
    return [menu_reply("cancelled", had_step=had_step)]


async def language(msg: Incoming, ctx: Context) -> list[Reply]:
    """/bahasa id|en switches the language; without an argument asks with buttons."""
    wanted = msg.args.strip().lower()[:8]
    if wanted in LOCALES:
        return await _set_language(wanted, ctx)
    choices = (Choice("lang:id", "lang.id"), Choice("lang:en", "lang.en"))
    return [Reply("language_ask", {"given": wanted}, choices=choices)]


async def language_button(msg: Incoming, ctx: Context) -> list[Reply]:
    """A language button was pressed."""
    wanted = (msg.payload or "").removeprefix("lang:")
    if wanted in LOCALES:
        return await _set_language(wanted, ctx)
    return await language(msg, ctx)


async def _set_language(locale: str, ctx: Context) -> list[Reply]:
    await conversations.set_locale(ctx.db, ctx.who, locale, ctx.now())
    ctx.locale = locale
    return [menu_reply("language_set")]


async def unknown_command(msg: Incoming, _ctx: Context) -> list[Reply]:
    """A /word we do not know."""
    return [menu_reply("unknown_command", command=(msg.command or "").lstrip("?")[:32])]


async def empty(msg: Incoming, _ctx: Context) -> list[Reply]:
    """Nothing but whitespace, or a message type we do not read."""
    if any(a.kind == "other" for a in msg.attachments):
        return [menu_reply("unsupported")]  # a sticker, voice note, location, …
    return [menu_reply("empty")]


async def refused(_msg: Incoming, _ctx: Context) -> list[Reply]:
    """Someone without the role tried a privileged command: nothing is done."""
    return [Reply("refused")]
