"""Questions through the chat: verdict, legal basis, buttons, feedback and gaps."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.wiring import App
from handlers.markup import to_plain
from handlers.tips.kit import kit
from storage import kbstats
from tests.conftest import REPO, TEST_SECRET, incoming

LIKE = "min kalo asn nge-like postingan caleg boleh ga?"


async def test_answer_has_verdict_reason_legal_basis_and_buttons(app: App) -> None:
    (out,) = await app.dispatcher.handle(incoming(LIKE))
    text = to_plain(out.text)
    result = app.services.kb.ask(LIKE)
    assert result.match is not None
    entry = app.services.kb.entry(result.match.id)
    assert entry is not None and entry.verdict == "dilarang"
    assert text.startswith("⛔ Dilarang")
    assert "Dasar hukum:" in text
    for source in entry.sources:
        assert source in text
    payloads = [b.payload for b in out.buttons]
    assert f"fb:{entry.id}:up" in payloads and f"fb:{entry.id}:down" in payloads
    related = [p for p in payloads if p.startswith("faq:")]
    assert related and all(app.services.kb.entry(p[4:]) for p in related)


async def test_related_button_answers_at_once(app: App) -> None:
    (first,) = await app.dispatcher.handle(incoming(LIKE))
    related = next(b for b in first.buttons if b.payload.startswith("faq:"))
    (out,) = await app.dispatcher.handle(incoming(payload=related.payload))
    entry = app.services.kb.entry(related.payload[4:])
    assert entry is not None and entry.sources[0] in to_plain(out.text)


async def test_out_of_scope_question_gets_an_honest_unknown(app: App) -> None:
    (out,) = await app.dispatcher.handle(incoming("berapa gaji pokok pppk golongan 9"))
    text = to_plain(out.text)
    assert "belum bisa menjawab" in text
    assert "BKPSDM" in text  # where to ask instead
    assert [b.payload for b in out.buttons][:2] == ["menu:tanya", "menu:lapor"]


async def test_low_confidence_questions_are_kept_as_gaps_without_identity(app: App) -> None:
    for _ in range(2):
        await app.dispatcher.handle(
            incoming("cara daftar cpns 2027 lewat sscasn gimana", who="telegram:31337")
        )
    gaps = await kbstats.top_gaps(app.services.db, kit(app.services).vault, 5)
    assert gaps and gaps[0].count == 2
    assert "31337" not in gaps[0].text and "cpns" in gaps[0].text


async def test_thumbs_down_is_counted_once_and_joins_the_gaps(app: App) -> None:
    (out,) = await app.dispatcher.handle(incoming(LIKE))
    down = next(b.payload for b in out.buttons if b.payload.endswith(":down"))
    (thanks,) = await app.dispatcher.handle(incoming(payload=down))
    assert "kami catat" in to_plain(thanks.text)
    (again,) = await app.dispatcher.handle(incoming(payload=down))
    assert "sudah tercatat" in to_plain(again.text)
    votes = await kbstats.votes(app.services.db)
    assert [(v.up, v.down) for v in votes] == [(0, 1)]
    gaps = await kbstats.top_gaps(app.services.db, kit(app.services).vault, 5)
    assert any(g.text.startswith(f"[{down.split(':')[1]}]") for g in gaps)


async def test_small_talk_and_intents(app: App) -> None:
    (thanks,) = await app.dispatcher.handle(incoming("makasih ya min"))
    assert "Sama-sama" in to_plain(thanks.text)
    tip = await app.dispatcher.handle(incoming("saya mau lapor camat ikut kampanye"))
    assert "anonim" in to_plain(tip[0].text).lower()


def test_ask_json_reads_stdin_line_by_line_in_order(tmp_path: Path) -> None:
    questions = [LIKE, "makasih", "", "resep rendang padang", "<script>alert(1)</script>"]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ASNBOT_")},
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
    }
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml"), "ask", "--json", "-"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["query"] for r in rows] == questions
    assert rows[0]["intent"] == "faq" and rows[0]["match"]["verdict"] == "dilarang"
    assert rows[0]["match"]["sources"]
    assert rows[1]["intent"] == "greeting"
    assert rows[3]["match"] is None and rows[4]["match"] is None
    assert set(rows[0]) == {"query", "intent", "match", "suggestions", "elapsed_ms"}


def test_gaps_command_lists_the_most_frequent_unanswered_questions(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ASNBOT_")},
        "ASNBOT_STORAGE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "ASNBOT_SECRET_KEY": TEST_SECRET,
    }
    base = [sys.executable, "-m", "bot", "--config", str(REPO / "config.toml")]
    # The reproduction first: a receipt code pasted, a tip typed without /lapor.
    chat = (
        "J264-J8FZ-AQDZ\npak Budi Santoso di dinas X bagi amplop\n"
        "resep rendang padang\nresep rendang padang\nharga cabai hari ini\n"
    )
    subprocess.run(
        [*base, "chat", "--quiet"], input=chat, text=True, env=env, check=True, timeout=90
    )
    proc = subprocess.run(
        [*base, "knowledge", "gaps"], capture_output=True, text=True, env=env, timeout=90
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[0] == "2" and "rendang" in lines[0]
    assert "cabai" in lines[1]
    assert len(lines) == 2, "neither the code nor the report is listed"
    assert not {"j264", "J264", "budi", "Budi", "amplop"} & set(proc.stdout.split())
