"""The whole conversation map, on one screen. First match wins."""

from __future__ import annotations

from handlers import ask, basic, broadcast, campaigns, kbadmin, subscribe
from handlers.roles import Role
from handlers.router import (
    Route,
    Router,
    button,
    command,
    free_text,
    typed_in,
    unknown_command,
)

GLOBAL: list[Route] = [
    command("start", basic.start),
    command("menu", basic.menu),
    command("bantuan", basic.help_),
    command("batal", basic.cancel),
    command("bahasa", basic.language),
]

# Routes bound to a conversation step ("tip.awaiting_content", …) go here.
STEPS: list[Route] = [
    typed_in("sub.", subscribe.step),
]

COMMANDS: list[Route] = [
    command("gaps", kbadmin.gaps, role=Role.ADMIN),
    command("langganan", subscribe.start),
    command("berhenti", subscribe.stop),
    button("sub:", subscribe.button),
    command("siaran", broadcast.siaran, role=Role.HR),
    command("ya", broadcast.confirm, role=Role.HR),
    button("bc:stop:", broadcast.stop_button, role=Role.HR),
    button("bc:", broadcast.confirm, role=Role.HR),
    command("kampanye", campaigns.kampanye, role=Role.ADMIN),
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
