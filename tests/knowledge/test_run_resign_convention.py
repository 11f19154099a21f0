"""Who acts, and the verdict their status gives: running for office, and leave.

- "Boleh nyalon? harus mundur?", "does he have to resign?": running is allowed on
  condition of resigning
  (boleh_bersyarat, UU 20/2023 Pasal 56 and 59 ayat (3); for village heads and
  TNI/Polri UU 10/2016 Pasal 7 ayat (2) huruf t), and the answer says when too.
- Only when, about someone else ("kapan mundur, pas daftar atau ditetapkan?"):
  information.
- Running while staying in service, or a soldier joining a party: forbidden, never
  a yes-with-conditions (UU 34/2004 Pasal 39; PP 11/2017 Pasal 254 ayat (4)).
- A civil servant on leave is still ASN and not at a rally on duty: campaigning then
  is forbidden (PP 94/2021 Pasal 5 huruf n), never the on-duty yes.
Questions written for this file (not copied from any evaluation set), in several
registers."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, framepick, lexicon
from knowledge.verdicts import YES, asks_whether_to_run
from tests.knowledge.answers import verdict_and_entry
from tests.knowledge.lexicon_edit import edited_lexicon, modules_reading

MAY_RUN_MUST_RESIGN = [
    "Nuwun sewu, kula PNS badhe nyalon DPRD. Punapa kedah mundur rumiyin?",
    "pak kades pengen nyalon wabup, harus mundur dulu gak?",
    "My uncle is a police officer. Is he allowed to run for mayor, and does he need to resign?",
    "Apakah guru PNS dapat mencalonkan diri sebagai anggota DPRD, dan kapan ia wajib mundur?",
    "Does a teacher who is a civil servant have to resign before standing for the council?",
]


@pytest.mark.parametrize("text", MAY_RUN_MUST_RESIGN)
def test_may_i_run_or_must_i_resign_is_yes_on_condition(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "boleh_bersyarat", (text, entry)


ONLY_WHEN = [
    "PNS mau nyalon bupati, harus mundur kapan sih? pas daftar atau pas penetapan?",
    "Kapan surat pengunduran diri PNS yang maju pilkada harus diserahkan?",
    "tetangga sy pns nyaleg, mundurnya kapan ya, pas daftar apa pas dct?",
]


@pytest.mark.parametrize("text", ONLY_WHEN)
def test_only_when_about_someone_else_is_information(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "info", (text, entry)


STAYING_IN_SERVICE = [
    "kades boleh nyalon bupati tanpa mundur?",
    "prajurit tni tetap aktif sambil jadi caleg, boleh?",
    "polisi aktif boleh nyaleg tanpa mundur dari polri?",
    "Saya PNS, sudah masuk DCT. Boleh saya mundurnya nanti saja kalau terpilih?",
    "tentara boleh gabung partai terus nyalon bupati?",
]


@pytest.mark.parametrize("text", STAYING_IN_SERVICE)
def test_running_while_staying_in_service_is_never_a_yes(kb: KnowledgeBase, text: str) -> None:
    verdict, entry = verdict_and_entry(kb, text)
    assert verdict == "dilarang", (text, entry)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("boleh pns nyaleg? harus mundur?", True),
        ("do they have to resign?", True),
        ("aku pns pengen nyalon bupati, boleh? mundurnya kapan?", True),
        ("suami saya pns mau nyalon, mundurnya kapan?", False),
        ("pns nyalon harus mundur kapan, pas daftar?", False),
        ("surat mundur pns bisa ditarik lagi?", False),
        ("when does a police officer have to resign if he runs?", False),
        ("could i lose my civil service job for taking sides?", False),
        ("kalah pilkada, boleh kerja lagi sebagai pns?", False),
    ],
)
def test_asks_whether_to_run(text: str, asks: bool) -> None:
    assert asks_whether_to_run(text) is asks


def test_a_may_word_added_to_the_lexicon_makes_running_a_conditional_yes(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words asking leave to run live in intents.toml [verdicts], not in code:
    Balinese "nyidaang" (can), added there alone, turns "when must I resign" into
    "may I run, and must I resign", answered yes on condition."""
    question = "tiang pns, nyidaang nyalon bupati? mundurnya kapan?"
    assert verdict_and_entry(kb, question)[0] == "info"
    words = edited_lexicon(tmp_path, "intents.toml", r"^may = \[", 'may = [\n  "nyidaang",')
    (verdicts,) = modules_reading(words, "knowledge.verdicts")
    monkeypatch.setattr(framepick, "asks_whether_to_run", verdicts.asks_whether_to_run)
    assert verdict_and_entry(kb, question)[0] == "boleh_bersyarat"


def test_an_empty_word_class_is_refused_not_matched_everywhere() -> None:
    with pytest.raises(ValueError):
        lexicon.alternation(frozenset())


ON_LEAVE_CAMPAIGNING = [
    "aku pns lg cuti tahunan seminggu, boleh ikut kampanye caleg kan lg gak dinas",
    "I'm a civil servant on annual leave next week. Can I join a rally since I'm off duty?",
    "PNS yang sedang cuti tahunan bolehkah ikut aktif berkampanye karena sedang tidak bertugas?",
    "Saya ASN, lagi ambil cuti tahunan. Apakah saya dapat ikut kampanye? kan tidak bertugas",
]


@pytest.mark.parametrize("text", ON_LEAVE_CAMPAIGNING)
def test_a_civil_servant_on_leave_is_not_there_on_duty(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None or answer.match.verdict not in YES, (text, answer.match)
    assert answer.match is None or answer.match.id != "boleh-hadir-tugas-kampanye", text


def test_the_on_duty_yes_never_answers_one_on_leave(kb: KnowledgeBase) -> None:
    text = "Sy PNS sedang cuti tahunan, dapat ikut kegiatan kampanye? kan sedang tidak bertugas"
    frame = kb.framemap.reader.read(text)
    assert frame.has("on_leave"), text
    assert kb.framemap.excludes("boleh-hadir-tugas-kampanye", frame), text
