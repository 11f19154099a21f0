"""Buttons → an inline keyboard whose callback data fits Telegram's 64 bytes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.messages import Button

CALLBACK_LIMIT = 64  # bytes
SHORT_LABEL = 20  # two such buttons share a row; longer ones get a row each

Shortener = Callable[[str], Awaitable[str]]


async def callback_data(payload: str, shorten: Shortener) -> str:
    """The payload itself when it fits, else a short key kept server-side."""
    if len(payload.encode()) <= CALLBACK_LIMIT:
        return payload
    return await shorten(payload)


def rows(buttons: Sequence[Button]) -> list[list[Button]]:
    """Short labels two to a row (the menu), long ones alone (question titles)."""
    out: list[list[Button]] = []
    for b in buttons:
        last = out[-1] if out else None
        if (
            last is not None
            and len(last) == 1
            and len(last[0].label) <= SHORT_LABEL
            and len(b.label) <= SHORT_LABEL
        ):
            last.append(b)
        else:
            out.append([b])
    return out


async def keyboard(buttons: Sequence[Button], shorten: Shortener) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    b.label[:64], callback_data=await callback_data(b.payload, shorten)
                )
                for b in row
            ]
            for row in rows(buttons)
        ]
    )
