"""Realistic Bot API updates as Telegram sends them (JSON dicts), for tests.

Users and chats are numbered; a private chat's id equals its user's id and a
group's is negative, as on Telegram.
"""

from __future__ import annotations

import itertools
from typing import Any

from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME

_message_ids = itertools.count(500)
_callback_ids = itertools.count(1)
NOW = 1_795_000_000  # 2026-11-18, seconds since the epoch


def user(user_id: int = 42, language: str | None = "id", **extra: Any) -> dict[str, Any]:
    u: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Siti", **extra}
    if language is not None:
        u["language_code"] = language
    return u


def chat(chat_id: int = 42, kind: str = "private") -> dict[str, Any]:
    c: dict[str, Any] = {"id": chat_id, "type": kind}
    if kind == "private":
        c["first_name"] = "Siti"
    else:
        c["title"] = "ASN Kecamatan"
    return c


def group(chat_id: int = -1001) -> dict[str, Any]:
    return chat(chat_id, "supergroup")


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram marks: a leading /command and @mentions."""
    found: list[dict[str, Any]] = []
    if text.startswith("/"):
        length = len(text.split()[0].encode("utf-16-le")) // 2
        found.append({"type": "bot_command", "offset": 0, "length": length})
    for word in text.split():
        if word.startswith("@") and len(word) > 1:
            offset = len(text[: text.index(word)].encode("utf-16-le")) // 2
            found.append({"type": "mention", "offset": offset, "length": len(word)})
    return found


def make_message(
    text: str | None = "halo",
    *,
    from_user: dict[str, Any] | None = None,
    in_chat: dict[str, Any] | None = None,
    field: str = "message",
    **extra: Any,
) -> dict[str, Any]:
    """An update with one message; ``extra`` adds fields (sticker, location, …)."""
    sender = from_user or user()
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": NOW,
        "chat": in_chat or chat(sender["id"]),
        "from": sender,
        **extra,
    }
    if text is not None:
        message["text"] = text
        entities = _entities(text)
        if entities:
            message["entities"] = entities
    return {field: message}


def make_callback(
    data: str,
    *,
    from_user: dict[str, Any] | None = None,
    in_chat: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A button press on one of the bot's messages."""
    sender = from_user or user()
    return {
        "callback_query": {
            "id": str(next(_callback_ids)),
            "from": sender,
            "chat_instance": "ci-1",
            "data": data,
            "message": {
                "message_id": next(_message_ids),
                "date": NOW,
                "chat": in_chat or chat(sender["id"]),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "ASN Test Bot"},
                "text": "…",
            },
        }
    }


def make_photo_message(
    file_id: str = "photo-1",
    *,
    size: int = 120_000,
    caption: str | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    """A photo as Telegram sends it: several sizes, the largest last."""
    sizes = [
        {
            "file_id": f"{file_id}-s",
            "file_unique_id": "u-s",
            "width": 90,
            "height": 60,
            "file_size": 1_500,
        },
        {
            "file_id": f"{file_id}-m",
            "file_unique_id": "u-m",
            "width": 320,
            "height": 240,
            "file_size": 20_000,
        },
        {
            "file_id": file_id,
            "file_unique_id": "u-l",
            "width": 1280,
            "height": 960,
            "file_size": size,
        },
    ]
    extra: dict[str, Any] = {"photo": sizes}
    if caption is not None:
        extra["caption"] = caption
    return make_message(None, **extra, **kwargs)


def make_document_message(
    file_id: str = "doc-1", *, mime: str = "image/jpeg", size: int = 200_000, **kwargs: Any
) -> dict[str, Any]:
    """A file sent "as a document" (keeps its metadata)."""
    doc = {
        "file_id": file_id,
        "file_unique_id": "u-d",
        "file_name": "bukti.jpg",
        "mime_type": mime,
        "file_size": size,
    }
    return make_message(None, document=doc, **kwargs)


def mention(text: str) -> str:
    return f"@{BOT_USERNAME} {text}"
