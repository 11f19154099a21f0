"""``FakeBotApi``'s counting server speaking Twilio's Messages API, for the broadcast bench.

The twilio REST client (``client.api.base_url`` pointed here) posts a form to
``/2010-04-01/Accounts/<sid>/Messages.json``; the recipient (``To``) is the
chat, so the same behaviours apply: ``blocked`` numbers get Twilio's 400
with code 63024 (which the sender treats as "stop sending"), ``flaky`` 500s,
``limit_per_second`` and ``throttled`` 429s. ``tests/whatsapp/twilio_fake.py``
records every request for the channel's own tests; this one is fast and counts.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import parse_qsl

from tests.fakes.botapi import FakeBotApi


class FakeTwilioRest(FakeBotApi):
    def _answer(self, path: str, body: bytes) -> tuple[int, dict[str, object]]:
        if not path.endswith("/Messages.json"):
            return super()._answer(path, body)
        form = dict(parse_qsl(body.decode()))
        text = form.get("Body") or form.get("ContentVariables", "")
        status, _ = super()._answer(
            "/sendMessage", json.dumps({"chat_id": form["To"], "text": text}).encode()
        )
        if status == 200:
            return 201, {"sid": "SM" + uuid.uuid4().hex, "to": form["To"], "status": "queued"}
        code = {403: 63024, 429: 20429}.get(status, 20500)
        twilio_status = 400 if status == 403 else status
        return twilio_status, {"code": code, "message": "error", "status": twilio_status}
