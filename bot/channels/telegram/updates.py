"""getUpdates that survives an update PTB cannot parse.

PTB parses a whole getUpdates batch at once; one update it cannot build (a
field it requires missing, a newer Bot API shape) fails the batch, and the
updater then asks for the same batch again, for ever: nobody is served. Here
each update is checked alone, and one that fails is passed on as a bare
``{"update_id": …}``, which the channel ignores (and logs) while the offset
moves on.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


class TolerantUpdatesRequest(HTTPXRequest):
    def __init__(self) -> None:
        super().__init__(connection_pool_size=1)  # what PTB uses for getUpdates itself

    async def post(self, url: str, *args: Any, **kwargs: Any) -> Any:
        result = await super().post(url, *args, **kwargs)
        if not isinstance(result, list):
            return result
        return [_checked(item) for item in result]


def _checked(item: Any) -> Any:
    if not isinstance(item, dict) or not isinstance(item.get("update_id"), int):
        return item  # not an update at all: PTB's own error handling applies
    try:
        Update.de_json(item, None)
    except Exception as exc:
        log.warning(
            "update not understood; skipped",
            extra={"error": type(exc).__name__, "fields": sorted(item)[:5]},
        )
        return {"update_id": item["update_id"]}
    return item
