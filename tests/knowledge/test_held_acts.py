"""Acts a wrong yes once answered, by their general cause: one's own share into a
group (the share ban) is not staying in a group where others post; party
membership asked in English; a campaign event in a place of worship (banned in
Pemilu and Pilkada alike, knowledge-sources Part 3 §3); a speech backing a
candidate, in krama, Sundanese or English, even at a religious gathering.
Questions written for this file, in several registers; never copied from an eval set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

YES = {"boleh", "boleh_bersyarat"}

# (question, the entry that must answer it)
FORBIDDEN = [
    # one's own share into a group is the share ban (SKB 2022; PP 94/2021 Pasal 5 huruf n)
    (
        "aku pns, kalo aku share poster capres ke grup wa alumni kuliah sekali doang salah ga",
        "medsos-share-calon",
    ),
    (
        "saya guru PPPK, boleh tidak saya meneruskan video kampanye cagub ke grup WhatsApp RT?",
        "medsos-share-calon",
    ),
    (
        "Bolehkah PNS membagikan materi kampanye calon legislatif ke grup WhatsApp alumni?",
        "medsos-share-calon",
    ),
    (
        "as a civil servant can I share a candidate's campaign video in my school alumni "
        "whatsapp group?",
        "medsos-share-calon",
    ),
    (
        "kula PNS, menawi kula share video kampanye capres dhateng grup WA alumni, pareng mboten?",
        "medsos-share-calon",
    ),
    # party membership in English (UU 20/2023 Pasal 52 ayat (3) huruf j; PP 49/2018 Pasal 105)
    (
        "may our PPPK lab technician sign up as a regular member of a political party?",
        "skb-anggota-parpol",
    ),
    (
        "I manage staff at the district office. A PNS there wants to join a party as a "
        "rank-and-file member. Is that allowed?",
        "skb-anggota-parpol",
    ),
    (
        "Is there any way a contract civil servant can become a member of a political party?",
        "skb-anggota-parpol",
    ),
    (
        "can a PPPK teacher become an ordinary party member if she never holds a post?",
        "skb-anggota-parpol",
    ),
    # a campaign event in a place of worship (UU 7/2017 Pasal 280; MK 65/PUU-XXI/2023)
    (
        "I'm a PNS and on the board of our church. A DPRD candidate wants to hold a campaign "
        "event in the church hall. Can I agree?",
        "pemilu-kampanye-rumah-ibadah",
    ),
    (
        "saya pns sekaligus takmir masjid, caleg minta izin kampanye di masjid, boleh sy izinkan?",
        "pemilu-kampanye-rumah-ibadah",
    ),
    (
        "Bolehkah ASN yang menjadi pengurus vihara mengizinkan calon bupati berkampanye di dalam "
        "vihara?",
        "pemilu-kampanye-rumah-ibadah",
    ),
    (
        "can a candidate hold a rally inside a mosque if a civil servant on the committee agrees?",
        "pemilu-kampanye-rumah-ibadah",
    ),
]

# A speech backing a candidate is speaking for them (PP 94/2021 Pasal 5 huruf n):
# the speaker's entry or its general rule, never the yes for attending a gathering.
SPEECHES = [
    "Kula PNS, dipun suwun paring sambutan ingkang nyengkuyung caleg wonten pengaosan. Pareng?",
    "Abdi PNS, dipenta masihan sambutan nu ngadukung calon bupati dina pangaosan. Kenging teu?",
    "saya pns diminta kasih sambutan dukung cabup di acara pengajian, boleh ga",
    "I'm a PNS teacher; I was asked to give a speech backing a mayoral candidate at a "
    "religious gathering. May I?",
    "Bolehkah ASN memberikan sambutan yang mendukung calon kepala daerah dalam acara keagamaan?",
]

# Staying in a group where others post keeps its yes-with-conditions entry.
STAYING = [
    "tante sering share poster caleg di grup keluarga besar, saya guru pns cukup diam aja kan?",
    "my relatives share campaign posters in the family whatsapp group; as a civil servant must "
    "I leave?",
    "di grup alumni rame broadcast paslon, saya pns perlu keluar grup?",
    "om saya sering kirim video kampanye caleg ke grup keluarga, saya pns harus gimana?",
]


@pytest.mark.parametrize(("text", "entry"), FORBIDDEN)
def test_the_forbidden_act_gets_its_own_entry(kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == entry, (text, answer.match.id)
    assert answer.match.verdict == "dilarang"


@pytest.mark.parametrize("text", SPEECHES)
def test_a_speech_backing_a_candidate_is_speaking_for_them(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id in {"peran-pelaksana-kampanye", "umum-speaker"}, (text, answer.match.id)
    assert answer.match.verdict == "dilarang"


@pytest.mark.parametrize("text", STAYING)
def test_others_sharing_in_a_group_is_not_ones_own_share(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "medsos-grup-keluarga", (text, answer.match.id)


# A campaign's spokesperson speaks for it (juru bicara, jubir, English).
SPOKESPERSON = [
    "may a civil servant serve as spokesperson for a governor candidate's campaign?",
    "pns boleh jadi jubir timses caleg ga kalo cuma pas libur",
    "Bolehkah ASN menjadi juru bicara tim kampanye pasangan calon presiden?",
]

# A choice kept in one's heart and told to no one is the secret vote every ASN keeps.
KEPT_PRIVATE = [
    "Aku PNS. Ning njero ati wis ana pilihan calon, nanging ora tak umumke menyang sapa-sapa. "
    "Ora apa-apa ta?",
    "sy pns, udah punya pilihan cagub tp ga diumbar ke siapa2, aman kan?",
    "I'm a PNS. I've picked a candidate in my head but haven't told anyone. Is that fine?",
    "Ambo PNS, pilihan ambo cukuik dalam hati se, indak ambo umumkan. Buliah kan?",
]

# An election committee (KPPS, PPK) with the superior's permission (Part 3 §5): a
# permission not yet given is the condition, not the "stay neutral" information.
AD_HOC = [
    "saya pppk mau daftar kpps tapi atasan belum kasih izin, boleh daftar dulu?",
    "I'm a PNS and want to join the KPPS, but my head of office hasn't given permission yet. "
    "Can I register anyway?",
    "Apakah PNS boleh mendaftar seleksi anggota PPK kecamatan?",
    "pppk boleh ikut seleksi ppk kecamatan ga",
]

MORAL_VS_DISCIPLINE = [
    "apa bedanya sanksi moral sama hukuman disiplin buat pns?",
    "Apa perbedaan sanksi moral dan hukuman disiplin bagi ASN?",
    "what's the difference between a moral sanction and a disciplinary penalty for civil servants?",
]

# Asking what the service is for is a greeting; moving one's voting place is KPU's.
GREETINGS = [
    "mohon info, layanan ini bisa bantu keperluan apa saja?",
    "Mohon informasi, layanan ini dapat membantu dalam hal apa saja?",
]
NOT_OURS = [
    "can I change my polling place, I moved house last month",
    "cara pindah memilih kalau pas hari coblosan saya di luar kota gimana?",
    "how do I vote from abroad if I'm posted to another voting location?",
]

# A candidate's own event (not a party's): speaking there backs the candidate
# (PP 94/2021 Pasal 5 huruf n; UU 10/2016 Pasal 70), not the party-speaker item.
CANDIDATE_EVENT_SPEAKER = [
    "cabup ngajak aku pns jadi narasumber di acara senam sehat yang dia adain, boleh gak?",
    "Bolehkah perawat PPPK menjadi narasumber penyuluhan kesehatan dalam acara yang diadakan "
    "calon bupati?",
]


@pytest.mark.parametrize("text", SPOKESPERSON)
def test_a_campaign_spokesperson_is_forbidden(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)


@pytest.mark.parametrize("text", KEPT_PRIVATE)
def test_a_choice_kept_private_is_the_secret_vote(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "boleh-memilih", (text, answer.match.id)


@pytest.mark.parametrize("text", AD_HOC)
def test_an_election_committee_needs_the_superiors_permission(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "boleh-kpps", (text, answer.match.id)


@pytest.mark.parametrize("text", MORAL_VS_DISCIPLINE)
def test_moral_sanction_against_discipline_is_explained(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "etik-sanksi-moral", (text, answer.match.id)


@pytest.mark.parametrize("text", GREETINGS)
def test_what_the_service_is_for_is_a_greeting(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting", text


@pytest.mark.parametrize("text", NOT_OURS)
def test_moving_ones_voting_place_is_not_ours(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None, (text, answer.match and answer.match.id)


@pytest.mark.parametrize("text", CANDIDATE_EVENT_SPEAKER)
def test_speaking_at_a_candidates_event_is_forbidden(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.verdict == "dilarang", (text, answer.match.id)
    assert any("PP 94/2021 Pasal 5 huruf n" in s for s in answer.match.sources), answer.match.id
