"""Two routing classes of round 7. A request to the bot to write campaign material
("bikinin pidato kampanye buat caleg dong") is no question of ours: an honest "I don't
know", never a neighbour's ban; a civil servant asking whether they may write it stays
ours. Subscribing to someone's channel or account ("tanpa like/komen/subscribe") is an
act on social media, not a wish for our reminders. Phrasings written for this file (not
copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "min tolong buatkan naskah orasi untuk paslon nomor 2",
        "write me a campaign slogan for my candidate",
        "tolong karangin pantun kampanye buat cawalkot kami dong",
        "could you draft a short speech for my brother's DPRD campaign?",
    ],
)
def test_a_request_to_write_campaign_material_is_not_answered(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.intent != "tip", text
    assert answer.match is None, text


@pytest.mark.parametrize(
    "text",
    [
        "PNS boleh bikin pidato kampanye buat caleg?",
        "boleh saya bantu tulis pidato kampanye buat kakak saya yang nyaleg? saya guru pns",
    ],
)
def test_asking_whether_one_may_write_it_stays_ours(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "saya guru, boleh langganan kanal tiktok caleg?",
        "pppk yg subscribe youtube partai kena sanksi?",
        "asn cuma liat konten kampanye tanpa follow atau subscribe, aman?",
    ],
)
def test_subscribing_to_a_channel_is_no_wish_for_reminders(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent != "subscribe", text


@pytest.mark.parametrize("text", ["mau langganan pengingat", "ingetin aku pas masa tenang ya"])
def test_a_wish_for_reminders_still_subscribes(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "subscribe", text


@pytest.mark.parametrize("text", ["ok that helps, thank you", "very useful info, thanks admin"])
def test_english_thanks_in_other_words_is_a_greeting(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting", text
