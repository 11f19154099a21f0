"""The out-of-scope topics of knowledge/lexicon/scope.toml: a question about the
pay of polling officers, the voter list, annual leave, promotion, results or the
candidates' own affairs gets an honest "I don't know", in every register; the
same words beside a neutrality activity, a rule, or a civil servant asking
"boleh?" stay ours. Written for this file, not taken from any evaluation set."""

from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.frames import NO_FRAME
from knowledge.scope import Scope


def _vetoing(kb: KnowledgeBase, text: str) -> str | None:
    analysis = kb.normalizer.analyze(text)
    return kb.scope.vetoing(analysis.terms, kb.framemap.reader.read(text, analysis))


OUT_OF_SCOPE = [
    # election jobs: recruitment, duties, pay
    "min, pendaftaran anggota kpps kapan dibuka ya",
    "Berapakah honorarium yang diterima anggota PPS setiap bulan?",
    "honor pantarlih skrg brp?",
    "Punten, syarat dados anggota KPPS naon wae?",
    "what do you need to sign up as a poll worker",
    # the voter list and where to vote
    "gmn cara tau nama sy udh masuk dpt blm",
    "Bagaimana tata cara mengurus formulir A5 bagi pemilih yang pindah domisili?",
    "kerja di jakarta tp ktp surabaya, nyoblosnya di kota lain bisa?",
    "undangan nyoblos ga dateng2, masih bisa milih?",
    "Where can I find which polling station I'm assigned to?",
    "Piye carane ngecek jenengku wis kadaftar pemilih durung?",
    "surat suara pilpres warnanya apa",
    # leave
    "cuti tahunan pppk brp hari ya min",
    "Apakah sisa cuti tahunan dapat diakumulasikan ke tahun berikutnya?",
    "How many days of annual leave can a PPPK take?",
    "Cuti taunan kula kantun pinten dinten?",
    # pay and allowances
    "tpp bulan ini telat cair knp ya",
    "Kapan gaji ketiga belas dibayarkan kepada ASN?",
    "besaran tunjangan kinerja guru pppk berapa",
    "When is the thirteenth salary paid this year?",
    "Gajih PNS golongan III sabaraha ayeuna?",
    # promotion, recruitment, career
    "syarat naik pangkat reguler apa aja",
    "Berapa lama masa percobaan bagi CPNS sebelum diangkat?",
    "passing grade skd cpns taun ini brp",
    # results and polls
    "quick count pilgub kemarin siapa yg unggul",
    "Kapan hasil resmi pilkada diumumkan oleh KPU?",
    "which party won the most seats",
    "Lae, siapa yang menang pilbup di tempat kita?",
    # who may run at all, general politics, the candidates' affairs
    "syarat umur minimal jadi capres berapa",
    "mantan narapidana bisa maju jadi caleg?",
    "Siapa wakil presiden Indonesia saat ini?",
    "janji kampanye paslon 2 soal guru honorer apa aja",
    "partai apa aja yang gabung koalisi paslon 1",
    "bedanya tugas kpu sama bawaslu apa ya",
    # "honor" beside an election job is its pay, not an honorer
    "honor anggota kpps pilkada nanti brp min?",
    "Berapa honor petugas linmas di TPS?",
    # results, and voting from a hospital bed
    "kapan penetapan pemenang pilgub sama KPU?",
    "pasien rawat inap bisa nyoblos lewat tps keliling ga?",
    # formal: the voter's ID, independent candidates' conditions
    "Apakah pemilih yang tidak menerima surat pemberitahuan dapat memilih dengan KTP?",
    "Apa saja syarat pencalonan bupati melalui jalur perseorangan?",
    # advice on whom to vote for, beside election words and a beneficiary named
    "capres mana yang paling peduli sama nasib pppk? biar sy coblos",
    "Menurut admin, partai apa yang paling layak dipilih oleh para guru?",
    "mending pilih caleg yg mana ya min buat dapil 3",
    # how anyone registers as a candidate
    "cara daftar jadi caleg dari partai gimana? sy pedagang",
    "How do I register as a candidate for the city council? I run a small shop.",
    "berkas pencalonan caleg dprd apa aja",
    # the weather on election day, tax returns, the office dress code
    "Besok pas hari pencoblosan cuaca di Medan hujan ga ya?",
    "what's the weather forecast for voting day in Surabaya",
    "batas akhir lapor SPT tahunan buat ASN kapan min",
    "Bagaimana cara mengisi LHKPN bagi pejabat eselon III?",
    "pns boleh pake kerudung warna bebas hari kamis?",
    "Seragam batik ASN hari Jumat wajib motif daerah?",
    # a civil servant's private life and side work
    "pns boleh jadi pengurus masjid di kampung?",
    "Apakah guru PNS diperbolehkan membuka les privat di rumah?",
    "izin cerai buat pppk gimana prosedurnya",
    "Can a civil servant take a loan from a pinjol app?",
]


@pytest.mark.parametrize("text", OUT_OF_SCOPE)
def test_a_topic_we_do_not_cover_gets_an_honest_unknown(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None, (text, answer.match.id if answer.match else None)


IN_SCOPE = [
    # the same subjects beside a neutrality activity, a rule, or "boleh?"
    ("pns boleh jadi anggota kpps?", "election_jobs"),
    ("Apakah PPPK diperbolehkan menjadi anggota PPS?", "election_jobs"),
    ("can a civil servant be a polling station officer", "election_jobs"),
    ("PNS ambil cuti buat ikut kampanye boleh ga?", "leave"),
    ("pppk ikut kampanye suami pakai cuti tahunan, boleh?", "leave"),
    ("asn boleh share hasil quick count paslon di ig?", "results"),
    ("guru pns ajarkan siswa pemilih pemula cara mencoblos yang benar", "voting_logistics"),
    ("asn udah jadi paslon tapi masih terima gaji, akibatnya apa", "pay"),
    ("PNS boleh ikut seleksi anggota bawaslu kabupaten?", "career"),
    ("kadis pengen maju cagub, syaratnya apa menurut uu pilkada", "candidacy_conditions"),
    ("guru pns boleh bilang ke murid paslon mana yang paling bagus?", "vote_advice"),
    ("sy pns, cara daftar caleg gimana, harus mundur dulu?", "candidacy_procedure"),
    ("asn pakai jilbab warna partai di kantor boleh?", "dress_code"),
    ("pns pakai seragam dinas ikut kampanye caleg", "dress_code"),
    ("caleg bagi2 payung pas hujan, asn boleh terima?", "weather"),
    ("asn kumpulkan npwp warga buat dukungan calon dpd", "tax_and_wealth_reports"),
    ("pns pengurus masjid ajak jamaah pilih caleg", "private_affairs"),
    ("pns wfh tapi ikut kampanye caleg, boleh?", "private_affairs"),
]


@pytest.mark.parametrize(("text", "topic"), IN_SCOPE)
def test_the_same_subject_beside_a_neutrality_act_is_not_vetoed(
    kb: KnowledgeBase, text: str, topic: str
) -> None:
    analysis = kb.normalizer.analyze(text)
    topics = {t.id for t in kb.scope.topics if t.cued(frozenset(analysis.terms))}
    assert topic in topics, (text, analysis.terms)  # the cue is there...
    assert _vetoing(kb, text) is None, text  # ...and something keeps it ours


@pytest.mark.parametrize(
    "text",
    [
        "pns boleh jadi kpps?",
        "Bolehkah PNS mengambil cuti di luar tanggungan negara untuk mendampingi suami "
        "yang maju pilkada?",
        "asn boleh like postingan caleg?",
    ],
)
def test_in_scope_questions_are_still_answered(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is not None, text


def test_no_entry_question_and_almost_no_phrasing_is_vetoed(kb: KnowledgeBase) -> None:
    """The entries' own phrasings are in-scope questions by definition: a cue that
    vetoes them is too broad (one phrasing of 5,000 is a fair price)."""
    questions = [e.id for e in kb.entries if _vetoing(kb, e.question)]
    assert questions == []
    phrasings = [(e.id, t) for e in kb.entries for t in e.alternates if _vetoing(kb, t)]
    assert len(phrasings) <= 3, phrasings


def test_the_scope_file_has_no_defects(kb: KnowledgeBase) -> None:
    assert kb.scope.check() == []


def test_keep_signals_join_with_plus_and_classes_need_all_their_words(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    toml = tmp_path / "scope.toml"
    toml.write_text(
        """
[classes]
officials = ["kepala dinas"]
rule = ["sanksi"]

[[topic]]
id = "pay"
cues = ["gaji", "quick count"]
keep = ["rule", "actor+asks"]

[[topic]]
id = "broken"
cues = ["yang"]
keep = ["nonsense"]
""",
        encoding="utf-8",
    )
    scope = Scope(kb.normalizer, toml)
    terms = lambda text: kb.normalizer.analyze(text).terms  # noqa: E731
    assert scope.vetoing(terms("gaji berapa"), NO_FRAME) == "pay"
    assert scope.vetoing(terms("count saja"), NO_FRAME) is None  # "quick count" wants both
    assert scope.vetoing(terms("gaji dipotong sanksi"), NO_FRAME) is None
    # An actor alone is not enough for "actor+asks"; "dinas" alone is not "kepala dinas".
    assert scope.vetoing(terms("gaji dinas"), NO_FRAME) == "pay"
    assert scope.vetoing(terms("gaji kepala dinas"), NO_FRAME) == "pay"
    defects = scope.check()
    assert any("nonsense" in d for d in defects)
    assert any("'yang' is only stopwords" in d for d in defects)
