"""A question about a banned act never lands on a neighbour that says yes: the act
or the context that makes it banned is read (a speech backing a contestant, an
order that makes staff attend, approaching a party without first taking CLTN,
campaign attributes at a school). Questions written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

NO = [
    # a speech backing a contestant at a rally is speaking for them, not attending
    "sy pns, boleh ikut pidato dukung cagub di kampanye akbar?",
    "Bolehkah ASN berpidato mendukung calon bupati di kampanye terbuka?",
    # making attendance compulsory in writing is mobilising staff
    "kadis bikin surat edaran yang mewajibkan seluruh pegawai hadir di silaturahmi"
    " bakal calon, boleh?",
    # a head who urges staff to back the incumbent who runs again
    "May an agency head urge staff at the morning assembly to back the incumbent mayor"
    " who runs again?",
    # approaching a party as a would-be candidate, the leave not yet taken
    "Bolehkah PNS mendekati partai untuk rekomendasi pilkada tanpa terlebih dahulu"
    " mengambil cuti di luar tanggungan negara?",
    # a school event for a candidate with party banners up
    "Can I, a PNS teacher, let a legislative candidate speak at our school event"
    " with party banners up?",
]


@pytest.mark.parametrize("text", NO)
def test_a_banned_act_gets_no_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:  # an honest "I don't know" is acceptable; a yes is not
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


CONTEXTS = [
    ("PNS boleh lobi partai tanpa terlebih dahulu mengambil cltn?", "no_leave"),
    ("caleg pidato di aula sekolah with party banners up", "with_attributes"),
]


@pytest.mark.parametrize(("text", "context"), CONTEXTS)
def test_the_context_is_read(kb: KnowledgeBase, text: str, context: str) -> None:
    assert kb.frame(text).has(context)


def test_without_attributes_is_not_with_them(kb: KnowledgeBase) -> None:
    frame = kb.frame("kampanye caleg di aula sekolah tanpa atribut partai, boleh?")
    assert not frame.has("with_attributes")


# The writer sets themself apart from the civil-servant relative just named: their
# own campaign act is a citizen's (knowledge-sources Part 1 §7).
CITIZEN = [
    "bapak sy guru pns, sy sndiri bkn pns, boleh sy jadi relawan caleg?",
    "Istriku PNS, aku sendiri petani. Aku boleh kan ikut kampanye capres?",
    "Adik saya PPPK, saya sendiri karyawan swasta. Boleh saya pasang spanduk caleg di toko saya?",
]


@pytest.mark.parametrize("text", CITIZEN)
def test_the_non_asn_writer_is_not_given_the_relatives_ban(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh", (text, answer.match.id)


def test_the_civil_servant_writer_keeps_the_ban(kb: KnowledgeBase) -> None:
    answer = kb.ask("Saya PNS, istri saya petani. Boleh saya ikut kampanye capres?")
    if answer.match is not None:
        assert answer.match.verdict == "dilarang", answer.match.id


# A spouse who runs is the CLTN entries' question, never the "help a relative's
# campaign" entry (a parent's or sibling's campaign is banned; a spouse's is allowed
# on CLTN: knowledge-sources Part 1 §7).
@pytest.mark.parametrize(
    "text",
    [
        "I'm a PNS and my husband has been confirmed as a candidate for mayor."
        " May I go with him to his campaign events?",
        "sy pns, suami sy mau maju caleg, boleh sy dampingi dia kampanye?",
    ],
)
def test_a_spouse_who_runs_is_not_a_relatives_campaign(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id != "boleh-keluarga-calon", text
    assert kb.frame(text).activity is not None
    assert kb.frame(text).activity.id == "accompany_spouse"


def test_done_on_a_holiday_is_not_a_rule_in_force(kb: KnowledgeBase) -> None:
    """ "dilakukan" (done) is not "berlaku" (in force): no question for information."""
    frame = kb.frame("PNS jadi pengurus partai, kegiatannya hanya dilakukan hari libur, boleh?")
    assert not frame.has("asks_info")
    assert kb.frame("aturan netralitas hanya berlaku saat kampanye?").has("asks_info")


# The forces named only to compare: the one asked about is the civil servant, who
# keeps the vote (knowledge-sources Part 1 §7).
@pytest.mark.parametrize(
    "text",
    [
        "ASN masih boleh nyoblos kan? katanya ASN kayak polisi gak punya hak pilih",
        "Can a PNS still vote, like the army can't?",
    ],
)
def test_forces_named_to_compare_are_not_the_actor(kb: KnowledgeBase, text: str) -> None:
    frame = kb.frame(text)
    assert frame.actor is None or frame.actor.id != "tni_polri", text
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "boleh", (text, answer.match.id)


def test_the_forces_themselves_stay_the_actor(kb: KnowledgeBase) -> None:
    frame = kb.frame("anggota polri boleh ikut kampanye?")
    assert frame.actor is not None and frame.actor.id == "tni_polri"


def test_a_pppk_asking_about_taking_cltn_gets_no_yes(kb: KnowledgeBase) -> None:
    """PPPK have no CLTN (Part 3 §2): never a yes."""
    answer = kb.ask("saya PPPK, istri nyaleg DPRD. saya bisa ambil CLTN buat dampingi dia?")
    assert answer.match is not None
    assert answer.match.verdict in ("info", "dilarang"), answer.match.id


def test_ones_own_post_is_still_posting(kb: KnowledgeBase) -> None:
    frame = kb.frame("can I post support for a presidential candidate on my account?")
    assert frame.activity is not None and frame.activity.id == "post"


def test_liking_a_would_be_candidate_is_not_answered_by_the_definitions(
    kb: KnowledgeBase,
) -> None:
    """Both are forbidden (SKB 2022): "may I like it?" gets the act's no."""
    answer = kb.ask("bakal calon belum resmi, jadi asn ngeshare postingannya masih aman kan?")
    assert answer.match is not None
    assert answer.match.id != "etik-bakal-calon-vs-calon"
    assert answer.match.verdict == "dilarang", answer.match.id


def test_a_contestants_account_set_aside_is_not_named(kb: KnowledgeBase) -> None:
    frame = kb.frame("pns boleh follow akun bawaslu? bukan akun caleg lho")
    assert not frame.has("others_post")
    assert kb.frame("pns boleh follow akun bawaslu dan akun caleg?").has("others_post")


def test_telling_others_how_to_vote_is_not_ones_own_vote(kb: KnowledgeBase) -> None:
    text = "The village head told people to vote for candidate number 2. Is he allowed to?"
    frame = kb.frame(text)
    assert frame.activity is not None and frame.activity.id != "vote"
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.verdict == "dilarang", answer.match.id


@pytest.mark.parametrize(
    "text",
    [
        # a declaration is no campaign heard passively
        "asn boleh datang ke deklarasi paslon asal diam saja dan tanpa atribut?",
        # a would-be regent approaching parties without CLTN (SKB 2022 disiplin #3)
        "pns mau nyalon bupati, boleh sosialisasi ke partai dulu tanpa cuti?",
    ],
)
def test_the_yes_with_conditions_neighbour_stays_away(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.id not in ("boleh-hadir-kampanye-pasif", "calon-pilkada"), text
        assert answer.match.verdict not in ("boleh", "boleh_bersyarat"), (text, answer.match.id)


# A yes the words are sure of, written for another act (running for office), gives
# way to the act read even from further below: a campaign-team question is answered
# by the campaign-team ban, not the conditions for running.
TEAM = [
    "pppk boleh gak jadi anggota tim kampanye calon anggota dprd yg udah didaftarin ke kpu?",
    "Can a PPPK be a member of the campaign team of a DPRD candidate registered with the KPU?",
]


@pytest.mark.parametrize("text", TEAM)
def test_a_campaign_team_question_is_not_answered_by_running(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)


def test_watching_a_candidates_speech_keeps_the_attendance_answer(kb: KnowledgeBase) -> None:
    # the speech is the candidate's; the writer only goes to watch
    answer = kb.ask(
        "saya pppk, pengen liat langsung calon bupati orasi di lapangan, boleh hadir ga"
    )
    assert answer.match is not None
    assert answer.match.id == "boleh-hadir-kampanye-pasif"
