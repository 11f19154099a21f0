"""Ordered routes, first match wins; matching is kept apart from acting.

Order: global commands, then the current conversation step, then other
commands and buttons, then free text to the knowledge layer. ``NO_ROUTE`` is
an explicit result, never ``None`` by accident.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from handlers.context import Context
from handlers.messages import Incoming, Reply
from handlers.roles import Role
from storage.conversations import State

Handler = Callable[[Incoming, Context], Awaitable[list[Reply]]]
Matcher = Callable[[Incoming, State], bool]


@dataclass(frozen=True)
class Route:
    name: str
    matches: Matcher
    handler: Handler
    role: Role | None = None  # required role, checked by dispatch before the handler


def command(name: str, handler: Handler, role: Role | None = None) -> Route:
    return Route(f"/{name}", lambda m, _s: m.command == name, handler, role)


def button(prefix: str, handler: Handler, role: Role | None = None) -> Route:
    return Route(
        f"button:{prefix}",
        lambda m, _s: m.payload is not None and m.payload.startswith(prefix),
        handler,
        role,
    )


def step(prefix: str, handler: Handler, role: Role | None = None) -> Route:
    """Bound to a conversation step such as ``tip.awaiting_content``."""
    return Route(
        f"step:{prefix}",
        lambda _m, s: s.step is not None and s.step.startswith(prefix),
        handler,
        role,
    )


def typed_in(prefix: str, handler: Handler, role: Role | None = None) -> Route:
    """Plain text (no command, no button) while the conversation is at a ``prefix`` step:
    commands and buttons keep working in the middle of a conversation."""
    return Route(
        f"typed:{prefix}",
        lambda m, s: (
            s.step is not None
            and s.step.startswith(prefix)
            and m.command is None
            and m.payload is None
        ),
        handler,
        role,
    )


def unknown_command(handler: Handler) -> Route:
    return Route("unknown-command", lambda m, _s: m.command is not None, handler)


def free_text(handler: Handler) -> Route:
    return Route("text", lambda m, _s: m.command is None and m.payload is None, handler)


@dataclass(frozen=True)
class NoRoute:
    reason: str


NO_ROUTE = NoRoute("no route matched")


class Router:
    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = tuple(routes)

    def match(self, msg: Incoming, state: State) -> Route | NoRoute:
        for route in self.routes:
            if route.matches(msg, state):
                return route
        return NO_ROUTE
