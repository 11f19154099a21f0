"""The tip flow's limits (``[tips]`` in config.toml), standard library only, so reading
settings does not load the tip machinery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class TipLimits:
    max_photos: int = 5
    max_photo_bytes: int = 10_000_000
    max_pixels: int = 24_000_000
    max_dimension: int = 2048
    max_text_chars: int = 20_000
    draft_idle_minutes: int = 60
    claim_idle_minutes: int = 120
    media_retention_days: int = 90
    status_attempts_per_hour: int = 10
    sla_days: int = 7
    page_size: int = 10
    image_workers: int = 2
    image_queue: int = 8

    @property
    def draft_idle(self) -> timedelta:
        return timedelta(minutes=self.draft_idle_minutes)

    @property
    def claim_idle(self) -> timedelta:
        return timedelta(minutes=self.claim_idle_minutes)
