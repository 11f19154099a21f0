"""Who acts, and on what: the frame layer answers the person and the object
the question names, not the nearest civil servant's ban.

- Someone who says they are not ASN, beside a family tie, asks about their own
  freedom (frames.toml [free]); a relative whose own office has a ban
  (TNI/Polri, honorer) or a civil servant acting for a relative does not get it.
- The election organiser's official content or sessions are not a contestant's.
- TNI/Polri and a Pj who want to run may, on condition of resigning; helping a
  relative who runs stays forbidden.
Questions written for this file (not copied from any evaluation set), in
several registers."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

YES = [
    # the one asking is the non-ASN family member
    "Istri saya ASN guru, saya sendiri bukan ASN, boleh saya jadi relawan capres?",
    "suami sy pppk, aku bukan asn, boleh ikut kampanye caleg?",
    "My wife is a PNS but I'm not a civil servant myself. Can I join a candidate's campaign team?",
    "Bapak saya PNS, saya bukan PNS, boleh saya jadi saksi partai di TPS?",
    # a relative named as not ASN, and the question is about what that relative may do
    "Bapak saya bukan ASN, beliau boleh jadi timses caleg? Saya sendiri guru PNS.",
    "ibu saya bukan pns, dia boleh pasang baliho caleg di warungnya?",
    "Istri saya bukan ASN, istri saya boleh ikut kampanye?",
    # the election organiser's official content and sessions
    "asn boleh follow akun instagram bawaslu?",
    "PNS boleh nge-like postingan KPU tentang jadwal pemungutan suara?",
    "Bolehkah ASN hadir di acara sosialisasi pemilu yang diadakan KPU kota?",
    # a choice kept to oneself
    "is a pns allowed to keep a political preference private and just vote?",
    # out of the service, a party is open (the ban binds serving ASN)
    "Saya eks PNS, sudah diberhentikan dengan hormat atas permintaan sendiri. Boleh masuk partai?",
]


@pytest.mark.parametrize("text", YES)
def test_a_yes_for_the_person_and_object_named(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh", (text, answer.match.id)


RUN = [
    "polisi aktif boleh nyalon bupati?",
    "Can an active soldier run for governor?",
    "anggota polri aktif mau maju pilkada, bisa?",
    "Bolehkah Pj wali kota mencalonkan diri di pilkada kota yang dipimpinnya?",
    "Saya PNS ingin maju pilkada, boleh mulai mendekati partai pengusung?",
    # a spouse's registration or campaign, on CLTN, despite the family tie and the
    # spouse's own candidacy named in the question
    "pns boleh ikut nganter suami daftar caleg ke kpu?",
    "Bojoku nyaleg DPRD, aku PNS wis njupuk CLTN. Oleh ngancani kampanye?",
    "my wife is running for mayor and I am a PNS, may I go with her when she registers?",
    # a hall lent to all Pemilu participants alike
    "Saya kepala dinas, caleg DPR minta izin pakai aula dinas untuk dialog, "
    "semua caleg saya perlakukan sama. Boleh?",
]


@pytest.mark.parametrize("text", RUN)
def test_running_is_allowed_on_condition_of_resigning(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh_bersyarat", (text, answer.match.id)


NO = [
    # the relative is the non-ASN one; the civil servant asks about his own act
    "Mertua saya bukan ASN. Saya PNS, boleh saya pasang spanduk caleg mertua di pagar rumah saya?",
    # a relative whose own office has a ban
    "Anak saya bukan PNS, dia honorer di dinas. Dia boleh ikut kampanye?",
    "Ayah saya bukan PNS tapi kepala desa, beliau boleh jadi timses?",
    # "bukan ASN" is also how honorer speak of themselves
    "Saya bukan ASN, saya honorer di dinas. Suami saya PNS. Boleh saya ikut kampanye?",
    # a relative of an ASN whose own office bans campaigning
    "Istri saya PNS, saya bukan ASN tapi anggota Polri, boleh ikut kampanye?",
    # content about a candidate is not the organiser's
    "pns boleh like postingan caleg yang baru daftar ke KPU?",
    "pns boleh share postingan kpu soal paslon 2 biar teman milih dia?",
    # helping a relative who runs is not one's own candidacy
    "anggota tni boleh kampanye buat adiknya yang nyalon bupati?",
    # a retiree may campaign, not in the agency's uniform
    "Pensiunan PNS boleh kampanye pakai seragam dinas lamanya?",
    # escorting someone else's registration
    "asn boleh ikut mengantar bupati petahana daftar ulang ke kpu?",
    "may a civil servant go along when his cousin registers as a candidate at KPU?",
    # a hall for Pilkada, for one side, or for one's own team
    "Kepala sekolah PNS boleh izinkan cabup pakai aula sekolah buat kampanye?",
    "Boleh saya pinjamkan aula kantor ke caleg partai tertentu saja?",
    "PNS boleh pakai aula kantor buat rapat timses caleg?",
    # resigned, but the decision has not come: still a civil servant
    "PNS yang sudah mengundurkan diri tapi SK belum keluar boleh jadi pengurus partai?",
    # approaching parties without CLTN
    "pns lg lobi partai buat maju pilkada tanpa cltn, boleh?",
]


@pytest.mark.parametrize("text", NO)
def test_never_a_yes_for_someone_else_s_freedom(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:  # an honest "I don't know" is acceptable; a yes is not
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


def test_a_spouse_word_alone_is_not_free(kb: KnowledgeBase) -> None:
    """ "istri PNS" may be the wife who is the PNS: only a spouse named as not ASN,
    asked about, is free of the civil servant's bans."""
    frame = kb.frame("My wife is a PNS teacher. Is she allowed to share my campaign posters?")
    assert not kb.framemap.frees(frame)
    frame = kb.frame("Istri saya bukan ASN, istri saya boleh jadi pengurus partai?")
    assert kb.framemap.frees(frame)


def test_not_asn_alone_is_not_free(kb: KnowledgeBase) -> None:
    """Without a family tie, "saya bukan ASN" may be an honorer: no [free] reading."""
    frame = kb.frame("saya bukan ASN, boleh ikut kampanye?")
    assert not kb.framemap.frees(frame)
    frame = kb.frame("suami saya PNS, saya sendiri bukan ASN, boleh ikut kampanye?")
    assert kb.framemap.frees(frame)


def test_running_is_not_escorting(kb: KnowledgeBase) -> None:
    """ "ikut mencalonkan diri" is one's own candidacy, not going along with someone's."""
    frame = kb.frame("Apakah Pj bupati boleh ikut mencalonkan diri dalam pilkada?")
    assert frame.activity is not None and frame.activity.id == "run_for_office"
    frame = kb.frame("pns boleh ikut mengantar teman daftar caleg ke kpu?")
    assert frame.activity is not None and frame.activity.id == "escort_registration"


SELF_BESIDE_FREE_SPOUSE = [
    "Istri saya bukan ASN, boleh saya ikut menemani dia kampanye? Saya PNS.",
    "suami sy bkn asn, blh sy ikut konvoi kampanye bareng dia? sy pppk",
    "My husband is not a civil servant. Can I go with him to a campaign rally? I'm a PNS.",
    "saya guru pns, istri saya non asn, apakah saya boleh ikut dia kampanye caleg?",
]


@pytest.mark.parametrize("text", SELF_BESIDE_FREE_SPOUSE)
def test_a_civil_servant_asking_for_himself_never_gets_the_spouse_s_yes(
    kb: KnowledgeBase, text: str
) -> None:
    """The non-ASN spouse may campaign; the civil servant who asks "boleh saya…"
    beside her is asking about his own act (before: "Boleh", about her)."""
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.verdict != "boleh", (text, answer.match.id)


def test_the_relative_s_own_question_keeps_the_yes(kb: KnowledgeBase) -> None:
    answer = kb.ask("Istri saya bukan ASN, istri saya boleh ikut kampanye caleg? Saya PNS.")
    assert answer.match is not None and answer.match.verdict == "boleh"


SPOUSE_IS_THE_CIVIL_SERVANT = [
    "suami saya PNS, dia boleh ikut kampanye caleg?",
    "istri saya guru PNS, boleh dia jadi relawan capres?",
    # (English "is he allowed" loses its "he" in normalizing: not yet told apart)
    # a relative who is the civil servant
    "ortu saya nyaleg, anaknya yang pns boleh bantu promosi?",
    "mertua nyalon bupati, menantunya pns boleh ikut kampanye?",
]


@pytest.mark.parametrize("text", SPOUSE_IS_THE_CIVIL_SERVANT)
def test_a_question_about_the_spouse_who_is_asn_never_gets_the_non_asn_yes(
    kb: KnowledgeBase, text: str
) -> None:
    """The non-ASN spouse may campaign; asked about the spouse who is the civil
    servant, that yes is not the answer (before: "Boleh")."""
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.verdict != "boleh", (text, answer.match.id)
