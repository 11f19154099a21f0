"""Questions through the chat: verdict, legal basis, buttons, feedback and gaps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.wiring import App
from handlers.markup import to_plain
from handlers.tips.kit import kit
from knowledge.regulations import read_citation
from storage import kbstats
from tests.conftest import REPO, cli_env, incoming

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
    # Citations read as names people know, with the article; not as "SKB 2022 ...".
    for source in entry.sources:
        cited = read_citation(source, app.services.kb.regulations)
        assert cited.regulation is not None
        assert cited.regulation.plain in text and cited.article in text
    assert "Keputusan Bersama 5 instansi tentang netralitas ASN, 2022" in text
    assert "SKB 2022" not in text
    payloads = [b.payload for b in out.buttons]
    assert f"fb:{entry.id}:up" in payloads and f"fb:{entry.id}:down" in payloads
    assert payloads[-1] == f"law:{entry.id}"
    related = [p for p in payloads if p.startswith("faq:")]
    assert related and all(app.services.kb.entry(p[4:]) for p in related)


async def test_related_button_answers_at_once(app: App) -> None:
    (first,) = await app.dispatcher.handle(incoming(LIKE))
    related = next(b for b in first.buttons if b.payload.startswith("faq:"))
    (out,) = await app.dispatcher.handle(incoming(payload=related.payload))
    entry = app.services.kb.entry(related.payload[4:])
    assert entry is not None
    first = read_citation(entry.sources[0], app.services.kb.regulations)
    assert first.regulation is not None and first.regulation.plain in to_plain(out.text)


async def test_legal_basis_button_lists_title_article_status_and_replacement(app: App) -> None:
    kb = app.services.kb
    entry = next(e for e in kb.entries if any(s.startswith("UU 5/2014 ") for s in e.sources))
    (out,) = await app.dispatcher.handle(incoming(payload=f"law:{entry.id}"))
    text = to_plain(out.text)
    assert text.startswith("Dasar hukum jawaban ini")
    assert entry.question in text
    # The repealed law says so, and names what replaced it.
    assert "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara" in text
    assert "Status: dicabut; diganti oleh UU ASN (UU 20/2023)" in text
    assert "https://peraturan.bpk.go.id/Details/38580/uu-no-5-tahun-2014" in text
    for source in entry.sources:
        assert read_citation(source, kb.regulations).article in text
    assert [b.payload for b in out.buttons] == [f"faq:{entry.id}"]


async def test_legal_basis_in_english_and_for_an_unknown_entry(app: App) -> None:
    (out,) = await app.dispatcher.handle(incoming(payload="law:calon-tidak-mundur", locale="en"))
    text = to_plain(out.text)
    assert text.startswith("Legal basis of this answer")
    assert "Peraturan Pemerintah Nomor 17 Tahun 2020" in text and "Status: in force" in text
    (gone,) = await app.dispatcher.handle(incoming(payload="law:tidak-ada-entri"))
    assert "menu:tanya" in [b.payload for b in gone.buttons]


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
    thanks, which = await app.dispatcher.handle(incoming(payload=down))
    assert "kami catat" in to_plain(thanks.text)
    assert "Bagian mana yang keliru" in to_plain(which.text)
    (again,) = await app.dispatcher.handle(incoming(payload=down))
    assert "sudah tercatat" in to_plain(again.text)
    votes = await kbstats.votes(app.services.db)
    assert [(v.up, v.down) for v in votes] == [(0, 1)]
    gaps = await kbstats.top_gaps(app.services.db, kit(app.services).vault, 5)
    assert any(g.text.startswith(f"[{down.split(':')[1]}]") for g in gaps)


async def test_small_talk_and_intents(app: App) -> None:
    (thanks,) = await app.dispatcher.handle(incoming("makasih ya min"))
    assert "Sama-sama" in to_plain(thanks.text)
    tip = await app.dispatcher.handle(incoming("saya mau lapor"))
    assert "anonim" in to_plain(tip[0].text).lower()
    # Saying what happened as well: the rule, and the offer to report it.
    (rule,) = await app.dispatcher.handle(
        incoming("saya mau lapor camat ikut kampanye", who="console:other")
    )
    assert "Dasar hukum:" in to_plain(rule.text)
    assert rule.buttons[0].payload == "tipoffer:take"


def test_ask_json_reads_stdin_line_by_line_in_order(tmp_path: Path) -> None:
    questions = [LIKE, "makasih", "", "resep rendang padang", "<script>alert(1)</script>"]
    env = cli_env(tmp_path)
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
    # Scripts and the evaluation read the machine citations, unchanged in form.
    sources = rows[0]["match"]["sources"]
    assert sources and all(s.startswith("SKB 2022 Lampiran II tabel ") for s in sources)
    assert rows[1]["intent"] == "greeting"
    assert rows[3]["match"] is None and rows[4]["match"] is None
    # "understood" (INTERFACES.md: a FAQ match may add it) says what was read
    assert set(rows[0]) - {"understood"} == {
        "query",
        "intent",
        "match",
        "suggestions",
        "elapsed_ms",
    }


def test_gaps_command_lists_the_most_frequent_unanswered_questions(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
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
