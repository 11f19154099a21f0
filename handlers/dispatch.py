"""The single error boundary: every message passes here, in a fixed order.

catch everything → lock the conversation → load state → route → role check
→ handler → render → save state → push what must go first (a receipt code).
Exception text never reaches a user; logs get the conversation's pseudonym,
never the platform id, and during a tip not even that: as soon as the state
is read, the message's log scope is decided (``handlers.logscope``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from handlers import basic, commands, logscope
from handlers.context import Context, Services
from handlers.locks import conversation_lock
from handlers.messages import Incoming, Outgoing, Reply
from handlers.pushnow import pusher
from handlers.router import NoRoute, Router
from storage import conversations
from storage.conversations import State

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(self, services: Services, router: Router) -> None:
        self.services = services
        self.router = router

    async def handle(
        self, msg: Incoming, *, bare_words: bool = True, numbered: bool = False
    ) -> list[Outgoing]:
        """Replies to one message. ``numbered``: the channel shows buttons as a numbered list."""
        s = self.services
        who = s.pseudonyms.of(msg.identity)
        locale = s.renderer.locale(s.default_locale)
        started = time.perf_counter()
        logscope.undecided()
        try:
            if msg.is_group and not msg.addressed:
                return []  # group chatter not meant for us: never read, never stored
            msg = commands.parse(msg, bare_words=bare_words)
            async with conversation_lock(who), s.db.exclusive(who):
                state, chosen = await conversations.load_with_locale(s.db, who)
                fresh = _empty(state)
                logscope.decide(msg, who, _in_tip(state.step))
                if numbered:
                    msg = _pick_choice(msg, state)
                locale = s.renderer.locale(chosen or _hint(msg.locale, s.default_locale))
                ctx = Context(s, who, s.roles.roles_of(msg.identity), state, locale, msg.channel)
                ctx.reroute = lambda again: self._replies(again, ctx)
                name, replies = await self._route(msg, ctx)
                logscope.decide(msg, who, _in_tip(ctx.state.step))
                out = [s.renderer.render(r, ctx.locale) for r in replies]
                if numbered:
                    shown = [o.buttons for o in out if o.buttons]
                    ctx.state.choices = [(b.payload, b.label) for b in shown[-1]] if shown else []
                if not (fresh and _empty(ctx.state)):  # nothing stored, nothing to store
                    await conversations.save(s.db, who, ctx.state, s.clock())
            await self._push(ctx.push_now)
            ms = round((time.perf_counter() - started) * 1000, 1)
            log.info(
                "handled", extra={"who": who[:12], "channel": msg.channel, "route": name, "ms": ms}
            )
            return out
        except Exception:
            log.exception("dispatch failed", extra={"who": who[:12], "channel": msg.channel})
            return [s.renderer.render(Reply("error"), locale)]

    async def _push(self, keys: list[str]) -> None:
        """Sends the outbox rows a handler named (a receipt code) before its replies go out.

        They are stored already: if this fails, the scheduler sends them later."""
        found = pusher(self.services)
        if not keys or found is None:
            return
        try:
            await found.push(keys)
        except Exception:
            log.exception("push failed; left to the scheduler", extra={"count": len(keys)})

    async def _route(self, msg: Incoming, ctx: Context) -> tuple[str, list[Reply]]:
        """Route → role check → handler: the route's name and the replies."""
        route = self.router.match(msg, ctx.state)
        if isinstance(route, NoRoute) or not msg.has_content:
            return "empty", await basic.empty(msg, ctx)
        if route.role is not None and route.role not in ctx.roles:
            return f"refused:{route.name}", await basic.refused(msg, ctx)
        # A tip route (/lapor, /kirim, /status…) hides the person in logs from here on.
        logscope.decide(msg, ctx.who, route.name.startswith(_TIP_ROUTES))
        return route.name, await route.handler(msg, ctx)

    async def _replies(self, msg: Incoming, ctx: Context) -> list[Reply]:
        """What ``Context.route_again`` calls: the same routing, mid-message."""
        return (await self._route(msg, ctx))[1]

    async def notice(self, msg: Incoming, template: str, **context: object) -> list[Outgoing]:
        """A fixed reply in the person's language, without routing or touching their state.

        For what a channel refuses at its edge (a file too large to download) and
        for apologies after a failure outside ``handle``.
        """
        s = self.services
        who = s.pseudonyms.of(msg.identity)
        try:
            logscope.decide(msg, who, _in_tip((await conversations.load(s.db, who)).step))
            locale = await self._locale(who, msg)
        except Exception:
            log.warning("notice: locale unavailable", extra={"who": who[:12]})
            locale = s.renderer.locale(_hint(msg.locale, s.default_locale))
        log.info("notice", extra={"who": who[:12], "channel": msg.channel, "template": template})
        return [s.renderer.render(Reply(template, context), locale)]

    async def _locale(self, who: str, msg: Incoming) -> str:
        s = self.services
        chosen = await conversations.get_locale(s.db, who)
        return s.renderer.locale(chosen or _hint(msg.locale, s.default_locale))


_TIP_ROUTES = ("step:tip", "tip-", "/lapor", "/kirim", "/status", "button:tip")


def _empty(state: State) -> bool:
    return state.step is None and not state.data and not state.choices


def _in_tip(step: str | None) -> bool:
    return (step or "").startswith("tip")


def _pick_choice(msg: Incoming, state: State) -> Incoming:
    """ "2", or the words of a button, picks that button from the last list shown."""
    text = msg.text.strip()
    if msg.payload is not None or not text or not state.choices:
        return msg
    if text.isdecimal() and 0 < int(text) <= len(state.choices):
        return replace(msg, text="", command=None, payload=state.choices[int(text) - 1][0])
    wanted = _bare(text)
    for payload, label in state.choices:
        if wanted and wanted == _bare(label):
            return replace(msg, text="", command=None, payload=payload)
    return msg


def _bare(label: str) -> str:
    # Labels carry emoji and punctuation ("❓ Tanya aturan"); people type the words.
    return " ".join("".join(ch for ch in label.casefold() if ch.isalnum() or ch == " ").split())


def _hint(platform_locale: str | None, default: str) -> str:
    # Telegram sends "en-GB", "id"; anything but English falls back to the default.
    if platform_locale and platform_locale.lower().startswith("en"):
        return "en"
    return default
