"""Out of scope is answered honestly: subjects next to ours get "I don't know"
unless the question names a neutrality concept; we never advise a vote."""

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        # an entry talks of leave (to accompany a candidate), none of annual leave
        "jatah cuti tahunan pns berapa hari sih? mau pulang kampung",
        "pppk bisa cuti tahunan gak",
        "kapan pengangkatan cpns jadi pns penuh?",
        "cara cek nama saya di dpt gimana",  # the voter list, not "dapat"
        "habis pindah rumah ke kota lain, saya nyoblos di tps mana?",
        "thr pns tahun ini cair kapan",
        # election jobs in general: the election body's business
        "syarat jadi kpps apa aja?",
        "apa saja tugas kpps di hari pencoblosan",
        # the candidates' own facts
        "nomor urut paslon bupati berapa saja",
        # whom to vote for
        "sebaiknya saya coblos siapa di pilkada?",
        "who should civil servants vote for in the presidential election?",
        "calon mana yang paling bagus buat dicoblos?",
    ],
)
def test_nearby_subjects_get_an_honest_unknown(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None, (text, answer.match)
    assert answer.intent in ("unknown", "faq")  # "faq" here: suggestions only


@pytest.mark.parametrize(
    "text",
    [
        # the same subjects with a neutrality concept named: still answered
        "pns boleh ambil cuti untuk dampingi suami kampanye?",
        "pensiunan pns boleh jadi timses?",
        "asn boleh bagikan info cek dpt online di facebook?",
        # an election job for a civil servant is ours
        "guru pppk boleh daftar jadi petugas kpps?",
        "saya pns ditunjuk jadi pengawas tps, perlu izin atasan?",
        "pns boleh share visi misi paslon?",
        # whether one may advise a vote is a neutrality question
        "guru boleh kasih tau murid sebaiknya pilih paslon siapa?",
    ],
)
def test_the_same_words_with_a_neutrality_concept_are_answered(
    kb: KnowledgeBase, text: str
) -> None:
    answer = kb.ask(text)
    assert answer.intent == "faq" and answer.match is not None, text
