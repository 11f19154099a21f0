"""``asnbot ask`` routes exactly like a chat message, and stores nothing of its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.askpath import answer_json
from bot.wiring import App
from handlers.messages import Outgoing
from tests.conftest import REPO, cli_env, incoming
from tests.routing.helpers import RULE_WANTED, WITNESS

LONG_QUESTION = "Saya guru PPPK di SMP negeri, tahun ini ada pilkada. " * 10 + RULE_WANTED
LONG_NOTHING = "pns boleh like status caleg " * 18 + ". Saya bingung sekali dengan semua ini"

SAMPLES = {
    "mulai": "greeting",
    "P": "greeting",
    "pagi kak, izin bertanya": "greeting",
    "permisi": "greeting",
    "what does this bot do?": "greeting",
    "menu": "greeting",
    "/start": "greeting",
    "7G2K-Q9XM-4RTA": "status",
    "7g2k q9xm 4rta": "status",
    "cek status 7G2K-Q9XM-4RTA": "status",
    "/status 7G2K-Q9XM-4RTA": "status",
    "lapor": "tip",
    "saya mau lapor": "tip",
    WITNESS: "tip",
    "langganan": "subscribe",
    "mau langganan pengingat": "subscribe",
    RULE_WANTED: "faq",
    "mau lapor ke bawaslu caranya gimana": "faq",
    LONG_QUESTION: "faq",
    LONG_NOTHING: "unknown",
    "resep rendang padang": "unknown",
    "": "unknown",
    # issue 13: an account of what happened, in a regional language, asking where to report it
    "guru honorer pasang stiker caleg di motor dinas, videonya saya simpan": "tip",
    "lurah bagi kalender bergambar caleg ke warga, fotonya ada. lapor kemana ya?": "tip",
    "Ado pegawai kantor camat nan mambagi amplop untuak caleg, ambo nio malapor": "tip",
    "istri saya guru, boleh ikut kampanye?": "faq",
    "kak?": "greeting",
    "oke paham, sangat membantu": "greeting",
}
# A subject next to ours, and a vote to advise: no answer, at most "did you mean".
NOT_OURS = ["pppk bisa cuti tahunan gak", "sebaiknya saya coblos siapa di pilkada?"]


def _what_the_chat_did(app: App, out: list[Outgoing]) -> tuple[str, str | None]:
    """The intent a person would see in the chat's replies, and the entry answered."""
    payloads = [b.payload for o in out for b in o.buttons]
    texts = " ".join(o.text for o in out)
    answered = next((p.split(":")[1] for p in payloads if p.startswith("fb:")), None)
    greetings = {
        app.services.renderer.text(name, {}, "id")
        for name in ("smalltalk_hello", "smalltalk_thanks", "smalltalk_bye", "welcome", "menu")
    }
    if "tipoffer:take" in payloads or "Yang tidak pernah disimpan" in texts:
        return "tip", answered
    if answered is not None:
        return "faq", answered
    if "Status laporan" in texts or "kode itu" in texts:
        return "status", None
    if any(p.startswith("sub:tz:") for p in payloads):
        return "subscribe", None
    if len(out) == 1 and out[0].text in greetings:
        return "greeting", None
    return "unknown", None


@pytest.mark.parametrize(("question", "intent"), SAMPLES.items(), ids=range(len(SAMPLES)))
async def test_ask_json_and_the_chat_agree(app: App, question: str, intent: str) -> None:
    got = answer_json(app.services.kb, question)
    assert got["intent"] == intent
    # The same message in a fresh chat does what the JSON says.
    out = await app.dispatcher.handle(incoming(question, who="console:fresh"), numbered=True)
    seen_intent, seen_entry = _what_the_chat_did(app, out)
    assert seen_intent == intent, [o.text[:80] for o in out]
    match = got["match"]
    assert (match["id"] if match else None) == seen_entry


@pytest.mark.parametrize("question", NOT_OURS)
async def test_out_of_scope_is_answered_by_neither(app: App, question: str) -> None:
    got = answer_json(app.services.kb, question)
    assert got["match"] is None and got["intent"] in ("unknown", "faq")
    out = await app.dispatcher.handle(incoming(question, who="console:fresh"), numbered=True)
    assert _what_the_chat_did(app, out) == ("unknown", None), [o.text[:80] for o in out]


def test_a_long_message_is_matched_on_its_question_sentence() -> None:
    from knowledge import load_knowledge_base

    kb = load_knowledge_base()
    got = answer_json(kb, LONG_QUESTION)
    assert got["query"] == LONG_QUESTION
    assert got["match"]["id"] == kb.ask(RULE_WANTED).match.id  # type: ignore[union-attr]
    assert answer_json(kb, LONG_NOTHING)["match"] is None


def test_a_long_account_told_over_two_sentences_is_a_tip() -> None:
    from knowledge import load_knowledge_base

    # Who is in one sentence, the election act in the next: neither is a tip alone.
    story = (
        "Saya warga biasa dan sudah lama tinggal di desa ini bersama keluarga saya. " * 5
        + "Kemarin sore kepala desa kami mengumpulkan semua ketua RT di balai desa. "
        + "Di sana dia minta semua warga memilih paslon nomor 2."
    )
    assert answer_json(load_knowledge_base(), story)["intent"] == "tip"


def _env(tmp_path: Path) -> dict[str, str]:
    return cli_env(tmp_path) | {"ASNBOT_STORAGE_MEDIA_DIR": str(tmp_path / "media")}


def _asnbot(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    base = [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml")]
    return subprocess.run(
        [*base, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )


def test_json_lines_in_order_and_no_database_touched(tmp_path: Path) -> None:
    lines = ["mulai", WITNESS, "7G2K-Q9XM-4RTA", "resep rendang padang", RULE_WANTED]
    proc = _asnbot(tmp_path, "ask", "--json", "-", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["query"] for r in rows] == lines
    assert [r["intent"] for r in rows] == ["greeting", "tip", "status", "unknown", "faq"]
    assert rows[1]["match"]["verdict"] == "dilarang"  # the rule shown beside the offer
    # An evaluation run leaves nothing: no database, no gap record, no state.
    assert not (tmp_path / "bot.db").exists()


def test_text_mode_answers_like_the_chat_and_forgets_the_throwaway_chat(tmp_path: Path) -> None:
    proc = _asnbot(tmp_path, "ask", WITNESS)
    assert proc.returncode == 0, proc.stderr
    assert "Laporkan ini secara anonim" in proc.stdout and "Dilarang" in proc.stdout
    engine = create_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        assert "conversations" in inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM conversations")).scalar() == 0
    finally:
        engine.dispose()
