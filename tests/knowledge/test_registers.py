"""Words across registers: English inflections and everyday English, regional
words and forms (Javanese, Minang, Banjar, Betawi, Sundanese, Balinese), and the
traps where one word means two things. Each family is read the way the
Indonesian question would be, so the same entries answer it.
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import FrameReader
from knowledge.intent import detect_intent
from knowledge.normalize import Normalizer


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer()


def words(norm: Normalizer, text: str) -> str:
    return " ".join(norm.words(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plurals and -ing of the words english.toml knows
        ("she shares posters and stickers", "dia share poster dan stiker"),
        ("wearing campaign shirts", "pakai kampanye kaos"),
        ("giving speeches at rallies", "kasih pidato di kampanye"),
        ("he joins the campaign team", "dia ikut timses"),
        # the past stays as typed: intents.toml reads it as an account of what happened
        ("the head pressured staff", "kepala pressured pegawai"),
        # "as" is not "a", "is" not "i": too short to be an inflection
        ("as long as", "asalkan"),
    ],
)
def test_english_inflections(norm: Normalizer, text: str, expected: str) -> None:
    assert words(norm, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # contractions arrive split: "I'm" is not the chat "m" (= sama)
        ("I'm a PNS", "saya pns"),
        ("I can't join", "saya tidak boleh ikut"),
        # kinship in the Indonesian order: the wife's own status, not a PNS's wife
        ("my wife is a PNS teacher", "istri saya pns guru"),
        ("my father in law is running for mayor", "mertua saya mencalonkan diri walikota"),
        # standing by a candidate
        ("can I stand next to him", "boleh saya dampingi"),
        ("be by her side at the rally", "dampingi di kampanye"),
        # offices and sanctions
        ("the acting regent", "pj bupati"),
        ("the provincial council", "dprd provinsi"),
        ("what is the maximum penalty", "apa maksimal sanksi"),
        ("dishonourable discharge", "pemberhentian tidak dengan hormat"),
        ("a party official", "pengurus parpol"),
        ("handing out rice", "bagikan beras"),
    ],
)
def test_english_families(norm: Normalizer, text: str, expected: str) -> None:
    assert words(norm, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Javanese: having, the heart, possessive -ku, keeping someone company
        ("nduwe pilihan neng ati wae", "punya pilihan dalam hati saja"),
        ("bojoku nyalon, aku oleh ngancani ora", "bojo saya calon aku boleh dampingi tidak"),
        # Minang: -uak, -iah, -ua endings and pa- prefixes, "inyo", "ingekan"
        (
            "ambo masuak partai tapi indak jadi pangurus",
            "saya masuk parpol tapi tidak jadi pengurus",
        ),
        ("buliah ambo ingekan inyo", "boleh saya ingatkan dia"),
        # Banjar and Betawi
        ("kayapa cara malapor", "bagaimana cara melapor"),
        ("babe aye nyaleg", "bapak saya caleg"),
        # Balinese: "tiang" beside its verbs, "somah" a spouse, "dados tiang" asks leave
        ("somah tiang nyalon", "pasangan saya calon"),
        ("dados tiang ngiring ka kampanye", "boleh saya ikut ke kampanye"),
    ],
)
def test_regional_families(norm: Normalizer, text: str, expected: str) -> None:
    assert words(norm, text) == expected


def test_sundanese_ka_is_ke_inside_a_sentence_and_an_address_at_its_edges(
    norm: Normalizer,
) -> None:
    assert words(norm, "abdi ngiring ka kampanye") == "abdi ikut ke kampanye"
    assert norm.words("ka, mau tanya")[0] == "kak"
    assert norm.words("makasih ka")[-1] == "kak"


def test_reminding_someone_else_is_no_subscription(norm: Normalizer) -> None:
    ask = norm.words("boleh saya ingatkan teman sekantor yang kampanye di medsos?")
    assert detect_intent(ask, asked=True).kind != "subscribe"
    assert detect_intent(norm.words("tolong ingatkan saya jadwal kampanye")).kind == "subscribe"


@pytest.mark.parametrize(
    ("question", "concept"),
    [
        # phrases the normalizer folds into one word still name their concept
        ("ada yang hand out amplop", "give_goods"),
        ("saya cuma nonton dari jauh", "passive"),
        ("boleh jadi tim sukses?", "campaign_team"),
    ],
)
def test_folded_concept_phrases_match_as_typed(
    reader: FrameReader, question: str, concept: str
) -> None:
    frame = reader.read(question)
    named = {c.id for c in (frame.actor, *frame.activities, *frame.contexts) if c is not None}
    assert concept in named


def test_a_civil_servant_at_the_ward_office_is_no_lurah(reader: FrameReader) -> None:
    frame = reader.read("aye PNS kelurahan, boleh pasang stiker?")
    assert frame.actor is not None and frame.actor.id == "pns"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # read like their Indonesian twins, they reach the same entries
        (
            "My husband is running for regent and I'm a PNS. Can I stand by his side at "
            "the campaign events?",
            "boleh-pasangan-cltn",
        ),
        (
            "Tiang PNS, somah tiang nyalon DPRD. Tiang sampun ngambil CLTN, dados tiang "
            "ngiring ka kampanye ipun?",
            "boleh-pasangan-cltn",
        ),
        ("Ambo PNS, buliah ambo masuak partai?", "skb-anggota-parpol"),
    ],
)
def test_registers_reach_the_indonesian_answer(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.id == entry


def test_banjar_how_to_report_is_answered(kb: KnowledgeBase) -> None:
    answer = kb.ask("Kayapa cara malapor PNS nang kada netral?")
    assert answer.match is not None and answer.match.id.startswith("lapor-")


@pytest.mark.parametrize(
    "question",
    [
        "Apakah ASN masih boleh memilih, beda dengan TNI dan Polri?",
        "Do civil servants still get to vote, unlike the army and police?",
        "PNS yang suaminya anggota TNI masih boleh nyoblos?",
    ],
)
def test_forces_named_beside_a_civil_servant_are_not_the_actor(
    kb: KnowledgeBase, question: str
) -> None:
    frame = kb.frame(question)
    assert frame.actor is not None and frame.actor.id in ("asn", "pns")
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "boleh"


def test_the_forces_themselves_still_may_not_vote(kb: KnowledgeBase) -> None:
    for question in ("anggota polri boleh nyoblos?", "can soldiers vote?"):
        answer = kb.ask(question)
        assert answer.match is not None and answer.match.id.startswith("cakupan-tni-polri")


def test_the_candidate_one_likes_is_a_vote_not_a_like(kb: KnowledgeBase) -> None:
    frame = kb.frame("PNS boleh memilih calon yang disukai?")
    assert frame.activity is not None and frame.activity.id == "vote"


def test_slang_folded_by_a_phrase_still_names_its_act(kb: KnowledgeBase) -> None:
    # "nyalon bupati" folds into "cabup": the typed "nyalon" still says running
    frame = kb.frame("pns mau nyalon bupati blh?")
    assert frame.activity is not None and frame.activity.id == "run_for_office"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iye nakke pns bisaji ikut", "iya saya pns bisa ikut"),  # Makassar "-ji"
        ("beta pns bisa ka seng ikut", "saya pns bisa atau tidak ikut"),  # Ambon "ka" asks
        ("pami pns ngiringan kampanye", "kalau pns ikut kampanye"),  # Sundanese "pami"
        ("syaratnye ape aje", "syarat apa saja"),  # Betawi "-nye", "-e"
    ],
)
def test_more_regional_forms(norm: Normalizer, text: str, expected: str) -> None:
    # read as the Indonesian would be
    assert norm.normalize(text) == norm.normalize(expected)


def test_a_civil_servants_sanction_is_never_a_village_heads(kb: KnowledgeBase) -> None:
    answer = kb.ask("Sanksinya apa kalau PNS jadi tim sukses?")
    assert answer.match is not None and answer.match.id != "sanksi-kades"
    village = kb.ask("kades yang kampanye kena hukuman apa")
    assert village.match is not None and village.match.id == "sanksi-kades"


@pytest.mark.parametrize(
    ("question", "actor", "activity"),
    [
        ("Can a civil servant's spouse be a campaign team member?", "keluarga", "campaign_team"),
        (
            "I'm a government teacher. May I wear a t-shirt with the candidate's face on it?",
            "guru",
            "attributes",
        ),
        (
            "Are civil servants allowed to run for the regional legislature?",
            "asn",
            "run_for_office",
        ),
    ],
)
def test_english_relatives_roles_and_attributes(
    reader: FrameReader, question: str, actor: str, activity: str
) -> None:
    frame = reader.read(question)
    assert frame.actor is not None and frame.actor.id == actor
    assert frame.activity is not None and frame.activity.id == activity


def test_an_english_account_of_being_told_to_vote_is_mobilising(reader: FrameReader) -> None:
    frame = reader.read("My boss told us to vote for the incumbent. Is that allowed?")
    assert frame.activity is not None and frame.activity.id == "mobilise"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pns gaboleh foto sama caleg", "pns tidak boleh foto sama caleg"),
        ("tdkbisa ikut", "tidak bisa ikut"),
        ("gabung grup relawan", "gabung grup relawan"),  # a word of its own, left alone
    ],
)
def test_a_negation_joined_to_its_word(norm: Normalizer, text: str, expected: str) -> None:
    assert words(norm, text) == expected


@pytest.mark.parametrize(
    ("question", "activity"),
    [
        (
            "Apakah ASN dapat menjadi anggota Kelompok Penyelenggara Pemungutan Suara?",
            "poll_worker",
        ),
        (
            "Apakah PNS diperbolehkan menjadi pengurus organisasi sayap partai politik?",
            "party_member",
        ),
        (
            "Bagaimana ketentuan bagi ASN yang suami atau istrinya menjadi calon legislatif?",
            "accompany_spouse",
        ),
    ],
)
def test_formal_names_and_phrasings(reader: FrameReader, question: str, activity: str) -> None:
    frame = reader.read(question)
    assert frame.activity is not None and frame.activity.id == activity


def test_the_formal_allowed(norm: Normalizer) -> None:
    for word in ("dibenarkan", "diperkenankan", "diperbolehkan"):
        assert norm.normalize(f"apakah itu {word}") == "boleh", word


@pytest.mark.parametrize(
    "text", ["can I ask in English?", "Hi, who am I talking to?", "halo, kamu siapa?"]
)
def test_small_talk_in_english_and_with_a_greeting(norm: Normalizer, text: str) -> None:
    assert detect_intent(norm.words(text), asked=True).kind == "greeting"


def test_asking_others_to_vote_is_still_urging(reader: FrameReader) -> None:
    frame = reader.read("can I ask my colleagues to vote for my husband?")
    assert frame.activity is not None and frame.activity.id == "urge"


def test_manado_whom_to_tell_is_a_tip(kb: KnowledgeBase) -> None:
    answer = kb.ask(
        "Tadi kita lia pegawai dinas bagi-bagi kaos calon di pasar. Musti kase tau pa sapa?"
    )
    assert answer.intent == "tip"


def test_a_village_heads_vote_is_no_candidacy(kb: KnowledgeBase) -> None:
    answer = kb.ask("Pak kades ki oleh nyoblos pilkada to?")
    assert answer.match is None or answer.match.verdict == "boleh"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks a lot, that was very helpful.",
        "Thank you so much for the information.",
        "Bye, have a nice day!",
        "Hello there, anyone here?",
        "Mohon izin bertanya.",
        "Tarimo kasih banyak",
        "mkasih bnyk",
        "Baik, saya mengerti. Terima kasih.",
    ],
)
def test_thanks_greetings_and_openings_across_registers(norm: Normalizer, text: str) -> None:
    assert detect_intent(norm.words(text), asked="?" in text).kind == "greeting"


def test_an_opening_before_a_question_leaves_the_question(kb: KnowledgeBase) -> None:
    answer = kb.ask("Mohon izin bertanya, apakah PNS boleh ikut kampanye?")
    assert answer.match is not None and answer.match.verdict == "dilarang"


@pytest.mark.parametrize(
    "text",
    [
        "Selamat pagi. Saya ingin mengajukan pertanyaan.",
        "Dengan hormat, saya ingin berkonsultasi.",
        "Terima kasih atas informasi yang Bapak/Ibu berikan.",
        "Selamat malam, mohon maaf mengganggu.",
        "Selamat sore, apakah layanan ini aktif?",
        "Wilujeng enjing, abdi bade naros",
        "Kulonuwun, nyuwun sewu badhe tanglet",
        "Mauliate godang",
        "Okay, understood. Thank you!",
        "Is this service free?",
    ],
)
def test_formal_and_regional_courtesies(norm: Normalizer, text: str) -> None:
    assert detect_intent(norm.words(text), asked="?" in text).kind == "greeting"


@pytest.mark.parametrize(
    "text",
    [
        "Selamat pagi, apakah PNS boleh ikut kampanye?",
        "Dengan hormat, bagaimana cara melaporkan ASN yang tidak netral?",
        "mohon maaf, pns boleh like postingan caleg?",
    ],
)
def test_a_courtesy_before_a_question_leaves_the_question(norm: Normalizer, text: str) -> None:
    assert detect_intent(norm.words(text), asked=True).kind != "greeting"


def test_sundanese_ulah_is_jangan_only_in_sundanese(norm: Normalizer) -> None:
    assert "jangan" in norm.words("abdi PNS, ulah masang stiker caleg?")
    assert "jangan" not in norm.words("laporkan ulah oknum camat itu")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sanksinipun menapa", "sanksi apa"),  # Javanese krama "-ipun", "menapa"
        ("kama malapornyo", "mana lapor"),  # Minang "kama", "-nyo"
        ("pns boi do ikut kampanye", "pns boleh ikut kampanye"),  # Batak "boi"
        ("amun pns umpat kampanye", "pns ikut kampanye"),  # Banjar "amun", "umpat"
    ],
)
def test_question_words_across_regions(norm: Normalizer, text: str, expected: str) -> None:
    assert norm.normalize(text) == expected


def test_an_inflected_stopword_still_matches_its_root_in_a_concept_phrase(
    reader: FrameReader,
) -> None:
    # "pasangan jadi calon" is a concept phrase; "menjadi" is "jadi" inflected
    frame = reader.read("Bolehkah ASN yang pasangannya menjadi calon ikut mendampingi?")
    assert frame.activity is not None and frame.activity.id == "accompany_spouse"


@pytest.mark.parametrize(
    "question",
    [
        "Nduwe pilihan politik neng ati wae ki dilarang po kanggo ASN?",
        "Can a civil servant privately vote for whichever candidate they like?",
    ],
)
def test_a_preference_kept_to_oneself_is_a_voters_right(reader: FrameReader, question: str) -> None:
    frame = reader.read(question)
    assert frame.activity is not None and frame.activity.id == "vote"
