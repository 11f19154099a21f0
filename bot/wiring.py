"""Builds the shared services from settings: database, knowledge, templates, roles."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.config import Settings
from bot.secretkey import SecretKey, resolve
from handlers.campaigns import sync_from_config
from handlers.context import Clock, Limits, Services, utc_now
from handlers.dispatch import Dispatcher
from handlers.reminders.planner import POLICY
from handlers.reminders.timing import Policy
from handlers.render import default_renderer
from handlers.roles import Role, RoleBook
from handlers.routes import build_router
from knowledge import load_knowledge_base
from storage import migrate
from storage.db import Database
from storage.keys import Pseudonyms

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    services: Services
    dispatcher: Dispatcher
    key: SecretKey

    def close(self) -> None:
        self.services.db.dispose()


def open_database(settings: Settings) -> Database:
    """The database, migrated to head (every command does this, so a fresh checkout works)."""
    db = Database(settings.storage.url, busy_timeout_ms=settings.storage.busy_timeout_ms)
    applied = migrate.upgrade(db)
    if applied:
        log.info("migrated", extra={"revisions": applied})
    return db


def build_app(
    settings: Settings,
    *,
    granted: Mapping[str, set[Role]] | None = None,
    clock: Clock = utc_now,
) -> App:
    key = resolve(settings)
    db = open_database(settings)
    services = Services(
        db=db,
        kb=load_knowledge_base(),
        renderer=default_renderer(),
        roles=RoleBook.build(
            settings.roles.admins, settings.roles.hr_officers, granted, settings.roles.hr_offices
        ),
        pseudonyms=Pseudonyms(key.value),
        clock=clock,
        limits=Limits(max_text_chars=settings.chat.max_text_chars),
        default_locale=settings.chat.default_locale,
    )
    r = settings.reminders
    services.extra[POLICY] = Policy.parse(r.local_time, r.quiet_hours, r.every_days)
    _sync_campaigns(services, settings)
    return App(settings, services, Dispatcher(services, build_router()), key)


def _sync_campaigns(services: Services, settings: Settings) -> None:
    """``[[campaigns]]`` into the table (new ones added, untouched ones updated)."""
    # On a thread with its own loop: build_app is synchronous and may be called
    # from code that already runs an event loop.
    coro = sync_from_config(services.db, settings.campaigns, services.clock())
    with ThreadPoolExecutor(1) as pool:
        changed = pool.submit(asyncio.run, coro).result()
    if changed:
        log.info("campaigns synced", extra={"changed": changed})
