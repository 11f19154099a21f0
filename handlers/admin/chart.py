"""A small bar chart as PNG, drawn with Pillow (no plotting library needed)."""

from __future__ import annotations

import io

WIDTH, HEIGHT = 640, 320
MARGIN = 40


def bar_chart(bars: list[tuple[str, int]]) -> bytes:
    """One bar per (label, value); labels under the bars, values above."""
    from PIL import Image, ImageDraw  # here: only /stats draws, no need to load Pillow at start

    im = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(im)
    top = max((v for _, v in bars), default=0) or 1
    slot = (WIDTH - 2 * MARGIN) / max(len(bars), 1)
    base = HEIGHT - MARGIN
    draw.line((MARGIN, base, WIDTH - MARGIN, base), fill="black")
    for i, (label, value) in enumerate(bars):
        x0 = MARGIN + i * slot + slot * 0.15
        x1 = MARGIN + (i + 1) * slot - slot * 0.15
        y0 = base - (base - MARGIN) * value / top
        draw.rectangle((x0, y0, x1, base), fill=(30, 100, 170))
        draw.text((x0, y0 - 12), str(value), fill="black")
        draw.text((x0, base + 4), label[-3:], fill="black")  # "W48"
    out = io.BytesIO()
    im.save(out, format="PNG")
    return out.getvalue()
