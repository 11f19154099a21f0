"""The web app's health and metrics endpoints."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import httpx
from starlette.applications import Starlette

from bot import metrics
from bot.web import create_metrics_app, create_web_app
from bot.wiring import App
from storage.db import Database

TOKEN = "metrics-token-for-tests-0123456789"


async def get(app: App | Starlette, path: str, **headers: str) -> httpx.Response:
    web = create_web_app(app) if isinstance(app, App) else app
    async with httpx.AsyncClient(transport=httpx.ASGITransport(web), base_url="http://t") as c:
        return await c.get(path, headers=headers)


async def test_healthz_reports_the_database(app: App) -> None:
    ok = await get(app, "/healthz")
    assert ok.status_code == 200 and ok.json()["database"] == "up"
    # Nothing listens on port 9 of loopback: the database is unreachable.
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:9/none")
    down = await get(replace(app, services=replace(app.services, db=gone)), "/healthz")
    assert down.status_code == 503 and down.json()["database"] == "down"


async def test_healthz_is_down_while_writes_fail_though_reads_work(
    quick_app: App, sqlite_url: str
) -> None:
    blocker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=10)
    blocker.execute("BEGIN IMMEDIATE")  # a stuck process holding the write lock
    try:
        assert quick_app.services.db.ping()  # reading still works...
        down = await get(quick_app, "/healthz")
        assert down.status_code == 503 and down.json()["database"] == "down"  # ...writing not
    finally:
        blocker.rollback()
        blocker.close()
    assert (await get(quick_app, "/healthz")).status_code == 200


async def test_metrics_are_not_served_on_the_public_listener_without_a_token(app: App) -> None:
    assert (await get(app, "/metrics")).status_code == 404


async def test_metrics_on_the_public_listener_need_the_bearer_token(app: App) -> None:
    secured = replace(
        app,
        settings=replace(app.settings, secrets=replace(app.settings.secrets, metrics_token=TOKEN)),
    )
    metrics.inc("asnbot_test_total", "A test counter", channel='we"ird')
    assert (await get(secured, "/metrics")).status_code == 401
    wrong = await get(secured, "/metrics", authorization="Bearer not-the-token")
    assert wrong.status_code == 401 and "asnbot_" not in wrong.text
    resp = await get(secured, "/metrics", authorization=f"Bearer {TOKEN}")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/plain")
    assert "# TYPE asnbot_test_total counter" in resp.text
    assert 'asnbot_test_total{channel="we\\"ird"} 1' in resp.text


async def test_the_separate_metrics_listener_serves_only_metrics(app: App) -> None:
    private = create_metrics_app(app)
    resp = await get(private, "/metrics")
    assert resp.status_code == 200 and "# TYPE" in resp.text
    assert (await get(private, "/healthz")).status_code == 404
    assert (await get(private, "/telegram/webhook")).status_code == 404


def test_label_values_cannot_grow_the_series_without_end() -> None:
    for n in range(500):
        metrics.inc("asnbot_bounded_test_total", "Labels from outside", reason=f"key{n}")
    lines = [x for x in metrics.render().splitlines() if x.startswith("asnbot_bounded_test_total")]
    assert len(lines) <= metrics.MAX_SERIES + 1
    assert 'asnbot_bounded_test_total{reason="other"}' in " ".join(lines)
    total = sum(float(x.rsplit(" ", 1)[1]) for x in lines)
    assert total == 500  # nothing uncounted, only folded
