"""An election act the writer saw or holds the evidence of is an account, whatever is
asked after it: where to take it, what to make of it, how to report it (a state car
hauling a candidate's banners included). Heard of, supposed, or the writer's own photo
stays a question."""

from __future__ import annotations

import pytest

from bot.askpath import answer_json
from bot.wiring import App

VOUCHED = [
    "td aku liat sendiri truk dinas pu ngangkut baliho cabup ke posko, gmn cara ngelaporinnya?",
    "Pak sekdes bagi-bagi sarung bergambar caleg ke jamaah, videonya ada di hp saya. Bawa "
    "ke Panwascam atau Bawaslu kabupaten?",
    "kades kami ngajak warga coblos nomor 1 pas pengajian, rekamannya aku simpan, itu gimana?",
    "I filmed the school principal handing out the incumbent's stickers to parents. Should "
    "I go to Bawaslu or the police?",
    "Kami mendapati kendaraan dinas kecamatan mengangkut alat peraga kampanye ke posko "
    "relawan. Kami memiliki dokumentasinya. Mohon petunjuk.",
]
NOT_VOUCHED = [
    "saya punya foto bareng caleg waktu kondangan, boleh saya upload?",
    "saya dengar pns yang ikut kampanye bisa dipecat, benar?",
    "How many days do I have to report an election violation to Bawaslu after I find out about it?",
]


@pytest.mark.parametrize("text", VOUCHED)
def test_seen_or_evidence_in_hand_is_a_tip(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] == "tip"


@pytest.mark.parametrize("text", NOT_VOUCHED)
def test_heard_supposed_or_own_stays_a_question(app: App, text: str) -> None:
    assert answer_json(app.services.kb, text)["intent"] != "tip"
