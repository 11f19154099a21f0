"""The named peer of bench/memory.py: a bare python-telegram-bot echo bot.

What the python-telegram-bot documentation shows for a webhook behind your
own web framework: an ``Application`` without an updater, a Starlette route
that checks the secret token and puts ``Update.de_json`` on ``update_queue``,
uvicorn serving it in the same event loop, one handler echoing the text.
``python -m bench.echobot --api URL --file-api URL --port N`` (the token and
the secret from TELEGRAM_BOT_TOKEN and ECHO_WEBHOOK_SECRET).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text:
        await update.message.reply_text(update.message.text)


async def main(args: argparse.Namespace) -> None:
    secret = os.environ["ECHO_WEBHOOK_SECRET"]
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(args.api)
        .base_file_url(args.file_api)
        .updater(None)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))

    async def webhook(request: Request) -> Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return Response(status_code=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return Response()

    async def healthz(_request: Request) -> Response:
        return Response("ok")

    web = Starlette(
        routes=[
            Route("/telegram/webhook", webhook, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
    server = uvicorn.Server(
        uvicorn.Config(web, host="127.0.0.1", port=args.port, log_level="warning", lifespan="off")
    )
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, server.handle_exit, 0, None)
    async with application:
        await application.start()
        await server.serve()
        await application.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True, help="Bot API base URL (token appended)")
    parser.add_argument("--file-api", required=True, help="file download base URL")
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(main(parser.parse_args()))
