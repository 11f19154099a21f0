"""People and pictures for the tip tests: a chat that talks to the real dispatcher."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import ExifTags, Image
from sqlalchemy import inspect, text

from bot.config import RolesSettings, Settings, TipsSettings
from bot.wiring import App
from handlers.markup import to_plain
from handlers.messages import Attachment, Incoming, Outgoing
from handlers.tips.kit import kit
from storage import kbstats
from tests.conftest import make_settings

ADMINS = ("console:admin-ani", "console:admin-budi")


def tip_settings(url: str, tmp_path: Path, **tips: int) -> Settings:
    return make_settings(
        url,
        tmp_path,
        roles=RolesSettings(admins=ADMINS),
        tips=TipsSettings(**{"max_pixels": 1_000_000, "max_photo_bytes": 2_000_000, **tips}),
    )


@dataclass
class Chat:
    """One person talking to the bot the way a channel would hand their messages in."""

    app: App
    identity: str
    chat: str = ""
    channel: str = "console"
    seen: list[Outgoing] = field(default_factory=list)

    async def send(self, message: Incoming) -> str:
        out = await self.app.dispatcher.handle(message, numbered=True)
        self.seen = out
        return "\n".join(to_plain(o.text) for o in out)

    async def say(self, words: str) -> str:
        return await self.send(
            Incoming(self.channel, self.identity, self.chat or self.identity, text=words)
        )

    async def press(self, payload: str) -> str:
        return await self.send(
            Incoming(self.channel, self.identity, self.chat or self.identity, payload=payload)
        )

    async def attach(self, data: bytes, kind: str = "photo", size: int | None = None) -> str:
        async def fetch() -> bytes:
            return data

        att = Attachment(kind=kind, mime="image/jpeg", size=size, fetch=fetch)
        return await self.send(
            Incoming(self.channel, self.identity, self.chat or self.identity, attachments=(att,))
        )

    def buttons(self) -> list[str]:
        return [b.payload for o in self.seen for b in o.buttons]


def jpeg_with_gps(
    color: tuple[int, int, int] = (200, 10, 10), size: tuple[int, int] = (64, 48)
) -> bytes:
    im = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "SecretPhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (6.0, 35.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (106.0, 48.0, 3.2)
    out = io.BytesIO()
    im.save(
        out, "JPEG", exif=exif, comment=b"secret comment", xmp=b"<x:xmpmeta>secretxmp</x:xmpmeta>"
    )
    return out.getvalue()


def png(size: tuple[int, int], mode: str = "1") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def code_in(reply: str) -> str:
    import re

    found = re.search(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", reply)
    assert found, reply
    return found.group(0)


def every_stored_value(app: App) -> list[str]:
    """Every column of every row of every table, as text."""
    values: list[str] = []
    engine = app.services.db.engine
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        values.append(bytes(value).decode("latin-1"))
                    else:
                        values.append(str(value))
    return values


def gap_texts(app: App) -> list[str]:
    """The unanswered-questions log, opened: what an admin's /gaps shows, most asked first."""
    vault = kit(app.services).vault
    with app.services.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT text_enc FROM kb_gaps ORDER BY count DESC, last_day"))
        return [vault.open_text(token, kbstats.GAP_PURPOSE) for (token,) in rows]


def media_files(app: App) -> list[Path]:
    root = kit(app.services).media.root
    return sorted(p for p in root.iterdir() if p.is_file()) if root.is_dir() else []


def assert_nowhere(app: App, needles: list[str]) -> None:
    """No trace of the tipster in any table, the unanswered-questions log opened, any media
    file, or any file decrypted."""
    stored = every_stored_value(app)
    gaps = gap_texts(app)
    vault = kit(app.services).vault
    for needle in needles:
        assert not [v for v in stored if needle in v], f"{needle!r} found in the database"
        assert not [g for g in gaps if needle.casefold() in g.casefold()], f"{needle!r} in kb_gaps"
        for path in media_files(app):
            raw = path.read_bytes()
            assert needle.encode() not in raw
            assert needle.encode() not in vault.open(raw, "tip.media")
