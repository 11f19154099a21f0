"""Photo cleaning: decode under a pixel limit, rebuild from pixels, re-encode bare JPEG.

What comes out carries no EXIF (so no GPS), XMP, ICC profile or comment:
the pixels are copied into a new image that has no metadata to carry, after
``exif_transpose`` so phone photos stay upright. The declared MIME type is
never trusted; the bytes decide.
"""

from __future__ import annotations

import asyncio
import io
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, partial
from types import ModuleType
from typing import TYPE_CHECKING

from storage import malloc

if TYPE_CHECKING:
    from PIL import Image

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
JPEG_QUALITY = 85


@cache
def _pil() -> ModuleType:
    """Pillow, imported with the first photo rather than at start (issue 15: memory).

    Our own limit (``max_pixels``) is checked from the header before any pixel is
    decoded. Pillow's own check is a last line behind it, and its warning is an
    error: it would otherwise print to stderr and let the image through.
    """
    from PIL import Image as pil

    pil.MAX_IMAGE_PIXELS = 64_000_000
    warnings.filterwarnings("error", category=pil.DecompressionBombWarning)
    return pil


# ISO base media brands of HEIC/HEIF/AVIF: a real photo format we cannot read.
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")
# EXIF orientation -> the transpose that makes the picture upright (as ImageOps does).
_UPRIGHT = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}
_ORIENTATION = 0x0112


class ImageRejected(ValueError):
    """Why a file is not accepted: too_large, bomb, unsupported, not_image, corrupt, busy."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CleanImage:
    data: bytes  # JPEG, no metadata
    width: int
    height: int


def _open(data: bytes, max_pixels: int) -> Image.Image:
    pil = _pil()
    try:
        im = pil.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (pil.DecompressionBombError, pil.DecompressionBombWarning):
        raise ImageRejected("bomb") from None
    except pil.UnidentifiedImageError:
        if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
            raise ImageRejected("unsupported") from None
        raise ImageRejected("not_image") from None
    except (OSError, ValueError, SyntaxError):
        raise ImageRejected("corrupt") from None
    if im.width <= 0 or im.height <= 0:
        raise ImageRejected("corrupt")
    if im.width * im.height > max_pixels:
        raise ImageRejected("bomb")
    return im


def clean_image(data: bytes, *, max_bytes: int, max_pixels: int, max_dimension: int) -> CleanImage:
    """The picture in ``data`` as a bare JPEG, or ImageRejected saying why not.

    Memory stays near one decoded copy of the picture: JPEG is decoded already
    scaled down (``draft``), other formats are reduced by an integer factor in
    their own mode before any conversion, and orientation is applied last, to
    the small image.
    """
    if len(data) > max_bytes:
        raise ImageRejected("too_large")
    pil = _pil()
    with _open(data, max_pixels) as probe:
        try:
            probe.verify()
        except Exception:  # verify raises many kinds for many kinds of damage
            raise ImageRejected("corrupt") from None
    with _open(data, max_pixels) as im:
        try:
            im.seek(0)  # animated files: the first frame only
            orientation = im.getexif().get(_ORIENTATION, 1)
            if im.format == "JPEG":
                im.draft("RGB", (max_dimension, max_dimension))
            im.load()
            small = _reduce(im, max_dimension)
            if small is not im:
                im.close()  # frees the full-size pixels now, not at the end of the call
            flat = _flatten(small)
            del small
        except (pil.DecompressionBombError, pil.DecompressionBombWarning):
            raise ImageRejected("bomb") from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise ImageRejected("corrupt") from None
    if orientation in _UPRIGHT:
        flat = flat.transpose(pil.Transpose[_UPRIGHT[orientation]])
    # Pixels pasted into a new image, whose ``info`` is empty: nothing to leak.
    bare = pil.new("RGB", flat.size)
    bare.paste(flat)
    del flat
    bare.thumbnail((max_dimension, max_dimension), pil.Resampling.LANCZOS)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanImage(out.getvalue(), bare.width, bare.height)


def _reduce(im: Image.Image, max_dimension: int) -> Image.Image:
    """Near the stored size (never below it), by cheap integer steps in the image's own mode."""
    factor = max(im.width, im.height) // max_dimension
    if factor < 2:
        return im
    if im.mode in ("1", "P"):
        # These modes only resample by nearest neighbour (fine for the flat graphics
        # they hold); the LANCZOS thumbnail that follows smooths the rest.
        nearest = _pil().Resampling.NEAREST
        return im.resize((im.width // factor, im.height // factor), nearest)
    if im.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
        im = im.convert("RGB")
    return im.reduce(factor)


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = _pil().new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return im.convert("RGB")


class ImageCleaner:
    """Photo cleaning off the event loop, on threads of its own, a few at a time.

    Decoding is memory- and CPU-heavy: it gets ``workers`` threads, apart from the
    default pool that database calls use, and at most ``queue`` more photos wait;
    past that a photo is refused as ``busy`` (the person is asked to send it again)
    instead of growing memory without bound.
    """

    def __init__(self, workers: int = 2, queue: int = 8) -> None:
        self._pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="images")
        self._room = max(1, workers) + max(0, queue)
        self._taken = 0
        self._lock = threading.Lock()

    async def clean(self, data: bytes, **limits: int) -> CleanImage:
        with self._lock:
            if self._taken >= self._room:
                raise ImageRejected("busy")
            self._taken += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, partial(_clean_and_trim, data, **limits))
        finally:
            with self._lock:
                self._taken -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _clean_and_trim(data: bytes, **limits: int) -> CleanImage:
    try:
        return clean_image(data, **limits)
    finally:
        _release_memory()


def _release_memory() -> None:
    """Hands freed decoding buffers back to the system (glibc keeps them otherwise)."""
    malloc.trim()
