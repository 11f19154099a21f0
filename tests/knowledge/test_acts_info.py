"""The act and the kind of question decide the verdict: a job's pay is not an
honorer, the empty column is a vote, a neutral seminar is not a party event,
a Pemilu permit for a school yard is MK 65/PUU-XXI/2023's conditional yes, and
"does a KPPS member stay neutral?" asks for information. Questions written for
this file in several registers, not copied from any evaluation set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

CASES = [
    # the pay of an election job beside it is honorarium, never an honorer
    ("sy pns ditawari jd saksi caleg di tps, ada honornya, blh diterima?", "dilarang", None),
    # the empty column against a single candidate is a lawful vote
    ("pppk boleh nyoblos kolom kosong di pilkada calon tunggal?", "boleh", "boleh-memilih"),
    # a seminar no party holds is not a party event; a party's stays forbidden
    (
        "dokter pns jadi pembicara seminar kesehatan di rumah sakit, boleh?",
        "boleh_bersyarat",
        "boleh-narasumber-netral",
    ),
    ("pns diundang partai jadi narasumber seminar kesehatan, boleh?", "dilarang", None),
    # Pemilu: the one in charge may let every contestant in; Pilkada: no
    (
        "kepsek boleh izinkan caleg pakai halaman sekolah buat kampanye pileg tanpa atribut?",
        "boleh_bersyarat",
        "pemilu-kampanye-kampus-fasilitas",
    ),
    ("kepsek boleh izinkan caleg tertentu saja kampanye di kelas?", "dilarang", None),
    # still bound while serving in an ad-hoc body: information
    ("guru pppk jadi anggota pps, masih wajib netral?", "info", "peran-adhoc-tetap-netral"),
    # a KPU seat beside the civil-service post
    (
        "pns terpilih jadi anggota kpu kota tapi tetap menjabat di dinas, boleh?",
        "dilarang",
        "peran-komisioner-rangkap",
    ),
    # where the pay comes from says who one is, not a pay question
    ("tenaga honorer digaji dari apbd boleh ikut kampanye caleg?", "dilarang", None),
    # staying in a candidate's group, even silent, is not the leaving that is approved
    ("aku dimasukin grup wa relawan capres, aku diem aja ga keluar, aman ga?", "dilarang", None),
    (
        "I was added to a campaign volunteers' group and did not leave, is that ok?",
        "dilarang",
        None,
    ),
    ("sy di-add ke grup timses paslon lalu langsung keluar, sudah benar kan?", "boleh", None),
    # set as a candidate and refusing or delaying the resignation: no conditional yes
    (
        "pns sudah ditetapkan caleg tapi tidak mau mundur sampai hasil keluar, boleh?",
        "dilarang",
        None,
    ),
    ("A PNS was set as a candidate but refuses to resign, is that allowed?", "dilarang", None),
]


@pytest.mark.parametrize(("question", "verdict", "entry"), CASES)
def test_act_and_kind_decide(
    kb: KnowledgeBase, question: str, verdict: str, entry: str | None
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None, question
    assert answer.match.verdict == verdict, (question, answer.match.id)
    if entry is not None:
        assert answer.match.id == entry, question
