"""The single error boundary: crashes become apologies, secrets never reach logs."""

from __future__ import annotations

import io
import json
import logging

from bot import logsetup
from bot.wiring import App
from handlers.context import Context
from handlers.dispatch import Dispatcher
from handlers.markup import to_plain
from handlers.messages import Incoming, Reply
from handlers.router import Router, command, free_text
from storage import conversations
from tests.conftest import incoming


async def test_a_crashing_handler_gets_an_apology_and_state_is_not_saved(app: App) -> None:
    async def boom(_msg: Incoming, ctx: Context) -> list[Reply]:
        ctx.state.go("half.done", secret="partial")
        raise RuntimeError("database exploded at row 42")

    async def fine(_msg: Incoming, _ctx: Context) -> list[Reply]:
        return [Reply("menu")]

    dispatcher = Dispatcher(app.services, Router([command("menu", boom), free_text(fine)]))
    out = await dispatcher.handle(incoming("/menu"))
    text = to_plain(out[0].text)
    assert "Maaf, ada gangguan" in text and "exploded" not in text
    who = app.services.pseudonyms.of("console:tester")
    assert (await conversations.load(app.services.db, who)).step is None
    # and the next message is served normally
    assert "Apa yang bisa saya bantu" in to_plain(
        (await dispatcher.handle(incoming("hai")))[0].text
    )


async def test_logs_carry_a_pseudonym_never_the_identity(app: App) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logsetup.JsonFormatter())
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    try:
        await app.dispatcher.handle(incoming("halo", who="telegram:987654321"))
    finally:
        logging.getLogger().removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    handled = [x for x in lines if x["msg"] == "handled"]
    assert handled and handled[0]["who"] == app.services.pseudonyms.of("telegram:987654321")[:12]
    assert "987654321" not in stream.getvalue()


def test_secrets_are_masked_in_every_log_record() -> None:
    stream = io.StringIO()
    logsetup.setup("INFO", "json", secrets=["123456:SECRET-TOKEN-abcdef"])
    root = logging.getLogger()
    root.handlers[0].stream = stream  # type: ignore[attr-defined]
    try:
        logging.getLogger("x").info(
            "calling https://api.telegram.org/bot%s/getMe", "123456:SECRET-TOKEN-abcdef"
        )
    finally:
        root.handlers.clear()
    assert "SECRET-TOKEN" not in stream.getvalue()
    assert "bot***/getMe" in stream.getvalue()


async def test_tip_messages_are_logged_without_the_pseudonym(app: App) -> None:
    """What the log handler `asnbot` installs writes: no pseudonym while in the tip flow."""
    stream = io.StringIO()
    keep = logsetup.make_handler(stream, "json")
    logger = logging.getLogger("handlers.dispatch")
    logger.addHandler(keep)
    logger.setLevel(logging.INFO)
    try:
        tip = ("/lapor", "camat pasang baliho paslon di kantor kecamatan", "/kirim", "/batal")
        for text in (*tip, "halo"):
            await app.dispatcher.handle(incoming(text))
    finally:
        logger.removeHandler(keep)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    handled = [line for line in lines if line["msg"] == "handled"]
    assert len(handled) >= 4
    assert not any("who" in line for line in handled[:-1])  # the tip's messages
    who = app.services.pseudonyms.of("console:tester")
    assert handled[-1]["who"] == who[:12]  # an ordinary question afterwards
    assert who[:12] not in "\n".join(json.dumps(line) for line in handled[:-1])
