"""The summary of a tip being written, with Kirim / Ubah / Batal.

Shown by the questions (after the last one) and by the summary step itself,
so it sits below both (``intake`` and ``summary``) and imports neither.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.messages import Choice, Reply
from handlers.tips import draft as drafts
from handlers.tips.draft import Draft

SUMMARY_CHOICES = (
    Choice("tip:send", "tip.send"),
    Choice("tip:edit", "tip.edit"),
    Choice("tip:cancel", "tip.cancel"),
)


def summary(ctx: Context, draft: Draft) -> list[Reply]:
    drafts.save(ctx, draft, "tip.summary")
    return [
        Reply(
            "tip_summary",
            {
                "text": draft.body,
                "photos": len(draft.photos),
                "office": draft.office or "",
                "place": draft.place or "",
                "occurred": draft.occurred or "",
                "category": draft.category or "",
            },
            choices=SUMMARY_CHOICES,
        )
    ]
