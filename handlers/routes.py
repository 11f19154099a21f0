"""The whole conversation map, on one screen. First match wins."""

from __future__ import annotations

from handlers import ask, basic, groups, kbadmin
from handlers.roles import Role
from handlers.router import Route, Router, button, command, free_text, unknown_command

GLOBAL: list[Route] = [
    groups.ROUTE,  # in groups: tips and private commands point to a private chat
    command("start", basic.start),
    command("menu", basic.menu),
    command("bantuan", basic.help_),
    command("batal", basic.cancel),
    command("bahasa", basic.language),
]

# Routes bound to a conversation step ("tip.awaiting_content", …) go here.
STEPS: list[Route] = []

COMMANDS: list[Route] = [
    command("gaps", kbadmin.gaps, role=Role.ADMIN),
    button("lang:", basic.language_button),
    button("menu:", basic.menu_button),
    button("faq:", ask.show_entry),
    button("fb:", ask.feedback),
]

FALLBACK: list[Route] = [
    unknown_command(basic.unknown_command),
    free_text(ask.answer),
]


def build_router() -> Router:
    return Router([*GLOBAL, *STEPS, *COMMANDS, *FALLBACK])
