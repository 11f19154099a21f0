"""The Starlette app: webhooks, health and metrics. Built by a factory from an ``App``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot import metrics
from bot.wiring import App

# Channels add their routes (POST /telegram/webhook, /whatsapp/…) through these.
RouteFactory = Callable[[App], Sequence[BaseRoute]]


def create_web_app(app: App, extra: Sequence[RouteFactory] = ()) -> Starlette:
    async def healthz(_request: Request) -> Response:
        ok = await app.services.db.run(app.services.db.ping)
        return JSONResponse({"ok": ok, "database": "up" if ok else "down"}, 200 if ok else 503)

    async def metrics_endpoint(_request: Request) -> Response:
        return PlainTextResponse(metrics.render(), media_type=metrics.CONTENT_TYPE)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics_endpoint, methods=["GET"]),
    ]
    for factory in extra:
        routes.extend(factory(app))
    return Starlette(routes=routes)
