"""Sending a side's material on ("ngirim poster capres ke grup keluarga", "sending a
candidate's flyer") is sharing it, which SKB 2022 forbids; the writer's "ngirim" was
read as the "kiriman" (posts others send) of a group one only stays in, and answered
with that entry's conditional yes. Others sending keeps that yes. Phrasings written
for this file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import default_reader
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "sy pns, tiap hari ngirim poster capres ke grup wa keluarga, boleh kan?",
        "i'm a pns, i keep sending a candidate's flyer to my family whatsapp group, is that ok?",
        "Saya ASN, bolehkah mengirim brosur paslon ke grup alumni?",
        "Aku guru PPPK, sering ngirim video kampanye caleg nang grup WA sedulur. Oleh ra?",
        # a relative sends, and the writer sends too
        "saya pns, om saya kirim video caleg, saya ikut kirim poster capres ke grup keluarga "
        "juga, boleh?",
    ],
)
def test_sending_campaign_material_is_a_forbidden_share(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "saya PNS, di grup wa keluarga ada yang kirim video caleg tiap hari, saya harus gimana?",
        "saya PNS, grup wa keluarga saya penuh kiriman video caleg, saya harus keluar?",
        # ("kirim kampanye" names no thing sent: someone else's campaign messages)
        "ada sepupu yg sering kirim kampanye caleg ke grup wa keluarga, saya asn harus gimana?",
        "tante saya tiap hari kirim video capres ke grup keluarga, saya pppk harus bagaimana?",
    ],
)
def test_others_sending_keeps_the_group_entry(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "medsos-grup-keluarga"), text


def test_own_sending_is_not_read_as_others_posts() -> None:
    text = "saya pns, saya ngirim gambar caleg ke grup wa keluarga"
    assert "others_share" not in default_reader().read(text).context_ids
