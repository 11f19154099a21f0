"""Someone in a role presses staff into an election act, told by one of those pressed:
afraid of what refusing costs, or asking what to do about it, that is a tip (the
superior's pressure is the breach; the answer keeps the rule and offers to report it).
Asking one's own leave or duty ("boleh saya tolak?", "wajib ikut?", "harus nurut?")
stays the writer's own question, as does fear with nobody pressing."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

PRESSED_TIPS = [
    # afraid of what refusing costs (Indonesian, English, a relative's case)
    "kabag kami maksa semua honorer ikut konvoi cagub minggu depan, aku takut kalau ga "
    "ikut diberhentikan",
    "My head of department ordered all contract staff to put up banners for the "
    "incumbent. I'm afraid of losing my job if I refuse.",
    "Kami guru honorer diminta kepsek mengumpulkan KTP wali murid untuk calon "
    "perseorangan, kalau menolak katanya jam mengajar dikurangi",
    "pak lurah minta perangkat desa ikut kampanye caleg, kalau kami menolak gaji ditahan",
    "kmrn kita disuruh kabid ikut ke acara paslon pakai bus kantor, sy bingung harus "
    "gmn takut karir sy",
    # asking what to do about it ("harus gimana", "kudu piye", "apa yang sebaiknya …")
    "saya guru PNS, tadi disuruh kepsek ikut apel dukungan paslon, harus gimana?",
    "dipaksa kadis nyebar kalender caleg ke warga binaan, kudu piye aku?",
    "Saya perawat PPPK. Direktur RSUD meminta kami memasang stiker pasangan calon di "
    "loket pendaftaran. Apa yang sebaiknya saya lakukan?",
]
OWN_QUESTIONS = [
    # the writer's own leave or duty, afraid or not
    "kepala dinas nyuruh staf ikut kampanye, saya takut, boleh saya tolak?",
    "disuruh atasan jadi saksi paslon, saya wajib ikut?",
    "camat minta kami pasang baliho cabup, harus nurut ga?",
    # afraid, with nobody pressing
    "kalau saya menolak ikut kampanye yang diajak teman, apa saya kena sanksi?",
    "saya takut kena sanksi kalau ikut kampanye, harus gimana?",
    "kita disuruh ikut apel kampanye, sy bingung harus gmn takut karir sy",
]


@pytest.mark.parametrize("text", PRESSED_TIPS)
def test_pressed_and_afraid_or_asking_what_to_do_is_a_tip(app: App, text: str) -> None:
    got = answer_json(app.services.kb, text)
    assert got["intent"] == "tip"
    assert got["match"] is None or got["match"]["verdict"] not in ("boleh", "boleh_bersyarat")


@pytest.mark.parametrize("text", OWN_QUESTIONS)
def test_own_leave_or_duty_stays_a_question(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "faq"
