"""The chat follows what the person wants (issue 13 §3), on the console path.

Each story is told by one person through the real dispatcher with numbered
buttons, as the console and WhatsApp show them.
"""

from __future__ import annotations

from bot.wiring import App
from handlers.tips.kit import kit
from knowledge.normalize import MAX_INPUT_CHARS
from storage import conversations, kbstats, tips
from tests.routing.helpers import RULE_WANTED, WITNESS, person, state_of
from tests.tips.helpers import code_in, jpeg_with_gps, media_files

REPORT_THIS = "📝 Laporkan ini secara anonim"


async def test_a_witness_gets_the_rule_and_can_report_that_very_text(app: App) -> None:
    siti = person(app)
    reply = await siti.say(WITNESS)
    assert "Dilarang" in reply and "Dasar hukum:" in reply
    (first, *_rest) = siti.seen[-1].buttons
    assert (first.label, first.payload) == (REPORT_THIS, "tipoffer:take")
    # The notice the tip flow always shows first, then the story is already in.
    started = await siti.press("tipoffer:take")
    assert started.index("Yang tidak pernah disimpan") < started.index("isi pertama laporan")
    assert "Dicatat: 1 pesan teks, 0 foto" in started
    code = code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and detail.body == WITNESS and code


async def test_a_witness_without_a_sure_rule_still_gets_the_offer(app: App) -> None:
    siti = person(app)
    story = "tadi ada pejabat dinas rapat sama timses di hotel"
    reply = await siti.say(story)
    assert "Dasar hukum" not in reply and "secara anonim" in reply
    assert siti.buttons() == ["tipoffer:take", "tipoffer:drop"]
    assert "dihapus" in await siti.press("tipoffer:drop")
    assert await state_of(app, siti) is None  # nothing held any more


async def test_how_to_report_gets_the_channels_and_the_tip_button(app: App) -> None:
    siti = person(app)
    reply = await siti.say("gimana cara lapor pelanggaran netralitas asn?")
    assert "Dasar hukum:" in reply
    assert siti.seen[-1].buttons[0].label == REPORT_THIS
    assert "Yang tidak pernah disimpan" in await siti.say("1")  # the tip flow, from the top
    # Reporting elsewhere stays a question about that channel.
    budi = person(app, "console:budi")
    answer = await budi.say("mau lapor ke bawaslu caranya gimana")
    entry = app.services.kb.entry("lapor-bawaslu")
    assert entry is not None and entry.sources[0].split(" Pasal")[0] in answer  # plain name
    assert (await state_of(app, budi)) is None


async def test_the_how_button_carries_a_story_told_just_before(app: App) -> None:
    siti = person(app)
    await siti.say(WITNESS)
    await siti.say("kemana lapor pelanggaran netralitas?")
    assert siti.buttons()[0] == "tipoffer:take"
    assert "isi pertama laporan" in await siti.say("1")


async def test_a_question_inside_a_draft_is_asked_about_not_filed(app: App) -> None:
    siti = person(app)
    await siti.say("/lapor")
    await siti.say("Pak Camat memakai mobil dinas untuk konvoi kampanye")
    asked = await siti.say(RULE_WANTED)
    assert "Tambahkan ke laporan, atau jawab sebagai pertanyaan?" in asked
    assert siti.buttons() == ["tipq:add", "tipq:answer"]
    answered = await siti.say("2")  # answer it: the rule, and the draft is still there
    assert "Dilarang" in answered and "Anda sedang menulis laporan" in answered
    assert "Dicatat: 2 pesan teks" in await siti.say("jam 9 pagi di alun-alun")
    # Asked again; this time it belongs in the report.
    await siti.say("apakah camat boleh pakai mobil dinas?")
    assert "Dicatat: 3 pesan teks" in await siti.press("tipq:add")
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and RULE_WANTED not in detail.body
    assert "apakah camat boleh pakai mobil dinas?" in detail.body


async def test_sending_with_a_question_waiting_asks_first(app: App) -> None:
    siti = person(app)
    await siti.say("/lapor")
    await siti.say("Kepala sekolah mengumpulkan guru untuk mendukung cabup")
    await siti.say(RULE_WANTED)
    again = await siti.say("/kirim")
    assert "Sebelum mengirim" in again and "Laporan terkirim" not in again
    # Writing on instead adds the question to the report, and says so.
    assert "saya tambahkan ke laporan" in await siti.say("di aula sekolah")
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and RULE_WANTED in detail.body


async def test_every_reply_while_writing_says_how_to_send_or_leave(app: App) -> None:
    siti = person(app)
    turns = [
        await siti.say("/lapor"),
        await siti.say("Kadis membagikan kalender bergambar caleg"),
        await siti.attach(jpeg_with_gps()),
        await siti.press("tip:next"),
        await siti.say("Dinas Pendidikan"),
        await siti.press("tip:skip"),
        await siti.say("kemarin"),
        await siti.press("tipcat:atribut"),
        await siti.press("tip:edit"),
        await siti.press("tipedit:place"),
        await siti.say("Balai kota"),
    ]
    for turn in turns:
        assert "Anda sedang menulis laporan anonim" in turn, turn
        assert "/kirim" in turn and "/batal" in turn
    sent = await siti.say("/kirim")
    assert "Anda sedang menulis" not in sent  # sent: no longer mid-report


async def test_a_bare_receipt_code_is_a_status_lookup(app: App) -> None:
    tipster = person(app, "telegram:501")
    await tipster.say("/lapor")
    await tipster.say("Sekda berpidato di acara partai")
    code = code_in(await tipster.say("/kirim"))
    await tipster.press("tipview:done")
    looked = await tipster.say(code.lower().replace("-", " "))
    assert "Status laporan: baru" in looked
    other = person(app, "telegram:502")
    wrong = "ZZZZ-ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ-ZZZZ" else "YYYY-YYYY-YYYY"
    assert "Tidak ada laporan dengan kode itu" in await other.say(wrong)
    # Twelve letters in a row are a word, not a code.
    assert "kode" not in await other.say("ASNBOTPEMILU")


async def test_a_photo_outside_a_tip_is_offered_and_dropped_without_a_trace(app: App) -> None:
    siti = person(app)
    offered = await siti.attach(jpeg_with_gps())
    assert "Mau melaporkan foto ini" in offered
    assert siti.buttons() == ["tipoffer:take", "tipoffer:drop"]
    assert len(media_files(app)) == 1  # cleaned and sealed, like a draft's photo
    assert "dihapus" in await siti.press("tipoffer:drop")
    assert media_files(app) == [] and await state_of(app, siti) is None


async def test_a_photo_outside_a_tip_starts_one_when_accepted(app: App) -> None:
    siti = person(app)
    await siti.attach(jpeg_with_gps())
    started = await siti.say("1")
    assert "Yang tidak pernah disimpan" in started and "0 pesan teks, 1 foto" in started
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and len(detail.media) == 1


async def test_greetings_and_pings_get_the_menu(app: App) -> None:
    for text in ("mulai", "P", "pagi kak, izin bertanya", "permisi", "what does this bot do?"):
        siti = person(app, f"console:{text}")
        reply = await siti.say(text)
        assert siti.buttons()[:2] == ["menu:tanya", "menu:lapor"], text
        assert "Dasar hukum" not in reply
    about = await person(app, "console:about").say("bot ini bisa apa?")
    assert "Saya asnbot" in about


async def test_a_long_message_is_answered_by_its_question_sentence(app: App) -> None:
    siti = person(app)
    story = "Saya guru PPPK di sebuah SMP negeri dan tahun ini ada pilkada. " * 9
    reply = await siti.say(story + "Apakah PNS boleh ikut kampanye?")
    assert len(story) > MAX_INPUT_CHARS
    assert "saya menjawab pertanyaan ini" in reply and "Apakah PNS boleh ikut kampanye?" in reply
    assert "Dilarang" in reply


async def test_a_long_message_without_a_question_asks_for_a_short_one(app: App) -> None:
    siti = person(app)
    # Its first 500 characters alone would match an entry: no verdict from them.
    opening = "pns boleh like status caleg " * 18
    reply = await siti.say(opening + ". Terus terang saya bingung sekali dengan semua ini")
    assert "satu kalimat pendek" in reply and "Dasar hukum" not in reply
    assert await kbstats.top_gaps(app.services.db, kit(app.services).vault, 5) == []


async def test_a_long_story_of_a_violation_is_offered_as_a_tip_whole(app: App) -> None:
    siti = person(app)
    story = (
        "Tadi pagi saya lihat pak camat membagikan sembako dengan stiker paslon di pasar. "
        + "Warga antre panjang sekali dan banyak yang membawa anak kecil ikut berdesakan. " * 8
    )
    reply = await siti.say(story)
    assert "Dasar hukum" not in reply and siti.buttons()[0] == "tipoffer:take"
    await siti.say("1")
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and detail.body == story.strip()


async def test_a_subscriber_asking_instead_of_naming_an_office_is_answered(app: App) -> None:
    siti = person(app)
    await siti.say("/langganan WIB")
    reply = await siti.say(RULE_WANTED)
    assert "Dilarang" in reply
    assert await state_of(app, siti) is None


async def test_text_after_a_draft_expired_is_not_answered_from_a_fragment(
    app: App, clock: object
) -> None:
    from datetime import timedelta

    siti = person(app)
    await siti.say("/lapor")
    await siti.say("Kades ikut kampanye")
    clock.now += timedelta(minutes=61)  # type: ignore[attr-defined]
    reply = await siti.say("lanjutannya, dia juga bawa stiker")
    assert "dibuang setelah 60 menit" in reply and "laporan anonim baru" in reply
    assert siti.buttons() == ["tipoffer:take", "tipoffer:drop"]
    # A real question after the expiry is answered, below the notice.
    budi = person(app, "console:budi")
    await budi.say("/lapor")
    clock.now += timedelta(minutes=61)  # type: ignore[attr-defined]
    answered = await budi.say(RULE_WANTED)
    assert "dibuang setelah 60 menit" in answered and "Dilarang" in answered


async def test_the_held_offer_survives_a_question_but_not_another_story(app: App) -> None:
    siti = person(app)
    await siti.say(WITNESS)
    await siti.say(RULE_WANTED)  # a question meanwhile: the offer waits
    assert (await state_of(app, siti)) == "tip.offer"
    await siti.attach(jpeg_with_gps())  # another thing to report replaces it
    await siti.say("1")
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and detail.body == "" and len(detail.media) == 1


async def test_a_stale_report_button_starts_an_empty_tip_and_says_why(app: App) -> None:
    siti = person(app)
    reply = await siti.press("tipoffer:take")
    assert "sudah tidak saya simpan" in reply and "Apa yang terjadi?" in reply


async def test_held_text_is_gone_after_the_throwaway_console_ask(app: App) -> None:
    from bot.askpath import ASK_IDENTITY, ask_text

    await ask_text(app, WITNESS)
    who = app.services.pseudonyms.of(ASK_IDENTITY)
    assert (await conversations.load(app.services.db, who)).step is None


async def test_lapor_typed_after_the_offer_carries_the_story(app: App) -> None:
    siti = person(app)
    await siti.say(WITNESS)
    assert "isi pertama laporan" in await siti.say("/lapor")
    code_in(await siti.say("/kirim"))
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and detail.body == WITNESS


async def test_a_question_typed_as_a_field_answer_is_not_filed_as_one(app: App) -> None:
    siti = person(app)
    await siti.say("/lapor")
    await siti.say("Kabid memasang spanduk caleg di kantor")
    await siti.press("tip:next")  # "Instansi mana?"
    assert "Tambahkan ke laporan" in await siti.say(RULE_WANTED)
    assert "Dilarang" in await siti.press("tipq:answer")
    assert "Di mana kejadiannya?" in await siti.say("Dinas Pertanian")
    summary = await siti.say("/kirim")
    detail = await tips.detail(app.services.db, kit(app.services).vault, 1)
    assert detail is not None and detail.office == "Dinas Pertanian", summary
