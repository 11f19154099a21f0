"""Builds the shared services from settings: database, knowledge, templates, roles."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.config import ConfigError, Settings
from bot.delivery import OutboxPusher
from bot.kbload import knowledge_base
from bot.secretkey import SecretKey, resolve
from handlers.campaigns import sync_from_config
from handlers.context import Clock, Limits, Services, utc_now
from handlers.dispatch import Dispatcher
from handlers.pushnow import PUSHER
from handlers.reminders.planner import POLICY
from handlers.reminders.timing import Policy
from handlers.render import default_renderer
from handlers.roles import Role, RoleBook
from handlers.routes import build_router
from handlers.tips.kit import EXTRA_KEY, TipKit
from storage import migrate, rotation
from storage.db import Database
from storage.images import ImageCleaner
from storage.keys import Pseudonyms
from storage.media import MediaStore
from storage.vault import VaultError, open_vault

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    services: Services
    dispatcher: Dispatcher
    key: SecretKey

    def close(self) -> None:
        tips = self.services.extra.get(EXTRA_KEY)
        if isinstance(tips, TipKit):
            tips.cleaner.close()
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
        kb=knowledge_base(settings),
        renderer=default_renderer(),
        roles=RoleBook.build(
            settings.roles.admins, settings.roles.hr_officers, granted, settings.roles.hr_offices
        ),
        pseudonyms=Pseudonyms(key.value),
        clock=clock,
        limits=Limits(
            max_text_chars=settings.chat.max_text_chars,
            gap_retention_days=settings.knowledge.gap_retention_days,
        ),
        default_locale=settings.chat.default_locale,
    )
    services.extra[EXTRA_KEY] = build_tip_kit(settings, db, key.value, clock)
    services.extra[PUSHER] = OutboxPusher(services, settings.delivery)
    r = settings.reminders
    services.extra[POLICY] = Policy.parse(r.local_time, r.quiet_hours, r.every_days)
    _sync_campaigns(services, settings)
    return App(settings, services, Dispatcher(services, build_router()), key)


def build_tip_kit(settings: Settings, db: Database, secret: str, clock: Clock = utc_now) -> TipKit:
    """Keys, media store and limits of the tip feature; a wrong secret is a ConfigError."""
    try:
        vault = open_vault(db, secret, clock())
    except VaultError as exc:
        db.dispose()
        raise ConfigError(str(exc)) from None
    limits = settings.tips
    media = MediaStore(settings.storage.media_dir, vault)
    rotation.finish_pending(media.root, vault.version)  # a rotation that stopped half-way
    return TipKit(vault, media, limits, ImageCleaner(limits.image_workers, limits.image_queue))


def _sync_campaigns(services: Services, settings: Settings) -> None:
    """``[[campaigns]]`` into the table (new ones added, untouched ones updated)."""
    # On a thread with its own loop: build_app is synchronous and may be called
    # from code that already runs an event loop.
    from sqlalchemy.exc import IntegrityError  # here: commands without a database skip it

    def sync() -> int:
        coro = sync_from_config(services.db, settings.campaigns, services.clock())
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coro).result()

    try:
        changed = sync()
    except IntegrityError:
        # Workers started together: another one stored the same campaign between our
        # read and our insert. A second pass reads it and leaves it be.
        changed = sync()
    if changed:
        log.info("campaigns synced", extra={"changed": changed})
