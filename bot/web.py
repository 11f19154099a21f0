"""The Starlette apps: webhooks and health on the public listener, metrics apart.

``/metrics`` is never open on the public listener: there it exists only with
``ASNBOT_METRICS_TOKEN`` set, and answers only that bearer token. A separate
listener (``[server] metrics_port``, on ``metrics_host``) serves it to
whatever can reach that address (and asks for the token too, when one is set).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot import metrics
from bot.health import Health
from bot.wiring import App

# Channels add their routes (POST /telegram/webhook, /whatsapp/…) through these.
RouteFactory = Callable[[App], Sequence[BaseRoute]]


def create_web_app(app: App, extra: Sequence[RouteFactory] = ()) -> Starlette:
    health = Health(app.services.db)

    async def healthz(_request: Request) -> Response:
        ok = await health.writable()
        return JSONResponse({"ok": ok, "database": "up" if ok else "down"}, 200 if ok else 503)

    routes: list[BaseRoute] = [Route("/healthz", healthz, methods=["GET"])]
    if app.settings.secrets.metrics_token:
        routes.append(_metrics_route(app.settings.secrets.metrics_token))
    for factory in extra:
        routes.extend(factory(app))
    return Starlette(routes=routes)


def create_metrics_app(app: App) -> Starlette:
    """The separate listener's app: /metrics only."""
    return Starlette(routes=[_metrics_route(app.settings.secrets.metrics_token)])


def _metrics_route(token: str) -> Route:
    expected = f"Bearer {token}".encode()

    async def endpoint(request: Request) -> Response:
        given = request.headers.get("authorization", "").encode()
        if token and not hmac.compare_digest(given, expected):
            return PlainTextResponse(
                "unauthorized", 401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'}
            )
        return PlainTextResponse(metrics.render(), media_type=metrics.CONTENT_TYPE)

    return Route("/metrics", endpoint, methods=["GET"])
