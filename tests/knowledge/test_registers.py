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
from knowledge.verdicts import asks_permission, asks_what


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
    assert words(norm, "abdi ngiring ka kampanye") == "saya ikut ke kampanye"
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


# ------------------------------------------- the regional round of 2026-12-06


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sundanese "abdi" (= saya), "ti" (= dari), "anu" (= yang) beside Sundanese words
        ("abdi pns, kenging teu abdi milih", "saya pns boleh tidak saya memilih"),
        ("caleg ti partai anu benten", "caleg dari parpol yang beda"),
        # Javanese "tak" before a verb is "I", beside Javanese words
        ("fotone tak unggah neng fb", "fotonya saya unggah di facebook"),
        ("statuse tak share wingi", "statusnya saya share kemarin"),
    ],
)
def test_words_read_the_regional_way_in_their_languages_company(
    norm: Normalizer, text: str, expected: str
) -> None:
    assert words(norm, text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("abdi negara harus netral", "abdi"),  # a civil servant, in any company
        ("abdi negara kenging teu kampanye", "abdi"),
        ("staf ti boleh kampanye", "ti"),  # information technology, no Sundanese near
        ("aku tak boleh melu kampanye ora", "tidak"),  # Indonesian "tak" before "boleh"
        ("saya tak unggah apa apa", "tidak"),  # no Javanese word: "tidak"
        ("si anu ikut kampanye", "anu"),
    ],
)
def test_regional_readings_leave_the_indonesian_words_alone(
    norm: Normalizer, text: str, kept: str
) -> None:
    assert kept in norm.words(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Palembang: can, join, how
        ("pacak dak aku melok kampanye", "bisa tidak aku ikut kampanye"),
        ("cak mano aturannyo", "bagaimana aturannya"),
        # a husband beside his owner (Betawi, Minang, Banjar), never a son or "laki laki"
        ("laki aye nyaleg", "suami saya caleg"),
        ("laki ambo calon bupati", "suami saya cabup"),
        ("anak laki saya nyaleg", "anak laki saya caleg"),
        # Minang younger sibling, Banjar "ading", Betawi "die"
        ("adiak ambo jadi calon", "adik saya jadi calon"),
        ("ading ulun nyaleg", "adik saya caleg"),
        ("nemenin die kampanye", "dampingi dia kampanye"),
        # a finger sign in Javanese and Sundanese
        ("salam driji loro", "salam dua jari"),
        ("foto babarengan bari ramo dua", "foto bersama sambil dua jari"),
        # Minang "alun" only before what is not yet
        ("calonnyo alun ditetapkan", "calonnya belum ditetapkan"),
    ],
)
def test_regional_families_of_the_second_round(norm: Normalizer, text: str, expected: str) -> None:
    assert words(norm, text) == expected


@pytest.mark.parametrize(
    "question",
    [
        "sy pns, ikut kampanye pake kaos partai tp hari libur, ttp salah?",
        "aku pns melu kampanye nganggo kaos partai, salah ora?",
        "ambo PNS, ikuik kampanye pakai baju partai hari minggu, tetap kena?",
    ],
)
def test_is_it_still_wrong_asks_whether_it_is_allowed(reader: FrameReader, question: str) -> None:
    assert reader.read(question).has("asks_permission")


@pytest.mark.parametrize(
    ("question", "activity"),
    [
        # the story names who runs; the question sentence names the act asked about
        ("Saya PNS. Adik saya nyaleg DPRD. Boleh saya share postingan dia?", "share"),
        ("Aye PNS. Babe aye nyaleg. Boleh kagak aye pasang stiker babe di rumah?", "banner"),
        ("Ulun PNS. Ading ulun jadi caleg. Kawa kah ulun umpat kampanye?", "attend_rally"),
        ("Aku PNS. Bojoku tim sukses caleg. Aku dewe oleh nyoblos ora?", "vote"),
        # a spouse's candidacy told in the story is still the act asked about
        ("Saya PNS, istri nyaleg. Selama CLTN boleh saya ikut kampanye istri?", "accompany_spouse"),
        # no question after the story: a witness's account keeps its acts as ranked
        ("Kepala dinas membagikan sembako dari paslon ke warga. Saya punya fotonya.", "give_goods"),
    ],
)
def test_the_question_sentence_names_the_act(
    reader: FrameReader, question: str, activity: str
) -> None:
    frame = reader.read(question)
    assert frame.activity is not None and frame.activity.id == activity


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "Abdi PNS. Kenging teu abdi milih caleg ti partai anu benten sareng partai bupati?",
            "boleh",
        ),
        ("Beta PNS, beta boleh pili calon ka seng?", "boleh"),
        (
            "Kulo PNS, wingi foto bareng caleg salam driji loro, fotone tak unggah. Salah ora?",
            "dilarang",
        ),
        ("Aku PNS, pacak dak aku melok kampanye caleg?", "dilarang"),
        (
            "Ambo PNS, adiak ambo jadi calon walikota. Buliah ambo ikuik kampanye adiak ambo?",
            "dilarang",
        ),
    ],
)
def test_regional_questions_get_their_verdict(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == verdict


@pytest.mark.parametrize(
    "question",
    [
        "pns bisa ikut kampanye?",
        "Beta PNS, beta bisa iko kampanye ka seng?",
        "Aku PNS, iso melu kampanye ora?",
    ],
)
def test_a_civil_servant_asking_whether_he_may_campaign_gets_no_cpns_sanction(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.verdict == "dilarang"


def test_a_cpns_asking_about_the_appointment_still_gets_it(kb: KnowledgeBase) -> None:
    answer = kb.ask("cpns ikut kampanye bisa batal diangkat jadi pns?")
    assert answer.match is not None and answer.match.id == "sanksi-cpns"


@pytest.mark.parametrize(
    ("question", "actor"),
    [
        ("saya pns, bulan depan pensiun. boleh saya ikut kampanye?", "pns"),
        ("Aku PNS, taun ngarep pensiun, oleh melu kampanye ora?", "pns"),
        ("Aku PNS, oleh nampa duit soko caleg ora?", "pns"),
    ],
)
def test_word_orders_and_javanese_forms_keep_the_civil_servant(
    reader: FrameReader, question: str, actor: str
) -> None:
    frame = reader.read(question)
    assert frame.actor is not None and frame.actor.id == actor


def test_javanese_soko_is_from_only_in_javanese(norm: Normalizer) -> None:
    assert words(norm, "nampa duit soko caleg ora") == "terima uang dari caleg tidak"
    assert "soko" in norm.words("soko guru demokrasi")


@pytest.mark.parametrize(
    ("text", "permission", "what"),
    [
        # regional words that only ask leave, and regional question words
        ("Kula PNS, angsal tumut kampanye?", True, False),
        ("Abdi PNS, kenging teu ngiring kampanye?", True, False),
        ("Ambo PNS, buliah ikuik kampanye?", True, False),
        ("Menawi PNS dados anggota partai, sanksinipun menapa?", False, True),
        ("Kumaha carana ngalaporkeun PNS nu kampanye, kenging?", False, True),
        ("Cakmano caro melapor PNS yang melok kampanye?", False, True),
        # Javanese "oleh" is "by" too: never read as asking leave here
        ("PNS ditegur oleh atasan, sanksinya apa?", False, True),
    ],
)
def test_regional_asking_words(text: str, permission: bool, what: bool) -> None:
    assert asks_permission(text) is permission
    assert asks_what(text) is what


def test_a_krama_sanction_question_gets_the_sanction(kb: KnowledgeBase) -> None:
    answer = kb.ask("Menawi PNS dados anggota partai, sanksinipun menapa?")
    assert answer.match is not None and answer.match.verdict == "info"


@pytest.mark.parametrize(
    "question",
    [
        "Bli, tiang PNS. Yen tiang nge-like postingan calon gubernur, nika dados?",
        "Dados PNS ngiring kampanye calon bupati?",
    ],
)
def test_balinese_asking_leave_reads_as_boleh(norm: Normalizer, question: str) -> None:
    assert "boleh" in norm.words(question)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ambo nio malapua", "saya mau melapor"),  # Minang "malapua"
        ("nglumpukke warga", "mengumpulkan warga"),  # Javanese
        ("grup wa kulawarga", "grup whatsapp keluarga"),  # Sundanese
        ("gasan maulah baliho", "untuk membuat baliho"),  # Banjar
        ("bolehka ikut", "boleh ikut"),  # Makassar "-ka" on a word nothing else knows
        ("kulo badhe mundur saking pns", "saya akan mundur dari pns"),  # krama "saking"
    ],
)
def test_regional_words_of_the_tuning_sets(norm: Normalizer, text: str, expected: str) -> None:
    assert norm.normalize(text) == norm.normalize(expected)


def test_indonesian_words_ending_like_regional_particles_stay(norm: Normalizer) -> None:
    assert norm.normalize("suka buka pustaka") == norm.normalize("suka buka pustaka")
    assert "saking" in norm.words("saking banyaknya poster caleg")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # passing the poster on oneself is sharing it, whatever group it goes to
        (
            "Abdi guru PPPK, upami ngiring ngabagikeun poster calon bupati di grup WA "
            "kulawarga, kenging teu?",
            "medsos-share-calon",
        ),
        ("saya pns, boleh saya share poster caleg di grup wa keluarga?", "medsos-share-calon"),
        # a relative's posts in the family group are still that entry's question
        (
            "di grup wa keluarga ada yang kirim poster caleg, saya pns harus keluar?",
            "medsos-grup-keluarga",
        ),
    ],
)
def test_sharing_in_the_family_group_is_sharing(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.id == entry


@pytest.mark.parametrize(
    "question",
    [
        "Beta PNS, beta mau pi kampanye calon gubernur hari Minggu. Bisa ka seng?",
        "Aku PNS, boleh nya aku pigi kampanye calon bupati?",
    ],
)
def test_going_campaigning_is_taking_part(reader: FrameReader, question: str) -> None:
    assert reader.read(question).has("joins")


def test_going_to_a_campaign_to_listen_is_not_taking_part(reader: FrameReader) -> None:
    assert not reader.read("PNS boleh pergi ke kampanye cuma dengar visi misi?").has("joins")


@pytest.mark.parametrize(
    ("question", "activity"),
    [
        # one sentence of clauses: the last clause asks leave and names the act
        ("aku pns, adikku nyaleg, aku boleh share postingan dia?", "share"),
        ("bapak aye nyaleg, aye pns, boleh kagak aye pasang baliho babe di rume?", "banner"),
        # a list of acts is no story: the likeliest act still comes first
        ("pns boleh like, komen, atau share postingan caleg?", "like"),
    ],
)
def test_the_last_clause_that_asks_names_the_act(
    reader: FrameReader, question: str, activity: str
) -> None:
    frame = reader.read(question)
    assert frame.activity is not None and frame.activity.id == activity


def test_a_demonstration_for_a_candidate_is_taking_part(reader: FrameReader) -> None:
    frame = reader.read("pns ikut demo dukung capres tanpa atribut, tetap salah?")
    assert frame.activity is not None and frame.activity.id == "attend_rally"
    assert frame.has("joins") and frame.has("asks_permission")
