"""``asnbot run``: every configured channel, the web server and the scheduler.

Each part is a ``Component`` with async start/stop and, if it serves HTTP,
routes for the one Starlette app. With no channel configured, the console
chat runs instead. Ctrl-C / SIGTERM stops every part cleanly, in reverse.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Sequence
from typing import Protocol

import uvicorn
from starlette.routing import BaseRoute

from bot.channels import console
from bot.channels.telegram import telegram_component
from bot.consoleloop import console_session
from bot.scheduler import scheduler_component
from bot.web import create_metrics_app, create_web_app
from bot.wiring import App

log = logging.getLogger(__name__)


class Component(Protocol):
    name: str

    def routes(self) -> Sequence[BaseRoute]: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def whatsapp_component(app: App) -> Component | None:
    """WhatsApp's component; Twilio's client is imported only where it is configured."""
    if not app.settings.whatsapp_enabled:
        return None
    from bot.channels.whatsapp.component import whatsapp_component as build

    return build(app)


# Each factory returns its component when the settings enable it, else None.
ComponentFactory = Callable[[App], "Component | None"]
COMPONENTS: list[ComponentFactory] = [telegram_component, whatsapp_component, scheduler_component]


def _server(web: object, host: str, port: int) -> uvicorn.Server:
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", lifespan="off")  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    return server


def run(app: App) -> int:
    components = [c for c in (factory(app) for factory in COMPONENTS) if c is not None]
    channels = app.settings.telegram_enabled or app.settings.whatsapp_enabled
    if not channels:
        # The terminal is the conversation now: only problems are logged to it.
        root = logging.getLogger()
        if root.level == logging.INFO:
            root.setLevel(logging.WARNING)
        # The scheduler still ticks beside the console, so reminders can be tried locally.
        return asyncio.run(_console(app, components))
    return asyncio.run(_serve(app, components))


async def _console(app: App, components: list[Component]) -> int:
    return await console_session(app, "console:local", console.stdin_lines(), components)


async def _serve(app: App, components: list[Component]) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    routes = [r for c in components for r in c.routes()]
    server = app.settings.server
    servers = [_server(create_web_app(app, [lambda _app: routes]), server.host, server.port)]
    if server.metrics_port:
        servers.append(_server(create_metrics_app(app), server.metrics_host, server.metrics_port))
    started: list[Component] = []
    try:
        for c in components:
            await c.start()
            started.append(c)
            log.info("started", extra={"component": c.name})
        serving = [asyncio.create_task(s.serve()) for s in servers]
        await stop.wait()
        for s in servers:
            s.should_exit = True
        await asyncio.gather(*serving)
    finally:
        for c in reversed(started):
            try:
                await c.stop()
            except Exception:
                log.exception("stop failed", extra={"component": c.name})
    log.info("stopped")
    return 0
