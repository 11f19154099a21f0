"""The named peers of ``bench.webhook``, each run as its own process.

``telegram``: a bare python-telegram-bot echo bot, as PTB's own "custom
webhook" example builds it: an ``Application`` without an updater, a
Starlette route (secret token checked) putting ``Update.de_json`` on
``update_queue``, uvicorn and the Application in one loop, one
``MessageHandler`` answering with ``reply_text``.

``whatsapp``: a bare Starlette app that checks Twilio's signature with
``RequestValidator`` and answers inline with TwiML (``MessagingResponse``).

    python -m bench.webhook_peers telegram --port P --api URL --token T --secret S
    python -m bench.webhook_peers whatsapp --port P --public-url URL --auth-token T
"""

from __future__ import annotations

import argparse
import asyncio
import hmac

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


async def echo_bot(args: argparse.Namespace) -> None:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    application = (
        Application.builder()
        .token(args.token)
        .base_url(args.api)
        .base_file_url(args.api.replace("/bot", "/file/bot"))
        .updater(None)
        .build()
    )

    async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    application.add_handler(MessageHandler(filters.TEXT, echo))
    expected = args.secret.encode()

    async def webhook(request: Request) -> Response:
        given = request.headers.get("x-telegram-bot-api-secret-token", "").encode()
        if not hmac.compare_digest(given, expected):
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
        uvicorn.Config(web, host="127.0.0.1", port=args.port, log_level="warning")
    )
    async with application:
        await application.start()
        await server.serve()
        await application.stop()


def twiml_responder(args: argparse.Namespace) -> None:
    from twilio.request_validator import RequestValidator
    from twilio.twiml.messaging_response import MessagingResponse

    validator = RequestValidator(args.auth_token)
    public = args.public_url.rstrip("/")

    async def webhook(request: Request) -> Response:
        form = await request.form()
        signature = request.headers.get("x-twilio-signature", "")
        if not validator.validate(public + request.url.path, dict(form), signature):
            return Response("forbidden", 403)
        reply = MessagingResponse()
        reply.message(f"Anda menulis: {form.get('Body', '')}")
        return Response(str(reply), media_type="application/xml")

    async def healthz(_request: Request) -> Response:
        return Response("ok")

    web = Starlette(
        routes=[
            Route("/whatsapp/webhook", webhook, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
    uvicorn.run(web, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="peer", required=True)
    tg = sub.add_parser("telegram")
    tg.add_argument("--port", type=int, required=True)
    tg.add_argument("--api", required=True, help="the Bot API base URL, up to /bot")
    tg.add_argument("--token", required=True)
    tg.add_argument("--secret", required=True)
    wa = sub.add_parser("whatsapp")
    wa.add_argument("--port", type=int, required=True)
    wa.add_argument("--public-url", required=True)
    wa.add_argument("--auth-token", required=True)
    parsed = parser.parse_args()
    if parsed.peer == "telegram":
        asyncio.run(echo_bot(parsed))
    else:
        twiml_responder(parsed)
