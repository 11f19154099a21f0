"""Allowed acts and information questions of round 6 (issue #13), each a class: the
elected regional head told apart from a Pj ("definitif", "hasil pilkada"), a school
or office hall granted as a Pemilu campaign venue (Putusan MK 65/PUU-XXI/2023,
knowledge-sources Part 3 §3), an order refused ("menolak perintah"), whether the rules
still count outside working hours (an information question), everyday posts in the
campaign season, a retiree named with the post once held (Part 3 §9), and a recruitment
of ad-hoc election bodies named (Part 3 §5). Beside each, the neighbours that must keep
their "no". Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from tests.knowledge.answers import verdict_and_entry


@pytest.mark.parametrize(
    "text",
    [
        "gubernur definitif yang dipilih rakyat boleh jadi jurkam capres nggak sih?",
        "Can an elected governor, not an acting one, campaign for a presidential candidate?",
    ],
)
def test_an_elected_head_may_campaign_on_leave(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "peran-kepala-daerah-kampanye")


def test_a_pj_compared_with_an_elected_head_keeps_its_no(kb: KnowledgeBase) -> None:
    text = "Pj bupati boleh kampanye kayak bupati definitif gak?"
    assert verdict_and_entry(kb, text) == ("dilarang", "peran-pj-kepala-daerah")


@pytest.mark.parametrize(
    "text",
    [
        "Bolehkah kepala sekolah mengizinkan lapangan sekolah dipakai untuk kampanye terbuka"
        " partai peserta pemilu?",
        "saya lurah, boleh kasih izin aula kelurahan dipake kampanye capres asal semua peserta"
        " diperlakukan sama?",
    ],
)
def test_a_hall_granted_for_a_pemilu_campaign_is_conditional(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == (
        "boleh_bersyarat",
        "pemilu-kampanye-kampus-fasilitas",
    )


def test_a_hall_granted_for_a_pilkada_campaign_keeps_its_no(kb: KnowledgeBase) -> None:
    text = "kepsek boleh izinin aula sekolah dipake kampanye cabup pas pilkada?"
    assert verdict_and_entry(kb, text)[0] == "dilarang"


@pytest.mark.parametrize(
    "text",
    [
        "kadis nyuruh kami pasang baliho paslon di depan kantor, kami boleh menolak perintah"
        " itu kan?",
        "My boss ordered the whole unit to attend a candidate's rally. Can I refuse to attend?",
    ],
)
def test_an_order_refused_is_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "boleh-menolak-ajakan-kampanye")


@pytest.mark.parametrize(
    "text",
    [
        "kalo aku nge-share poster caleg malem2 di rumah, itu masih dihitung pelanggaran ga sih?",
        "aturan netralitas pegawai negeri berlaku diluar jam kantor juga kah?",
    ],
)
def test_whether_rules_count_outside_hours_is_explained(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("info", "disiplin-pelanggaran-luar-jam")


@pytest.mark.parametrize(
    "text",
    [
        "pns ikut kampanye di luar jam kerja boleh",
        "sy pns, ikut kampanye pake kaos partai tp hari minggu kan bkn jam kerja, ttp salah?",
    ],
)
def test_an_act_outside_hours_keeps_its_no(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang"


@pytest.mark.parametrize(
    "text",
    [
        "guru pns pasang foto ulang tahun anaknya di ig pas lagi kampanye pilkada, kena"
        " netralitas gak?",
        "asn boleh upload foto keluarga di instagram selama masa kampanye?",
    ],
)
def test_everyday_posts_in_the_campaign_season_are_allowed(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "medsos-konten-netral")


@pytest.mark.parametrize(
    "text",
    [
        "pns posting foto bareng caleg pas kampanye boleh?",
        "asn upload foto keluarga pakai kaos partai saat masa kampanye boleh?",
        "pns posting foto pose dua jari bareng keluarga pas kampanye boleh?",
    ],
)
def test_a_partisan_photo_in_the_season_keeps_its_no(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang"


@pytest.mark.parametrize(
    "text",
    [
        "ayah saya pensiunan pns, boleh pasang baliho caleg di rumahnya?",
        "mbah kakung pensiunan camat, oleh dadi jurkam caleg ora?",
        "om saya udah purna tugas dari dinas, mau jadi saksi partai di TPS, masih terikat"
        " aturan ASN?",
    ],
)
def test_a_retiree_named_with_the_old_post_may_campaign(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text) == ("boleh", "cakupan-pensiunan")


@pytest.mark.parametrize(
    "text",
    [
        "guru yang tiga bulan lagi pensiun boleh ikut kampanye?",
        "pensiunan guru boleh pakai seragam dinas lamanya pas kampanye?",
    ],
)
def test_retiring_soon_or_in_uniform_keeps_its_no(kb: KnowledgeBase, text: str) -> None:
    assert verdict_and_entry(kb, text)[0] == "dilarang"


def test_a_recruitment_of_election_bodies_named_is_ours(kb: KnowledgeBase) -> None:
    text = "ada rekrutmen pantarlih di kelurahan, saya pns boleh daftar?"
    assert verdict_and_entry(kb, text) == ("boleh_bersyarat", "boleh-kpps")
