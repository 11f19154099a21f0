"""PostgreSQL refuses connections while Telegram posts: 503 and 5xx, then all answered."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import PG_ENV, FakeClock, make_settings
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.telegram_updates import make_message, user
from tests.telegram.conftest import Running, start_bot


@pytest.fixture
async def pg_webhook(
    pg_url: str, tmp_path: Path, clock: FakeClock, fake_telegram: FakeTelegram
) -> AsyncIterator[Running]:
    async for running in start_bot(
        make_settings(pg_url, tmp_path), clock, fake_telegram, "webhook"
    ):
        yield running


def _connections(pg_url: str, allow: bool) -> None:
    name = pg_url.rsplit("/", 1)[1]
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allow).lower()}'))
        if not allow:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
    admin.dispose()


async def test_updates_sent_while_postgresql_is_down_are_refused_then_all_answered(
    pg_webhook: Running, pg_url: str
) -> None:
    assert pg_webhook.client is not None
    updates = [
        {"update_id": 41000 + n, **make_message("/menu", from_user=user(6000 + n))}
        for n in range(8)
    ]
    _connections(pg_url, allow=False)
    try:
        assert (await pg_webhook.client.get("/healthz")).status_code == 503
        codes = [await pg_webhook.post_update(u) for u in updates]
        assert all(code >= 500 for code in codes), codes
        assert pg_webhook.tg.sent() == []
    finally:
        _connections(pg_url, allow=True)
    assert (await pg_webhook.client.get("/healthz")).status_code == 200
    assert [await pg_webhook.post_update(u) for u in updates] == [200] * len(updates)
    for _ in updates:
        await pg_webhook.tg.wait_for("sendMessage", within=20)
    await pg_webhook.component.inbox.idle()
    await pg_webhook.tg.settle()
    assert sorted(int(m.chat_id) for m in pg_webhook.tg.sent()) == [6000 + n for n in range(8)]
