"""The web app's health and metrics endpoints."""

from __future__ import annotations

from dataclasses import replace

import httpx

from bot import metrics
from bot.web import create_web_app
from bot.wiring import App
from storage.db import Database


async def get(app: App, path: str) -> httpx.Response:
    web = create_web_app(app)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(web), base_url="http://t") as c:
        return await c.get(path)


async def test_healthz_reports_the_database(app: App) -> None:
    ok = await get(app, "/healthz")
    assert ok.status_code == 200 and ok.json()["database"] == "up"
    # Nothing listens on port 9 of loopback: the database is unreachable.
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:9/none")
    down = await get(replace(app, services=replace(app.services, db=gone)), "/healthz")
    assert down.status_code == 503 and down.json()["database"] == "down"


async def test_metrics_in_prometheus_text_format(app: App) -> None:
    metrics.inc("asnbot_test_total", "A test counter", channel='we"ird')
    resp = await get(app, "/metrics")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/plain")
    assert "# TYPE asnbot_test_total counter" in resp.text
    assert 'asnbot_test_total{channel="we\\"ird"} 1' in resp.text
