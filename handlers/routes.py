"""The whole conversation map, on one screen. First match wins."""

from __future__ import annotations

from handlers import (
    ask,
    basic,
    broadcast,
    campaigns,
    deeplinks,
    features,
    freetext,
    groups,
    kbadmin,
    law,
    subscribe,
)
from handlers.admin import actions, queue, reports
from handlers.roles import Role
from handlers.router import (
    Route,
    Router,
    button,
    command,
    free_text,
    typed_in,
    unknown_command,
)
from handlers.tips import flow, offer, status, summary

GLOBAL: list[Route] = [
    groups.ROUTE,  # in groups: tips and private commands point to a private chat
    command("start", deeplinks.start),
    command("menu", basic.menu),
    command("bantuan", basic.help_),
    # /batal inside a tip also deletes the draft's photo files: nothing is kept.
    Route("tip-cancel", flow.is_cancel, summary.cancel),
    command("batal", basic.cancel),
    command("bahasa", basic.language),
]

# Routes bound to a conversation step ("tip.content", …) go here.
STEPS: list[Route] = [
    Route("step:tip.", flow.matches, flow.on_step),
    Route(
        "step:tipadm.", lambda _m, s: s.step == "tipadm.reject", actions.reject_reason, Role.ADMIN
    ),
    typed_in("sub.", subscribe.step),
]

COMMANDS: list[Route] = [
    command("lapor", features.tip_start),
    command("status", status.command),
    command("tips", queue.list_tips, role=Role.ADMIN),
    command("tip", queue.show, role=Role.ADMIN),
    command("claim", queue.claim, role=Role.ADMIN),
    command("setstatus", actions.set_status, role=Role.ADMIN),
    command("reply", actions.reply, role=Role.ADMIN),
    command("note", actions.note, role=Role.ADMIN),
    command("export", reports.export, role=Role.ADMIN),
    command("stats", reports.stats, role=Role.ADMIN),
    command("audit", reports.audit_log, role=Role.ADMIN),
    command("gaps", kbadmin.gaps, role=Role.ADMIN),
    button("tipadm:claim:", queue.claim_button, role=Role.ADMIN),
    button("tipadm:reject:", actions.reject_button, role=Role.ADMIN),
    button("tipadm:page:", queue.page_button, role=Role.ADMIN),
    command("langganan", subscribe.start),
    command("berhenti", subscribe.stop),
    button("sub:", subscribe.button),
    command("siaran", broadcast.siaran, role=Role.HR),
    command("ya", broadcast.confirm, role=Role.HR),
    button("bc:stop:", broadcast.stop_button, role=Role.HR),
    button("bc:", broadcast.confirm, role=Role.HR),
    command("kampanye", campaigns.kampanye, role=Role.ADMIN),
    button("lang:", basic.language_button),
    button("menu:", deeplinks.menu_button),
    button("faq:", ask.show_entry),
    button(law.PREFIX, law.show),
    button("fb:", ask.feedback),
    button("fbw:", ask.wrong_part),  # after a 👎: which part was wrong
    button("tipoffer:", offer.button),  # "📝 Laporkan ini secara anonim" / "Tidak"
]

FALLBACK: list[Route] = [
    unknown_command(basic.unknown_command),
    # A receipt code typed on its own is a /status lookup (logged as one).
    Route("/status:typed", status.is_typed_code, status.typed_code),
    free_text(freetext.answer),  # greeting, tip, witness, question, photo: see freetext
]


def build_router() -> Router:
    return Router([*GLOBAL, *STEPS, *COMMANDS, *FALLBACK])
