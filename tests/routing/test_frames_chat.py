"""What the bot understood, said under the answer; 👎 asks which part was wrong;
and one question back where the answer depends on a fact left out (issue 13 §2).
Console path; the Telegram and WhatsApp layers have their own tests."""

from __future__ import annotations

from bot.wiring import App
from handlers.tips.kit import kit
from storage import kbstats
from tests.routing.helpers import person

WITNESS_AT_TPS = "sy guru p3k blh jd saksi paslon di tps?"
SPOUSE = "suami saya nyaleg, boleh saya dampingi kampanye?"


async def test_the_answer_says_what_was_understood(app: App) -> None:
    siti = person(app)
    reply = await siti.say(WITNESS_AT_TPS)
    assert "Dilarang" in reply
    assert "Saya memahami: PPPK · menjadi saksi paslon di TPS" in reply
    # one short line, the last of the answer
    assert reply.rstrip().splitlines()[-1].startswith("Saya memahami:")


async def test_in_english_too(app: App) -> None:
    budi = person(app, "console:budi")
    await budi.press("lang:en")
    reply = await budi.say(WITNESS_AT_TPS)
    assert "I understood: contract civil servant (PPPK)" in reply


async def test_no_line_when_nothing_was_understood(app: App) -> None:
    reply = await person(app).say("apa itu SKB 2022?")
    assert "Dasar hukum:" in reply and "Saya memahami" not in reply


async def test_thumbs_down_asks_which_part_and_records_it_without_identity(app: App) -> None:
    siti = person(app)
    await siti.say(WITNESS_AT_TPS)
    down = next(p for p in siti.buttons() if p.endswith(":down"))
    asked = await siti.press(down)
    assert "Bagian mana yang keliru?" in asked
    parts = [p for p in siti.buttons() if p.startswith("fbw:")]
    assert [p.split(":")[1] for p in parts] == ["actor", "activity", "context", "answer"]
    labels = [b.label for o in siti.seen for b in o.buttons if b.payload.startswith("fbw:")]
    assert labels == ["Pelaku", "Kegiatan", "Konteks", "Jawabannya"]
    assert "pelaku" in await siti.press(parts[0])
    gaps = await kbstats.top_gaps(app.services.db, kit(app.services).vault, 10)
    entry_id = down.split(":")[1]
    assert any(g.text == f"[{entry_id}] salah: actor" for g in gaps)
    assert not any("console" in g.text or "siti" in g.text for g in gaps)


async def test_a_forged_part_is_refused_politely(app: App) -> None:
    reply = await person(app).press("fbw:everything:peran-saksi-tps")
    assert "tidak bisa dicatat" in reply


async def test_asks_pns_or_pppk_and_each_button_answers_its_branch(app: App) -> None:
    siti = person(app)
    asked = await siti.say(SPOUSE)
    assert "Anda PNS atau PPPK?" in asked and "Dasar hukum" not in asked
    assert siti.buttons() == ["faq:boleh-pasangan-cltn", "faq:skb-pasangan-tanpa-cltn"]
    assert "Boleh dengan syarat" in await siti.press("faq:boleh-pasangan-cltn")
    await siti.say(SPOUSE)
    assert "Dilarang" in await siti.press("faq:skb-pasangan-tanpa-cltn")


async def test_no_question_back_when_the_fact_is_given(app: App) -> None:
    reply = await person(app).say("saya pns, " + SPOUSE)
    assert "Anda PNS atau PPPK?" not in reply and "Dasar hukum:" in reply


async def test_asks_whether_the_candidate_is_set(app: App) -> None:
    siti = person(app)
    asked = await siti.say("asn boleh hadir deklarasi calon bupati?")
    assert "sudah ditetapkan KPU?" in asked
    assert siti.buttons() == ["faq:skb-sosialisasi-bakal-calon", "faq:skb-hadir-kampanye-dukung"]
    answered = await person(app, "console:budi").say(
        "asn boleh hadir deklarasi bakal calon bupati?"
    )
    assert "sudah ditetapkan KPU?" not in answered and "Dasar hukum:" in answered


async def test_a_general_rule_is_said_as_one(app: App) -> None:
    """Actor and act clear, no entry on the combination: the rule for the act,
    marked as general. Shown through the entry lookup the chat buttons use."""
    rule = app.services.kb.entry("umum-witness")
    assert rule is not None and rule.verdict == "dilarang"
    reply = await person(app).press("faq:umum-witness")
    assert "Ini aturan umum untuk kegiatan tersebut" in reply and "Dasar hukum:" in reply
