"""Builds the shared services from settings: database, knowledge, templates, roles."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from bot.config import Settings
from bot.secretkey import SecretKey, resolve
from handlers.context import Clock, Limits, Services, utc_now
from handlers.dispatch import Dispatcher
from handlers.render import default_renderer
from handlers.roles import Role, RoleBook
from handlers.routes import build_router
from knowledge import KnowledgeBase, load_knowledge_base
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


class KnowledgeLoadError(RuntimeError):
    """The knowledge base's data files cannot be read; the message names the problem."""


def knowledge_base() -> KnowledgeBase:
    try:
        return load_knowledge_base()
    except (OSError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise KnowledgeLoadError(f"knowledge base cannot be loaded: {exc}") from exc


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
        kb=knowledge_base(),
        renderer=default_renderer(),
        roles=RoleBook.build(settings.roles.admins, settings.roles.hr_officers, granted),
        pseudonyms=Pseudonyms(key.value),
        clock=clock,
        limits=Limits(max_text_chars=settings.chat.max_text_chars),
        default_locale=settings.chat.default_locale,
    )
    return App(settings, services, Dispatcher(services, build_router()), key)
