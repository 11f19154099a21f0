"""Telegram ``Update`` → the project's ``Incoming``, or the reason it is ignored.

Only what handlers need crosses: identity as ``telegram:<user id>``, the chat
id to answer in, cleaned text, a button's payload, the user's language hint,
and files as lazy ``Attachment`` references. Names, usernames, phone numbers,
forward origins and locations never leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from telegram import Bot, CallbackQuery, Chat, Message, MessageEntity, Update, User
from telegram.constants import ChatType, MessageAttachmentType

from handlers.messages import Attachment, AttachmentTooLarge, Fetcher, Incoming, clean_text

CHANNEL = "telegram"
# Image files people send "as a file" (which keeps EXIF and GPS): the tip flow
# accepts them and warns about metadata. HEIC/HEIF only where Pillow can read it.
IMAGE_MIMES = frozenset({"image/jpeg", "image/png", "image/webp"})
HEIF_MIMES = frozenset({"image/heic", "image/heif"})
_NOT_FILES = frozenset(
    {MessageAttachmentType.PHOTO, MessageAttachmentType.DOCUMENT, "successful_payment"}
)


@dataclass(frozen=True)
class Ignore:
    """An update the bot does not read, by design; ``reason`` is for the log."""

    reason: str


@dataclass(frozen=True)
class TooLarge:
    """A file over the limit: refused at the edge, before any download."""

    msg: Incoming  # who and where, for the refusal in their language
    size: int


@dataclass(frozen=True)
class BotInfo:
    """What translation needs to know about the bot itself."""

    id: int
    username: str


Translation = Incoming | Ignore | TooLarge


@cache
def heif_readable() -> bool:
    from PIL import Image

    return ".heic" in Image.registered_extensions()


def accepted_image_mime(mime: str | None) -> bool:
    mime = (mime or "").lower()
    return mime in IMAGE_MIMES or (mime in HEIF_MIMES and heif_readable())


def translate(update: Update, me: BotInfo, bot: Bot, max_bytes: int) -> Translation:
    if update.callback_query is not None:
        return _callback(update.callback_query)
    if update.message is not None:
        return _message(update.message, me, bot, max_bytes)
    if update.edited_message is not None:
        return Ignore("edited_message")  # the answer to the first version stands
    return Ignore(_kind(update))


def _kind(update: Update) -> str:
    # The first field Telegram set, e.g. "channel_post": one of the types PTB knows, or
    # "other". A metric label and a log field, so never a key the sender chose.
    for name in Update.ALL_TYPES:
        if getattr(update, name, None) is not None:
            return str(name)
    return "other"


def _base(user: User, chat: Chat, **fields: Any) -> Incoming:
    return Incoming(
        channel=CHANNEL,
        identity=f"{CHANNEL}:{user.id}",
        chat=str(chat.id),
        locale=user.language_code,
        is_group=chat.type != ChatType.PRIVATE,
        **fields,
    )


def _callback(query: CallbackQuery) -> Translation:
    message = query.message
    if message is None or query.data is None:
        return Ignore("callback_without_message")  # inline-mode or game buttons: not ours
    return _base(query.from_user, message.chat, payload=query.data)


def _message(message: Message, me: BotInfo, bot: Bot, max_bytes: int) -> Translation:
    user = message.from_user
    if user is None or user.is_bot:
        return Ignore("no_person")  # channel posts, anonymous group admins, other bots
    is_group = message.chat.type != ChatType.PRIVATE
    text = message.text or message.caption or ""
    if is_group:
        addressed, text = _addressed(message, text, me)
        if not addressed:
            return Ignore("group_chatter")  # never read, never stored
    base = _base(user, message.chat, received_at=message.date)
    text = clean_text(text)
    if is_group:
        # Tips are never taken in a group, so no file from one is ever fetched.
        return replace(base, text=text)
    if message.photo:
        largest = max(message.photo, key=lambda p: (p.width * p.height, p.file_size or 0))
        photo = _File("photo", "image/jpeg", largest.file_id, largest.file_size)
        return _attach(base, text, photo, bot, max_bytes)
    doc = message.document
    if doc is not None and accepted_image_mime(doc.mime_type):
        image = _File("document", doc.mime_type, doc.file_id, doc.file_size)
        return _attach(base, text, image, bot, max_bytes)
    if _has_other_content(message):
        # Stickers, voice, location, contact, poll, other files: what they hold stays here.
        return replace(base, text=text, attachments=(Attachment(kind="other"),))
    if not text:
        return Ignore("service_message")  # joins, pins, title changes …
    return replace(base, text=text)


@dataclass(frozen=True)
class _File:
    kind: str
    mime: str | None
    file_id: str
    size: int | None


def _attach(base: Incoming, text: str, f: _File, bot: Bot, max_bytes: int) -> Translation:
    msg = replace(base, text=text)
    if f.size is not None and f.size > max_bytes:
        return TooLarge(msg, f.size)
    attachment = Attachment(f.kind, f.mime, f.size, fetch=fetcher(bot, f.file_id, max_bytes))
    return replace(msg, attachments=(attachment,))


def _has_other_content(message: Message) -> bool:
    return any(message[t] for t in MessageAttachmentType if t not in _NOT_FILES) or bool(
        message.document
    )


def _addressed(message: Message, text: str, me: BotInfo) -> tuple[bool, str]:
    """In a group: is this for the bot (command, mention, reply to it)? Text without the mention."""
    entities = message.parse_entities() if message.text else message.parse_caption_entities()
    name = f"@{me.username}".lower()
    addressed = False
    for entity, value in entities.items():
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            target = value.partition("@")[2].lower()
            addressed = addressed or not target or target == me.username.lower()
        elif entity.type == MessageEntity.MENTION and value.lower() == name:
            addressed = True
            text = text.replace(value, "", 1)
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == me.id:
        addressed = True
    return addressed, " ".join(text.split(" ")).strip()


def fetcher(bot: Bot, file_id: str, max_bytes: int) -> Fetcher:
    """Downloads into memory, once asked; refuses more than ``max_bytes``."""

    async def fetch() -> bytes:
        file = await bot.get_file(file_id)
        if file.file_size is not None and file.file_size > max_bytes:
            raise AttachmentTooLarge(file.file_size, max_bytes)
        data = await file.download_as_bytearray()
        if len(data) > max_bytes:
            raise AttachmentTooLarge(len(data), max_bytes)
        return bytes(data)

    return fetch
