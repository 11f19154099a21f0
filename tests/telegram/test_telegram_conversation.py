"""A person chats with the real bot over the Bot API (long polling): menu, answers, buttons."""

from __future__ import annotations

from handlers.markup import to_telegram_html
from handlers.messages import Button, Outgoing
from knowledge import Entry
from tests.conftest import incoming
from tests.fakes.telegram_updates import make_callback, make_message, user
from tests.telegram.conftest import Running


async def _html_of(running: Running, text: str = "", **kw: object) -> str:
    """What the handlers answer to this message, as Telegram HTML (via the console path)."""
    (out,) = await running.app.dispatcher.handle(incoming(text, **kw))
    return to_telegram_html(out.text)


def _answerable(running: Running) -> Entry:
    """An entry the knowledge base answers by its own question, with related questions."""
    kb = running.app.services.kb
    for entry in kb.entries:
        related = [r for r in entry.related if kb.entry(r) is not None]
        match = kb.ask(entry.question).match
        if related and match is not None and match.id == entry.id:
            return entry
    raise AssertionError("no answerable entry with related questions")


async def test_start_shows_welcome_and_menu_buttons(polling: Running) -> None:
    tg = polling.tg
    tg.push_update(make_message("/start"))
    (sent,) = await tg.wait_for("sendMessage")
    assert sent.chat_id == "42"
    assert sent.params["parse_mode"] == "HTML"
    assert "<b>asnbot</b>" in sent.text
    assert sent.payloads == ["menu:tanya", "menu:lapor", "menu:pengingat", "menu:bahasa"]
    # Short labels share a row: two rows of two on a phone screen.
    assert [[b["text"] for b in row] for row in sent.buttons] == [
        ["❓ Tanya aturan", "📝 Lapor pelanggaran"],
        ["⏰ Pengingat", "🌐 Bahasa"],
    ]


async def test_command_menu_is_set_in_indonesian_and_english(polling: Running) -> None:
    calls = polling.tg.calls_to("setMyCommands")
    by_language = {c.params.get("language_code"): c.params["commands"] for c in calls}
    assert set(by_language) == {None, "en"}
    indonesian = {c["command"]: c["description"] for c in by_language[None]}
    english = {c["command"]: c["description"] for c in by_language["en"]}
    assert indonesian["lapor"] == "Laporkan pelanggaran netralitas secara anonim"
    assert english["lapor"] == "Report a neutrality violation anonymously"
    assert list(indonesian) == list(english)
    assert {"start", "lapor", "status", "langganan", "bahasa", "bantuan", "batal"} <= set(english)


async def test_polling_clears_a_webhook_and_asks_only_for_what_it_reads(polling: Running) -> None:
    assert polling.tg.calls_to("deleteWebhook")
    assert polling.tg.calls_to("setWebhook") == []


async def test_question_is_answered_with_related_and_feedback_buttons(polling: Running) -> None:
    entry = _answerable(polling)
    polling.tg.push_update(make_message(entry.question))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert entry.answer.split(".")[0] in sent.text
    payloads = sent.payloads
    assert payloads[-3:] == [f"fb:{entry.id}:up", f"fb:{entry.id}:down", f"law:{entry.id}"]
    related = [p for p in payloads if p.startswith("faq:")]
    assert related and all(p.removeprefix("faq:") in entry.related for p in related)
    # Question titles are long: one per row; the two feedback buttons share a row,
    # and "Dasar hukum" has the last row to itself.
    assert all(len(row) == 1 for row in sent.buttons[:-2])
    assert len(sent.buttons[-2]) == 2
    assert [b["text"] for b in sent.buttons[-1]] == ["📜 Dasar hukum"]


async def test_button_press_is_answered_at_once_and_shows_the_entry(polling: Running) -> None:
    entry = _answerable(polling)
    related = next(r for r in entry.related if polling.app.services.kb.entry(r) is not None)
    polling.tg.push_update(make_callback(f"faq:{related}"))
    (answered,) = await polling.tg.wait_for("answerCallbackQuery")
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert answered.at <= sent.at  # the spinner stops before the answer is looked up
    assert sent.text == await _html_of(polling, payload=f"faq:{related}")
    assert f"fb:{related}:up" in sent.payloads


async def test_deep_links_arrive_as_start_payloads(polling: Running) -> None:
    tg = polling.tg
    entry = _answerable(polling)
    tg.push_update(make_message(f"/start tanya_{entry.id}"))
    # Two other people: one scans the poster, one taps the menu; both start a tip.
    tg.push_update(make_message("/start lapor", from_user=user(8)))
    tg.push_update(make_callback("menu:lapor", from_user=user(9)))
    # The tip flow answers with two messages (the promise, then the first question);
    # different chats are served concurrently, so replies are matched by chat.
    calls = await tg.wait_for("sendMessage", 5)
    texts: dict[str, list[str]] = {}
    for c in calls:
        texts.setdefault(c.params["chat_id"], []).append(c.text)
    first = next(c for c in calls if c.params["chat_id"] == str(user()["id"]))
    assert f"fb:{entry.id}:up" in first.payloads
    assert texts["8"] == texts["9"]  # the poster's QR code leads to the tip flow
    assert len(texts["8"]) == 2 and "asnbot" not in texts["8"][0]  # not the plain welcome


async def test_english_client_is_answered_in_english(polling: Running) -> None:
    polling.tg.push_update(make_message("/start", from_user=user(7, language="en-GB")))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert "Hello!" in sent.text
    assert "📝 Report a violation" in [b["text"] for row in sent.buttons for b in row]


async def test_user_text_is_escaped_in_html(polling: Running) -> None:
    polling.tg.push_update(make_message("/bahasa <i>&*x*"))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert '"&lt;i&gt;&amp;*x*"' in sent.text  # shown as typed, not as markup
    assert "<i>" not in sent.text and "<b>x</b>" not in sent.text


async def test_unicode_heavy_text_is_answered(polling: Running) -> None:
    text = "🙏🏽 Bolehkah ASN ikut kampanye? " + "ꦲꦱ꧀ꦤ꧀ 𝕏 \u200d" * 40
    polling.tg.push_update(make_message(text))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert sent.text and sent.payloads


async def test_long_button_payload_survives_the_64_byte_limit(polling: Running) -> None:
    long_payload = "faq:" + "x" * 100
    shortened = await polling.component.channel.delivery.deliver(
        42, Outgoing("*pilih*", buttons=(Button("Tombol", long_payload),))
    )
    assert shortened
    (sent,) = await polling.tg.wait_for("sendMessage")
    (data,) = sent.payloads
    assert len(data.encode()) <= 64 and data != long_payload[:64]
    # Pressing it reaches the handlers with the whole payload: an unknown entry here.
    polling.tg.push_update(make_callback(data))
    _, reply = await polling.tg.wait_for("sendMessage", 2)
    assert reply.text == await _html_of(polling, payload=long_payload)
    assert reply.text != await _html_of(polling, payload=data)


async def test_legal_basis_button_shows_full_references_as_safe_html(polling: Running) -> None:
    """The "Dasar hukum" button: each regulation's full title, the articles cited,
    whether it is in force, and the official link, in well-formed Telegram HTML."""
    kb = polling.app.services.kb
    entry = next(e for e in kb.entries if any(s.startswith("UU 7/2017 ") for s in e.sources))
    polling.tg.push_update(make_callback(f"law:{entry.id}"))
    (sent,) = await polling.tg.wait_for("sendMessage")
    assert sent.params["parse_mode"] == "HTML"
    assert "<b>Dasar hukum jawaban ini</b>" in sent.text
    assert "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" in sent.text
    assert "https://peraturan.bpk.go.id/Details/37644/uu-no-7-tahun-2017" in sent.text
    article = next(s for s in entry.sources if s.startswith("UU 7/2017 ")).removeprefix(
        "UU 7/2017 "
    )
    assert article in sent.text
    assert sent.payloads == [f"faq:{entry.id}"]  # back to the answer
    assert sent.text == await _html_of(polling, payload=f"law:{entry.id}")
