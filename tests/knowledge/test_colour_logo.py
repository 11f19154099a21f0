"""A party's colour alone may be worn; the same clothes with the party's logo, a number
or a face on them are an attribute (SKB 2022 Lampiran II tabel B butir 4): no yes."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "pns pakai kaos warna partai ada logonya boleh?",
        "guru pppk pake kemeja kuning berlogo partai pas ngajar, boleh?",
    ],
)
def test_a_party_colour_with_its_logo_is_no_yes(kb: KnowledgeBase, text: str) -> None:
    # the colour alone is allowed; a logo on it is an attribute (SKB 2022 tabel B butir 4)
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict not in ("boleh", "boleh_bersyarat")
