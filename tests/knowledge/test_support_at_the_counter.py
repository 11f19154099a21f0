"""Serving a candidate who comes to the office like any citizen is the job (a yes with
conditions); one's own act of support at the service counter (a candidate's sticker
put up there, their calendars handed to the people served) is not that entry's
question and is forbidden (PP 94/2021 Pasal 5 huruf n). Phrasings written for this
file, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "saya petugas loket PNS, boleh pasang stiker paslon di kaca loket pelayanan?",
        "pppk di loket puskesmas boleh ngasih kalender bergambar caleg ke pasien?",
        "aku pns di mpp, mau naruh stiker cabup di meja pelayanan biar warga ambil, boleh?",
    ],
)
def test_support_at_the_counter_is_forbidden(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang", text


@pytest.mark.parametrize(
    "text",
    [
        "caleg datang ke kantor capil urus ktp, pns harus layani seperti biasa?",
        "a candidate came to the office where I work to renew his permit, "
        "may I serve him like any other citizen?",
    ],
)
def test_serving_a_candidate_keeps_its_yes(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "boleh-layani-calon-kantor"), text
