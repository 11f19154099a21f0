"""In-scope questions that used to get "I don't know", and answers whose verdict was
right but whose citation was not the one the act rests on. Each row says what the
user sees: the verdict (and, for citations, a regulation the answer must name).
Questions written for this file, in several registers; never copied from an eval set.

- words around the act that looked like another subject: unpaid work or one's own
  salary ("tidak digaji", "pakai gaji sendiri") is not a question about pay, nor is
  one's rank said in passing ("saya PNS golongan II");
- a choice kept private said formally ("tanpa memberitahukan"), a non-ASN spouse set
  apart with "saya sendiri", advice on whom to vote for ("saranin paslon");
- an act's general rule for a "boleh …?" whose words are far from every phrasing,
  never a yes guessed that way;
- an entry that fits the act when the words' near candidates all agree on its verdict,
  and the best entry when the near candidates all forbid (never info entries: two
  of them answer different questions);
- PPPK asking about campaigning get UU 20/2023 (PP 94/2021 is the PNS rule).
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, framepick
from knowledge.framemap import rule_id
from knowledge.matcher import SUGGEST_THRESHOLD, Scored

ANSWERED = [
    # unpaid work, one's own money: the act is asked, not the pay
    ("pns boleh jadi pengurus partai kalau tidak digaji?", "dilarang"),
    ("asn boleh nyumbang ke caleg pakai gaji sendiri?", "dilarang"),
    # one's rank said in passing
    (
        "Saya PNS golongan II dan istri saya ditetapkan sebagai calon bupati. Dapatkah saya "
        "mengambil cuti di luar tanggungan negara untuk mendampinginya selama kampanye?",
        "boleh_bersyarat",
    ),
    # a choice kept to oneself, in the formal register
    (
        "Apakah ASN boleh memilih secara rahasia tanpa memberitahukan pilihannya ke atasan?",
        "boleh",
    ),
    ("asn boleh nyoblos diam2 tanpa memberitahu siapa2 pilihannya?", "boleh"),
    # the writer is the non-ASN spouse
    ("istri saya PNS, saya sendiri karyawan swasta, boleh ikut jadi relawan caleg?", "boleh"),
    ("suamiku PNS, aku sendiri irt, boleh ikut kampanye capres?", "boleh"),
    ("suami saya PNS tapi saya karyawan swasta, boleh saya ikut kampanye caleg?", "boleh"),
    ("My husband is a PNS but I work in the private sector. Can I join a campaign team?", "boleh"),
    # advising whom to vote for is urging a vote
    ("bidan pns saranin pasien pilih paslon 3, boleh ga?", "dilarang"),
    ("guru pns menyarankan wali murid memilih calon tertentu, melanggar gak?", "dilarang"),
    # no "boleh", the entries near the one that fits all say dilarang
    ("kalau pppk bagi2 kalender caleg ke warga gimana?", "dilarang"),
    ("asn ngumpulin iuran dari temen sekantor buat logistik caleg, gimana tuh?", "dilarang"),
    # a court's ruling is not an official's favourable decision (Part 3 §3)
    ("caleg boleh kampanye di kampus negeri? katanya ada putusan MK", "boleh_bersyarat"),
    ("cabup boleh kampanye di sekolah negeri? katanya ada putusan MK", "dilarang"),
    ("caleg boleh kampanye di masjid? kan ada putusan MK", "dilarang"),
    # cheering at a rally is not passive attendance, on a day off too
    ("Can a PNS attend a mayoral candidate's campaign rally on his day off and cheer?", "dilarang"),
    ("pns boleh nonton kampanye terus ikut joget?", "dilarang"),
    # the near entries all forbid it
    (
        "Saya camat. Boleh tidak saya membuat surat edaran supaya ketua RT mendata warga "
        "yang mendukung paslon tertentu?",
        "dilarang",
    ),
    # the English verb "campaign for": a village head's own ban (Part 3 §8)
    ("Can a village head campaign for a mayoral candidate on his day off?", "dilarang"),
]


@pytest.mark.parametrize(("question", "verdict"), ANSWERED)
def test_an_in_scope_question_is_answered(kb: KnowledgeBase, question: str, verdict: str) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == verdict, (question, answer.match.id)


def _weak(kb: KnowledgeBase, entry_id: str) -> list[Scored]:
    """A ranking whose best entry is ``entry_id``, scored below the suggestion floor."""
    index = next(i for i, e in enumerate(kb.entries) if e.id == entry_id)
    return [Scored(index, SUGGEST_THRESHOLD - 0.05)]


def test_far_words_on_a_forbidden_act_get_its_general_rule(kb: KnowledgeBase) -> None:
    # "boleh …?", a civil servant and a banner read, the words far from every phrasing
    # of the entry that fits: the general rule on banners answers
    question = "pns boleh pasang spanduk caleg?"
    frame = kb.frame(question)
    picked = framepick.pick(kb, _weak(kb, "skb-baliho-calon"), frame, False, ("pns",))
    assert picked is not None
    assert picked[0].id == rule_id("banner")
    assert picked[0].verdict == "dilarang"


def test_far_words_never_get_a_yes_rule(kb: KnowledgeBase) -> None:
    # running for office is allowed with conditions, but a far question may be asking
    # about approaching a party without leave (forbidden): no guessed yes
    question = "pns boleh mencalonkan diri jadi bupati?"
    frame = kb.frame(question)
    assert framepick.pick(kb, _weak(kb, "calon-pilkada"), frame, False, ("pns",)) is None


CITED = [
    ("As a PPPK teacher, can I wear a party cap at a campaign rally on the weekend?", "UU 20/2023"),
    ("PPPK boleh ikut kampanye caleg asal di luar jam kerja?", "UU 20/2023"),
    (
        "I'm an HR officer. Bawaslu forwarded a finding about one of our teachers; what's the "
        "chain now that KASN is gone?",
        "Perpres 92/2024",
    ),
    ("asn boleh nonton debat capres di tv buat nentuin pilihan?", "UU 7/2017 Pasal 200"),
    # not yet appointed PPPK: still honorer, bound by the circular for non-ASN staff
    ("saya honorer belum jadi pppk, boleh pasang stiker caleg di motor?", "SE MenPANRB 1/2023"),
]


@pytest.mark.parametrize(("question", "regulation"), CITED)
def test_the_answer_cites_what_it_rests_on(
    kb: KnowledgeBase, question: str, regulation: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert any(s.startswith(regulation) for s in answer.match.sources), (
        question,
        answer.match.id,
        answer.match.sources,
    )


def test_info_entries_near_each_other_are_no_answer(kb: KnowledgeBase) -> None:
    # two info entries answer different questions: their both being near decides nothing
    question = "asn yang sedang cuti tahunan masih wajib netral atau tidak ya?"
    ranked = kb.matcher.rank(kb.normalize(question), 4)
    terms = kb.normalizer.analyze(question).terms
    assert kb.entries[ranked[0].index].verdict == "info"
    assert framepick.agreed(kb, ranked, terms) is None


STILL_NOT_OURS = [
    "saya pns golongan iii, kapan naik pangkat?",
    "gaji pns golongan 3 berapa?",
    "ini bisa buat apa aja",
]


@pytest.mark.parametrize("question", STILL_NOT_OURS)
def test_pay_and_rank_questions_stay_unanswered(kb: KnowledgeBase, question: str) -> None:
    assert kb.ask(question).match is None, question
