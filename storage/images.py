"""Photo cleaning: decode under a pixel limit, rebuild from pixels, re-encode bare JPEG.

What comes out carries no EXIF (so no GPS), XMP, ICC profile or comment:
the pixels are copied into a new image that has no metadata to carry, after
``exif_transpose`` so phone photos stay upright. The declared MIME type is
never trusted; the bytes decide.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
JPEG_QUALITY = 85

# Pillow raises DecompressionBombError past twice this; we refuse at once past
# our own limit, checked from the header before any pixel is decoded.
Image.MAX_IMAGE_PIXELS = 40_000_000
# Between the limit and twice it Pillow only warns, on stderr: make that the same
# refusal (the person is told; a warning on the operator's terminal says nothing more).
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

# ISO base media brands of HEIC/HEIF/AVIF: a real photo format we cannot read.
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


class ImageRejected(ValueError):
    """Why a file is not accepted: too_large, bomb, unsupported, not_image, corrupt."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CleanImage:
    data: bytes  # JPEG, no metadata
    width: int
    height: int


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        im = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected("bomb") from None
    except UnidentifiedImageError:
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
    """The picture in ``data`` as a bare JPEG, or ImageRejected saying why not."""
    if len(data) > max_bytes:
        raise ImageRejected("too_large")
    Image.MAX_IMAGE_PIXELS = max_pixels
    with _open(data, max_pixels) as probe:
        try:
            probe.verify()
        except Exception:  # verify raises many kinds for many kinds of damage
            raise ImageRejected("corrupt") from None
    with _open(data, max_pixels) as im:
        try:
            im.seek(0)  # animated files: the first frame only
            im.load()
            upright = ImageOps.exif_transpose(im)
            rgb = _flatten(upright)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejected("bomb") from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise ImageRejected("corrupt") from None
    # A new image from raw pixels has an empty ``info``: nothing to leak.
    bare = Image.frombytes("RGB", rgb.size, rgb.tobytes())
    bare.thumbnail((max_dimension, max_dimension), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanImage(out.getvalue(), bare.width, bare.height)


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return im.convert("RGB")
