"""Photos are cleaned a few at a time, upright, and without holding full-size copies."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from bot.config import RolesSettings, TipsSettings
from bot.wiring import build_app
from storage.images import ImageCleaner, ImageRejected, clean_image
from tests.conftest import FakeClock, make_settings
from tests.tips.helpers import ADMINS, Chat, jpeg_with_gps, media_files

LIMITS = {"max_bytes": 50_000_000, "max_pixels": 24_000_000, "max_dimension": 2048}


def rotated_jpeg(orientation: int) -> bytes:
    """A landscape picture, left half red and right half blue, that asks to be turned."""
    im = Image.new("RGB", (300, 200), (0, 0, 255))
    im.paste((255, 0, 0), (0, 0, 150, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    im.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_of(size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "white" if mode != "1" else 1).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_phone_photos_stay_upright(orientation: int) -> None:
    data = rotated_jpeg(orientation)
    clean = Image.open(io.BytesIO(clean_image(data, **LIMITS).data))
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    assert clean.size == expected.size
    for corner in ((5, 5), (expected.width - 5, expected.height - 5)):
        got, want = clean.getpixel(corner), expected.getpixel(corner)
        assert all(abs(a - b) < 40 for a, b in zip(got, want, strict=True)), corner


@pytest.mark.parametrize("mode", ["1", "P", "L", "RGB", "RGBA"])
def test_large_pictures_of_every_mode_come_out_capped(mode: str) -> None:
    clean = clean_image(png_of((5000, 4000), mode), **LIMITS)
    im = Image.open(io.BytesIO(clean.data))
    assert im.format == "JPEG" and max(im.size) == 2048 and im.mode == "RGB"
    assert im.getpixel((100, 100)) == (255, 255, 255)  # white stays white


def test_a_phone_sized_jpeg_is_decoded_already_scaled_down() -> None:
    big = Image.new("RGB", (6000, 4000), (10, 200, 10))
    out = io.BytesIO()
    big.save(out, "JPEG", quality=80)
    clean = clean_image(out.getvalue(), **LIMITS)
    assert (clean.width, clean.height) == (2048, 1365)
    assert Image.open(io.BytesIO(clean.data)).getpixel((50, 50))[1] > 150


def test_pictures_past_the_pixel_limit_are_refused_from_the_header() -> None:
    with pytest.raises(ImageRejected) as refused:
        clean_image(png_of((6000, 6600), "1"), **LIMITS)  # 39.6 M pixels, 5 KB of file
    assert refused.value.reason == "bomb"


async def test_photos_beyond_the_decoding_room_are_refused_as_busy() -> None:
    cleaner = ImageCleaner(workers=1, queue=1)
    slow = png_of((4800, 4800))
    try:
        first = asyncio.create_task(cleaner.clean(slow, **LIMITS))
        second = asyncio.create_task(cleaner.clean(slow, **LIMITS))
        await asyncio.sleep(0)  # both have taken their place: one decoding, one waiting
        with pytest.raises(ImageRejected) as refused:
            await cleaner.clean(jpeg_with_gps(), **LIMITS)
        assert refused.value.reason == "busy"
        assert (await first).width == 2048 and (await second).width == 2048
        # Room frees up as soon as they are done.
        assert (await cleaner.clean(jpeg_with_gps(), **LIMITS)).width == 64
    finally:
        cleaner.close()


async def test_a_tipster_told_busy_can_send_the_photo_again(
    sqlite_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(
        sqlite_url,
        tmp_path,
        roles=RolesSettings(admins=ADMINS),
        tips=TipsSettings(image_workers=1, image_queue=0),
    )
    app = build_app(settings, clock=clock)
    try:
        from handlers.tips.kit import kit

        cleaner = kit(app.services).cleaner
        person = Chat(app, "telegram:1", chat="1", channel="telegram")
        await person.say("/lapor")
        busy = asyncio.create_task(cleaner.clean(png_of((4800, 4800)), **LIMITS))
        await asyncio.sleep(0)
        assert "sibuk" in await person.attach(jpeg_with_gps())
        assert media_files(app) == []
        await busy
        assert "sibuk" not in await person.attach(jpeg_with_gps())
        assert len(media_files(app)) == 1
    finally:
        app.close()
