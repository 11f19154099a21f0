"""Who the question is about: the writer, a spouse or relative, or an office
with rules of its own, read through the words people use for "I", "he/she"
and for their family, in several registers.

- A spouse or relative named as the civil servant, and asked about, gets the
  civil servant's rule, never the non-ASN family's "Boleh".
- A writer who says they are ASN and asks about their own act gets the ASN
  rule, whatever non-ASN relative they name; a writer who says they are the
  relative of a civil servant gets the family's freedom.
- Village heads, officials, BPD, honorer and state-enterprise staff may vote;
  an elected regional head may campaign on leave, a Pj may not; a KPU or
  Bawaslu member may not keep the civil-service post; on duty at a rally,
  cheering is not allowed.
Questions written for this file (not copied from any evaluation set)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

NEVER_YES = [
    # the spouse or relative who is the civil servant is the one asked about
    "suami saya guru PNS, apakah dia boleh jadi relawan caleg DPR?",
    "istriku PPPK di puskesmas, dia boleh ikut konvoi kampanye paslon?",
    "my wife works as a PNS teacher, is she allowed to be on a candidate's campaign team?",
    "my husband is a civil servant. Can he put a candidate's sticker on his car?",
    "bojoku PNS, deweke oleh dadi timses caleg ora?",
    "abang saya PNS di dinas, apakah dia boleh jadi tim sukses caleg?",
    "mertua saya pensiun tahun depan, masih PNS, beliau boleh ikut kampanye?",
    "orang tua saya ASN dua-duanya, boleh mereka ikut rapat akbar paslon?",
    "my mother is a civil servant, can she campaign for my uncle?",
    # the writer says they are ASN and asks about their own act
    "gue PNS, bini gue bukan PNS, boleh gue ikut kampanye bareng dia?",
    "aku guru PPPK, suamiku bukan ASN, aku boleh pasang baliho caleg di rumah?",
    "I am a civil servant and my wife is not. Can I join her at a campaign rally?",
    "saya istri PNS, tapi saya juga PNS, boleh saya jadi relawan capres?",
    # a relative whose own office bans the act
    "adik saya polisi aktif, mau bantu kampanye kakak iparnya yang nyaleg. Boleh?",
    # on duty at a rally, cheering a side
    "petugas satpol pp yang jaga kampanye boleh ikut bersorak dan teriak nomor paslon?",
    # keeping the civil-service post on the election commission
    "PNS terpilih jadi anggota Bawaslu kabupaten, boleh sambil tetap menjabat kasubag?",
]


@pytest.mark.parametrize("text", NEVER_YES)
def test_the_civil_servant_asked_about_never_gets_a_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:  # an honest "I don't know" is acceptable; a yes is not
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


FAMILY_YES = [
    "Saya anak seorang PNS, saya sendiri kerja swasta. Boleh saya jadi relawan capres?",
    "saya istri dari PNS, boleh ikut kampanye caleg?",
    "I am the husband of a civil servant. Can I join a candidate's campaign team?",
]


@pytest.mark.parametrize("text", FAMILY_YES)
def test_the_relative_who_is_not_asn_may_campaign(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh", (text, answer.match.id)


VOTE = [
    "kepala desa tetap nyoblos di pilkada kan?",
    "anggota BPD masih punya hak pilih di pemilu?",
    "pak kuwu kenging milih di TPS teu?",
    "is a village official allowed to vote in the regional election?",
    "tenaga honorer di dinas boleh nyoblos?",
]


@pytest.mark.parametrize("text", VOTE)
def test_those_banned_from_campaigning_still_vote(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh", (text, answer.match.id)
    assert any("Pasal 200" in s or "Pasal 280" in s for s in answer.match.sources)


def test_when_a_village_head_or_officer_resigns_is_information(kb: KnowledgeBase) -> None:
    for text in (
        "kepala desa yang nyalon wakil bupati mundurnya kapan?",
        "When does an army officer have to resign if he runs for mayor?",
    ):
        answer = kb.ask(text)
        assert answer.match is not None, text
        assert answer.match.verdict == "info", (text, answer.match.id)
        assert any(s.startswith("UU 10/2016 Pasal 7") for s in answer.match.sources), text


ELECTED = [
    "gubernur boleh jadi juru kampanye caleg partainya?",
    "Is the mayor allowed to campaign for his party's presidential candidate?",
]


@pytest.mark.parametrize("text", ELECTED)
def test_an_elected_head_may_campaign_on_leave(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "peran-kepala-daerah-kampanye", (text, answer.match.id)


NOT_ELECTED = [
    "Pj bupati boleh jadi juru kampanye paslon?",
    "disuruh bupati ikut kampanye calon petahana, boleh?",
    "pns boleh ikut kampanye calon bupati?",
    "bupati boleh pakai mobil dinas buat kampanye?",
]


@pytest.mark.parametrize("text", NOT_ELECTED)
def test_the_elected_heads_leave_answers_no_one_else(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.id != "peran-kepala-daerah-kampanye", text
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


def test_the_office_run_for_is_not_the_actor(kb: KnowledgeBase) -> None:
    for text in (
        "mertua saya nyalon kepala desa, saya PNS boleh bantu?",
        "asn boleh jadi cakades?",
    ):
        frame = kb.frame(text)
        assert frame.actor is None or frame.actor.id != "kades", text
        assert frame.activities and any(a.id == "run_for_office" for a in frame.activities)


def test_pronouns_are_one_person_in_frames(kb: KnowledgeBase) -> None:
    frame = kb.frame("aku PNS, suami aku bukan PNS, aku boleh ikut kampanyenya?")
    assert frame.actor is not None and frame.actor.group == "asn"
    assert frame.has("relative_not_asn") and frame.has("self_asks")
    frame = kb.frame("my husband is a civil servant, is he allowed to join a rally?")
    assert frame.has("spouse_asn") and frame.has("relative_asks")
    frame = kb.frame("suamiku PNS, doi boleh ikut kampanye?")
    assert frame.has("spouse_asn") and frame.has("relative_asks")
    # two people in a row are not one: the student is not the PNS
    assert not kb.frame("adik saya pelajar, ayahnya PNS, adik boleh kampanye?").has("relative_asn")
    # "saya PNS" after a kin word is the relative's status, not the writer's
    assert not kb.frame("istri saya PNS, saya boleh ikut kampanye?").has("self_asn")
