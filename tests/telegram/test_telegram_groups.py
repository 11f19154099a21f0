"""In a group the bot answers what is addressed to it, and never takes a tip there."""

from __future__ import annotations

from storage import conversations
from tests.fakes.telegram_updates import (
    group,
    make_callback,
    make_message,
    make_photo_message,
    mention,
    user,
)
from tests.telegram.conftest import Running

GROUP = group(-1001)
PRIVATE_POINTER = "hanya saya terima lewat <b>chat pribadi</b>"


async def test_tip_commands_in_a_group_point_to_a_private_chat(polling: Running) -> None:
    tg = polling.tg
    asked = make_message("/lapor@asn_test_bot", in_chat=GROUP)
    tg.push_update(asked)
    tg.push_update(make_message("/status ABCD-EFGH-JKMN", in_chat=GROUP))
    tg.push_update(make_message("/start lapor", in_chat=GROUP))
    tg.push_update(make_callback("menu:lapor", in_chat=GROUP))
    sent = await tg.wait_for("sendMessage", 4, chat_id=-1001)
    assert all(PRIVATE_POINTER in s.text for s in sent)
    # The pointer answers the message that asked, so the group sees whom it is for.
    assert sent[0].params["reply_parameters"]["message_id"] == asked["message"]["message_id"]


async def test_free_text_tip_intent_in_a_group_is_refused_too(polling: Running) -> None:
    polling.tg.push_update(make_message(mention("saya mau lapor"), in_chat=GROUP))
    (sent,) = await polling.tg.wait_for("sendMessage", chat_id=-1001)
    assert PRIVATE_POINTER in sent.text


async def test_a_witness_in_a_group_gets_the_rule_and_the_pointer_and_nothing_is_held(
    polling: Running,
) -> None:
    polling.tg.push_update(
        make_message(mention("saya mau lapor ASN kampanye di kantor"), in_chat=GROUP)
    )
    rule, pointer = await polling.tg.wait_for("sendMessage", 2, chat_id=-1001)
    assert "Dasar hukum" in rule.text and "tipoffer:take" not in rule.payloads
    assert PRIVATE_POINTER in pointer.text
    who = polling.app.services.pseudonyms.of(f"telegram:{user()['id']}")
    assert (await conversations.load(polling.app.services.db, who)).step is None


async def test_group_chatter_is_never_read(polling: Running) -> None:
    tg = polling.tg
    tg.push_update(make_message("rame banget grup ini", in_chat=GROUP))
    tg.push_update(make_message("/lapor@another_bot", in_chat=GROUP))
    tg.push_update(make_photo_message("group-photo", in_chat=GROUP))
    tg.push_update(make_message("/menu", in_chat=GROUP))  # addressed: answered
    (sent,) = await tg.wait_for("sendMessage", chat_id=-1001)
    await tg.settle()
    assert len(tg.sent()) == 1 and "Apa yang bisa saya bantu" in sent.text
    assert tg.calls_to("getFile") == []


async def test_mentioned_question_is_answered_without_the_mention(polling: Running) -> None:
    entry = polling.app.services.kb.entries[0]
    polling.tg.push_update(make_message(mention(entry.question), in_chat=GROUP))
    (sent,) = await polling.tg.wait_for("sendMessage", chat_id=-1001)
    assert f"fb:{entry.id}:up" in sent.payloads


async def test_reply_to_the_bot_is_addressed(polling: Running) -> None:
    bot_message = {
        "message_id": 1,
        "date": 1,
        "chat": GROUP,
        "from": {"id": 123456, "is_bot": True, "first_name": "ASN Test Bot"},
        "text": "Apa yang bisa saya bantu?",
    }
    polling.tg.push_update(make_message("halo", in_chat=GROUP, reply_to_message=bot_message))
    (sent,) = await polling.tg.wait_for("sendMessage", chat_id=-1001)
    assert sent.text


async def test_someone_mid_tip_cannot_feed_it_from_a_group(polling: Running) -> None:
    from storage import conversations

    app = polling.app
    who = app.services.pseudonyms.of("telegram:42")
    state = conversations.State()
    state.go("tip.awaiting_content")
    await conversations.save(app.services.db, who, state, app.services.clock())
    polling.tg.push_update(make_message(mention("kepala dinas kampanye"), in_chat=GROUP))
    (sent,) = await polling.tg.wait_for("sendMessage", chat_id=-1001)
    assert PRIVATE_POINTER in sent.text
    assert (await conversations.load(app.services.db, who)).step == "tip.awaiting_content"


async def test_admin_commands_are_private_only(polling: Running) -> None:
    polling.tg.push_update(make_message("/tips", in_chat=GROUP, from_user=user(9)))
    (sent,) = await polling.tg.wait_for("sendMessage", chat_id=-1001)
    assert "hanya bisa dipakai di chat pribadi" in sent.text
