"""Photo-burst benchmark (run by hand): ``python -m bench.images``.

Eight tipsters send, at the same moment, a small PNG that decodes to a phone
camera's worth of pixels (4000 x 6000, about 70 KB on the wire), through the
real dispatcher on a temporary SQLite database, while a ninth person says
"halo" every 50 ms. Prints the process's resident memory growth (peak and
after the burst) and the "halo" reply times while the photos are decoded.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import resource
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from PIL import Image

from bot.config import load_settings
from bot.wiring import build_app
from handlers.messages import Attachment, Incoming

SECRET = "bench-secret-key-0123456789-abcdefghijklmnop"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6


def photo(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 160, 200)).save(out, "PNG")
    return out.getvalue()


async def burst(tmp: Path, count: int, size: tuple[int, int]) -> None:
    base = load_settings(Path("config.toml"), env={})
    settings = replace(
        base,
        storage=replace(base.storage, url=f"sqlite:///{tmp / 'a.db'}", media_dir=str(tmp / "m")),
        secrets=replace(base.secrets, secret_key=SECRET),
        tips=replace(base.tips, max_photo_bytes=20_000_000),
    )
    app = build_app(settings)
    data = photo(size)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.005)

    async def say(who: str, text: str = "", attach: bytes | None = None) -> float:
        async def fetch() -> bytes:
            return attach or b""

        atts = (Attachment("photo", "image/png", len(attach), fetch),) if attach else ()
        start = time.perf_counter()
        await app.dispatcher.handle(Incoming("telegram", who, who, text=text, attachments=atts))
        return (time.perf_counter() - start) * 1000

    for n in range(count):
        await say(f"telegram:{n}", "/lapor")
    await say("telegram:halo", "halo")
    before = rss_mb()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    halos: list[float] = []

    async def chatter(done: asyncio.Event) -> None:
        while not done.is_set():
            halos.append(await say("telegram:halo", "halo"))
            await asyncio.sleep(0.05)

    done = asyncio.Event()
    talk = asyncio.create_task(chatter(done))
    start = time.perf_counter()
    await asyncio.gather(*(say(f"telegram:{n}", attach=data) for n in range(count)))
    burst_s = time.perf_counter() - start
    done.set()
    await talk
    await asyncio.sleep(0.5)
    stop.set()
    sampler.join()
    after = rss_mb()
    app.close()
    print(f"{count} photos of {size[0]}x{size[1]} ({len(data) / 1000:.0f} KB) in {burst_s:.2f} s")
    grew, kept = peak[0] - before, after - before
    print(f"RSS before {before:.0f} MB, peak +{grew:.0f} MB, after the burst +{kept:.0f} MB")
    print(
        f"'halo' while decoding: n={len(halos)} median {statistics.median(halos):.1f} ms, "
        f"max {max(halos):.1f} ms"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--count", type=int, default=8)
    p.add_argument("--width", type=int, default=4000)
    p.add_argument("--height", type=int, default=6000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(burst(Path(tmp), args.count, (args.width, args.height)))


if __name__ == "__main__":
    main()
