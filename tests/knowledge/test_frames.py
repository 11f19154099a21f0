"""The frame layer: who does what, in what context, read from a question.

Concepts come from knowledge/lexicon/concepts.toml, frames from
knowledge/frames.toml; the tests read them across registers (formal, chat,
typos, English, regional) and check the answers the frames lead to.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.askpath import answer_json
from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.frames import CONCEPTS_FILE, FrameReader
from knowledge.normalize import Normalizer
from tests.knowledge.lexicon_edit import edited_lexicon, modules_reading

FIXTURES = Path(__file__).parent / "fixtures" / "faq"


@pytest.mark.parametrize(
    ("question", "actor", "activity"),
    [
        # formal
        (
            "Apakah Pegawai Negeri Sipil diperbolehkan menjadi anggota partai politik?",
            "pns",
            "party_member",
        ),
        ("Bolehkah PPPK menjadi saksi pasangan calon di TPS?", "pppk", "witness"),
        ("Apakah kepala desa boleh menghadiri deklarasi calon bupati?", "kades", "declaration"),
        (
            "Bolehkah penjabat gubernur memutasi pejabat menjelang pilkada?",
            "pj_kepala_daerah",
            "favourable_decision",
        ),
        # chat slang
        ("aku pns diminta orasi pas kampanye akbar cabup, gmn?", "pns", "speaker"),
        ("boleh ga pppk jd pembawa acara kampanye dialogis caleg", "pppk", "speaker"),
        ("sy guru p3k blh jd saksi paslon di tps?", "pppk", "witness"),
        ("min kalo cpns ngelike postingan capres gpp ga", "cpns", "like"),
        ("honorer ikut timses boleh gak", "honorer", "campaign_team"),
        # typos
        ("pns boleh komenrar di postingan caleg?", "pns", "comment"),
        ("perangkat desa jadi timsess boleh?", "perangkat_desa", "campaign_team"),
        # English
        ("Can a village head join a campaign team?", "kades", "campaign_team"),
        ("can a civil servant like a candidate's post on instagram", "asn", "like"),
        ("is a retired civil servant allowed to be a campaign speaker", "pensiunan", "speaker"),
        # regional
        ("Ado guru PNS di nagari kami nan jadi timses caleg", "guru", "campaign_team"),
        ("kuwu meu jadi jurkam paslon", "kades", "speaker"),
    ],
)
def test_actor_and_activity_across_registers(
    reader: FrameReader, question: str, actor: str, activity: str
) -> None:
    frame = reader.read(question)
    assert frame.actor is not None and frame.actor.id == actor, frame
    assert frame.activity is not None and frame.activity.id == activity, frame


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("pns boleh like status caleg di luar jam kerja?", "outside_hours"),
        ("lagi cuti tahunan, boleh ikut kampanye?", "on_leave"),
        ("hadir kampanye tanpa atribut cuma dengerin visi misi boleh?", "no_attributes"),
        ("foto bareng bakal calon tapi gak diposting, aman?", "not_uploaded"),
        ("deklarasi bakal calon yang belum ditetapkan KPU", "before_set"),
        ("boleh posting soal calon pas masa tenang?", "quiet_period"),
        ("can I attend a rally outside working hours", "outside_hours"),
    ],
)
def test_contexts(reader: FrameReader, question: str, context: str) -> None:
    assert reader.read(question).has(context)


@pytest.mark.parametrize(
    ("question", "actor", "activity", "context"),
    [
        # Javanese (ngoko and krama)
        (
            "Mas, aku pegawe kelurahan. Oleh ora pasang spanduk caleg nang ngarep omah?",
            "asn",
            "banner",
            "asks_permission",
        ),
        (
            "Kulo bidan desa, angsal mboten tumut kampanye dinten Minggu?",
            "guru",
            "attend_rally",
            "outside_hours",
        ),
        (
            "Lek, aku abdi negara. Gak popo ta melu rombongan kampanye bupati?",
            "asn",
            "attend_rally",
            "asks_permission",
        ),
        (
            "pak carik dadi timses caleg, sanksine opo?",
            "perangkat_desa",
            "campaign_team",
            "sanction",
        ),
        # Sundanese
        (
            "Teh, abdi PNS. Kenging teu masang baliho calon di payun bumi?",
            "pns",
            "banner",
            "asks_permission",
        ),
        (
            "Akang guru honor, meunang teu ngiring kampanye pas libur?",
            "honorer",
            "attend_rally",
            "outside_hours",
        ),
        # Betawi
        (
            "Bang, aye mantri puskesmas. Ape boleh aye foto bareng caleg?",
            "guru",
            "photo",
            "asks_permission",
        ),
        ("ente pns kok bagi amplop pas kampanye", "pns", "give_goods", "campaign_period"),
        # Minang
        (
            "Ambo PNS, lai buliah ambo ikuik kampanye hari Minggu?",
            "pns",
            "attend_rally",
            "outside_hours",
        ),
        (
            "Uni guru PNS, buliah pasang stiker caleg di oto pribadi?",
            "guru",
            "banner",
            "asks_permission",
        ),
        # Batak / Medan
        (
            "Lae, aku PNS. Boleh nya aku pake kaos partai pas kampanye?",
            "pns",
            "attributes",
            "campaign_period",
        ),
        (
            "Bah, aku guru honor. Bisa nya aku jadi saksi partai?",
            "honorer",
            "witness",
            "asks_permission",
        ),
        # Bugis / Makassar
        (
            "Daeng, sa pegawai kecamatan. Bisa ji ka ikut kampanye caleg?",
            "asn",
            "attend_rally",
            "asks_permission",
        ),
        (
            "Tabe, saya guru PNS. Boleh ji kah salam dua jari sama calon gubernur?",
            "guru",
            "photo",
            "asks_permission",
        ),
        # Banjar
        (
            "Ulun PNS, kawa lah ulun umpat kampanye hari sabtu?",
            "pns",
            "attend_rally",
            "outside_hours",
        ),
        ("pambakal kada boleh jadi timses kah?", "kades", "campaign_team", "asks_permission"),
        # Balinese
        (
            "Tiang PNS, dados ngiring kampanye calon bupati?",
            "pns",
            "attend_rally",
            "asks_permission",
        ),
        ("perbekel nyidaang jadi jurkam paslon?", "kades", "speaker", "asks_permission"),
        # Manado
        ("Torang PNS, boleh ato nyanda iko kampanye?", "pns", "attend_rally", "asks_permission"),
        ("hukum tua boleh kase sembako dari caleg?", "kades", "give_goods", "asks_permission"),
        # Ambon, Papua
        (
            "Beta guru honor, bole ikut kampanye ka seng?",
            "honorer",
            "attend_rally",
            "asks_permission",
        ),
        ("Sa PNS, bisa ka sa ngeshare postingan caleg?", "pns", "share", "asks_permission"),
        # chat
        ("pns ngampanyein paslon di grup wa gpp kah wkwkwk", "pns", "urge", "asks_permission"),
        ("asn melu kampenye caleg pas libur, oleh ora?", "asn", "attend_rally", "outside_hours"),
        ("bu guru pns ndak papa kah foto bareng caleg", "guru", "photo", "asks_permission"),
        ("kmrn asn blm cuti udh ikut kampanye gmn dong", "asn", "attend_rally", "no_leave"),
    ],
)
def test_actor_activity_and_context_in_each_regional_flavour(
    reader: FrameReader, question: str, actor: str, activity: str, context: str
) -> None:
    frame = reader.read(question)
    assert frame.actor is not None and frame.actor.id == actor, frame
    assert frame.activity is not None and frame.activity.id == activity, frame
    assert any(c.id == context for c in frame.contexts), frame


def test_promoting_is_not_every_word_of_campaigning(reader: FrameReader) -> None:
    """ "mengkampanyekan calon" promotes a candidate; "berkampanye" and
    "kampanyenya" are only about campaigning."""
    assert reader.read("pns mengkampanyekan calon bupati").activity.id == "urge"  # type: ignore[union-attr]
    assert reader.read("bolehkah calon berkampanye di kampus").activity is None
    assert reader.read("kampanyenya dari tanggal berapa").activity is None


def test_a_longer_phrase_claims_its_words(reader: FrameReader) -> None:
    """ "tanpa atribut" is a context; its "atribut" is not the act of wearing one."""
    frame = reader.read("bolehkah asn hadir kampanye tanpa atribut")
    assert frame.activity is not None and frame.activity.id == "attend_rally"
    assert frame.has("no_attributes")


def test_a_plain_noun_is_not_an_inflected_concept_word(reader: FrameReader) -> None:
    """ "calon" in "share video calon" is not "mencalonkan" (running for office)."""
    frame = reader.read("boleh asn share video kampanye calon presiden?")
    assert frame.activity is not None and frame.activity.id == "share"


def test_nothing_understood_from_small_talk(reader: FrameReader) -> None:
    assert reader.read("selamat pagi").empty


def test_understood_text_in_both_languages(reader: FrameReader) -> None:
    frame = reader.read("sy guru p3k blh jd saksi paslon di tps?")
    assert frame.text() == "PPPK · menjadi saksi paslon di TPS"
    assert (
        frame.text("en")
        == "contract civil servant (PPPK) · be a candidate's witness at the polling station"
    )


def test_an_actor_or_a_word_is_a_data_change(tmp_path: Path) -> None:
    concepts = tmp_path / "concepts.toml"
    text = CONCEPTS_FILE.read_text(encoding="utf-8")
    text += '\n[actor.satpam]\nlabel = "satpam kantor"\nlabel_en = "office guard"\npriority = 9\n'
    text += 'words = ["satpam", "security kantor"]\n'
    text = text.replace('words = ["saksi", ', 'words = ["saksi", "mandataris paslon", ', 1)
    concepts.write_text(text, encoding="utf-8")
    frame = FrameReader(Normalizer(), concepts).read("satpam boleh jadi mandataris paslon?")
    assert frame.actor is not None and frame.actor.label == "satpam kantor"
    assert frame.activity is not None and frame.activity.id == "witness"


def test_a_word_for_i_is_a_data_change(kb: KnowledgeBase, tmp_path: Path) -> None:
    """The words for "I" a frame reads as the writer are concepts.toml [reading]
    first_person: Betawi "ogut", added there alone, makes "suami ogut bukan PNS" the
    writer's husband, a relative who is no civil servant (not a PNS asked about)."""
    question = "suami ogut bukan PNS, boleh ikut kampanye?"
    before = FrameReader(kb.normalizer).read(question)
    assert before.actor is not None and before.actor.id == "pns"
    words = edited_lexicon(
        tmp_path, "concepts.toml", r"^first_person = \[", 'first_person = ["ogut", '
    )
    (frames,) = modules_reading(words, "knowledge.frames")
    after = frames.FrameReader(kb.normalizer).read(question)
    assert after.actor is not None and after.actor.id == "keluarga"
    assert after.has("relative_not_asn")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("saya pppk, boleh jadi saksi paslon di tps?", "peran-saksi-tps"),
        ("kades boleh ngelike status caleg?", "cakupan-kades"),
        ("anggota polri boleh jadi jurkam paslon?", "cakupan-tni-polri"),
        ("boleh ga pppk jd pembawa acara kampanye dialogis caleg", "peran-pelaksana-kampanye"),
    ],
)
def test_frame_leads_to_the_entry_for_that_actor_and_act(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    answer = kb.ask(question)
    assert answer.match is not None and answer.match.id == entry, answer


def test_retired_and_serving_get_opposite_verdicts(kb: KnowledgeBase) -> None:
    """The same act, two actors: the frame keeps a neighbour's verdict out."""
    retired = kb.ask("pensiunan boleh jadi timses caleg?")
    serving = kb.ask("kepala desa boleh jadi timses caleg?")
    assert retired.match is not None and retired.match.verdict == "boleh"
    assert serving.match is not None and serving.match.verdict == "dilarang"


FRAMES_ONLY_RULES = """
[settings]
decide_contexts = ["asks_permission"]

[entry.medsos-like-caleg]
activities = ["like"]

[rule.witness]
verdict = "dilarang"
question = "Aturan umum: menjadi saksi calon di TPS"
sources = ["PP 94/2021 Pasal 5 huruf n"]
answer = \"\"\"Tidak boleh. Sebagai aturan umum, ASN tidak menjadi saksi calon.\"\"\"
"""


@pytest.fixture
def small_kb(tmp_path: Path) -> KnowledgeBase:
    data = tmp_path / "faq"
    shutil.copytree(FIXTURES, data)
    frames = tmp_path / "frames.toml"
    frames.write_text(FRAMES_ONLY_RULES, encoding="utf-8")
    return load_knowledge_base(data, frames_file=frames)


def test_general_rule_when_no_entry_covers_the_combination(small_kb: KnowledgeBase) -> None:
    answer = small_kb.ask("saya pns, boleh jadi saksi paslon di tps?")
    assert answer.match is not None
    assert answer.match.id == "umum-witness" and answer.match.verdict == "dilarang"
    assert answer.match.sources == ("PP 94/2021 Pasal 5 huruf n",)
    # the chat finds it by id like an entry (buttons, feedback)
    entry = small_kb.entry("umum-witness")
    assert entry is not None and entry.topic == "umum"


def test_no_general_rule_without_a_named_actor(small_kb: KnowledgeBase) -> None:
    answer = small_kb.ask("boleh jadi saksi paslon di tps?")
    assert answer.match is None


def test_no_general_rule_for_those_outside_the_civil_service(small_kb: KnowledgeBase) -> None:
    answer = small_kb.ask("pensiunan boleh jadi saksi paslon di tps?")
    assert answer.match is None


def test_check_names_unknown_entries_and_concepts(tmp_path: Path) -> None:
    data = tmp_path / "faq"
    shutil.copytree(FIXTURES, data)
    frames = tmp_path / "frames.toml"
    frames.write_text(
        FRAMES_ONLY_RULES
        + '\n[entry.tidak-ada]\nactivities = ["like"]\n'
        + '[entry.medsos-share-caleg]\nactivities = ["juggling"]\nactors = ["alien"]\n',
        encoding="utf-8",
    )
    defects = load_knowledge_base(data, frames_file=frames).check()
    assert "frames.toml (entry.tidak-ada): no such entry" in defects
    assert "frames.toml (entry.medsos-share-caleg): unknown activity 'juggling'" in defects
    assert "frames.toml (entry.medsos-share-caleg): unknown actor 'alien'" in defects


def test_check_lints_general_rules(tmp_path: Path) -> None:
    data = tmp_path / "faq"
    shutil.copytree(FIXTURES, data)
    frames = tmp_path / "frames.toml"
    bad = FRAMES_ONLY_RULES.replace("PP 94/2021 Pasal 5 huruf n", "PP 1/1900 Pasal 1").replace(
        "Tidak boleh. Sebagai", "Sebagai"
    )
    frames.write_text(bad, encoding="utf-8")
    defects = load_knowledge_base(data, frames_file=frames).check()
    assert any("rule umum-witness" in d and "unknown citation" in d for d in defects)
    assert any(d.startswith("frames.toml (umum-witness)") and "Tidak boleh" in d for d in defects)


def test_packaged_frames_are_clean(kb: KnowledgeBase) -> None:
    assert [d for d in kb.check() if d.startswith("frames.toml")] == []


def test_ask_json_says_what_was_understood(kb: KnowledgeBase) -> None:
    result = answer_json(kb, "sy guru p3k blh jd saksi paslon di tps?")
    assert result["understood"] == {
        "actor": "pppk",
        "activity": "witness",
        "context": [],
        "contexts": [],
        "text": "PPPK · menjadi saksi paslon di TPS",
    }
    json.dumps(result)  # stays plain JSON
    # only with an answer: a greeting or an unknown question reads nothing back
    assert "understood" not in answer_json(kb, "halo")
    assert "understood" not in answer_json(kb, "resep rendang padang yang enak")
