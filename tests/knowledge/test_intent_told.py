"""Accounts that carry words of a question without asking one: a quiz, poll or question
someone in a role put to others, what a threat says, a reward promised for a choice,
someone from an office not named; and the writer's own questions, which stay questions."""

import pytest

from knowledge.intent import Intent, detect_intent, without_told_questions
from knowledge.normalize import Normalizer

_norm = Normalizer()


def intent(text: str) -> Intent:
    return detect_intent(_norm.words(text), asked="?" in text)


@pytest.mark.parametrize(
    "text",
    [
        # a question put to pupils, students or staff by someone in a role, told
        "wali kelas anak sy nanya ke murid2 bapak ibunya mau coblos siapa trus suruh pilih 02",
        "kepsek bikin angket di grup guru 'siapa cabup yang layak', yang beda pilihan disindir",
        "pak camat ngadain polling di rapat kecamatan siapa paslon pilihan para lurah",
        "dosen ngasih ujian apa alasan memilih capres nomor 3, jawaban lain nilainya jelek",
        "kades takon warga arep milih sopo, terus ngomong kudu milih nomer 2",
        # a reward promised or given for a choice
        "kadis janjiin bonus ke staf yang bisa kumpulin dukungan buat cabup petahana",
        "kepala sekolah kasih nilai tambahan ke murid yang ortunya pilih caleg partainya",
        "camat kasih insentif ke RT yang wilayahnya menang paslon 01, ini gimana min",
        "the headmaster promised extra points to pupils whose parents vote for his candidate",
        # what a threat says is not asked
        "guru2 diajak kepsek ikut kampanye cagub, sing ora melu diancam ora oleh ngajar kelas",
        "staf dikumpulin kabid, yg ga dukung petahana diancam gak boleh naik pangkat",
        # heads of hospitals and campuses, offices by their short names
        "dirut rsud bikin video dukungan cawalkot di ruang tunggu pasien, disebar ke grup",
        "pegawai bapenda jadi admin akun pemenangan paslon 3, sy satu bagian sama dia",
        "dekan ngumpulin dosen di aula, minta semua dukung caleg dari partai tertentu",
        # "kami"/"kita" after a place is whose place
        "di desa kami kades pe istri deng staf kase kumpul timses di balai desa",
        "kantor kita kadisnya sering pasang twibbon cagub di status wa",
        # someone not named, from an office
        "orang dari kantor kecamatan bagi-bagi kalender caleg di pasar tadi siang",
        "someone from the district office handed out free rice with a candidate sticker yesterday",
    ],
)
def test_an_account_with_a_told_question_or_reward_is_a_tip(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # the writer asking, the writer's own planned act, a rule asked
        "saya guru pns, mau bikin kuis tentang pemilu di kelas, boleh?",
        "sy dosen asn, boleh bahas siapa capres dgn program terbaik di kuliah?",
        "saya kepala sekolah, boleh bikin polling siapa ketua osis?",
        "mau tanya siapa yang berwenang menindak kades yang kampanye",
        "kalau camat nanya ke saya mau milih siapa, saya harus jawab?",
        "pns yang ditanya warga mau pilih siapa, harus jawab apa?",
        "bolehkah guru pns memberi nilai tambahan kepada siswa yang memilih calon tertentu?",
        "aku pns, kalau dikasih hadiah sama timses yang menang boleh diterima?",
        "kalau kepala dinas mengancam staf yang tidak ikut kampanye, apa sanksinya?",
    ],
)
def test_the_writers_own_question_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"


def test_only_the_question_someone_else_put_is_dropped() -> None:
    told = without_told_questions(_norm.words("guru bikin kuis siapa capres terbaik"))
    assert "siapa" not in told
    own = without_told_questions(_norm.words("guru mau tanya siapa yang berwenang"))
    assert "siapa" in own
    whom = without_told_questions(_norm.words("kades nanya ke siapa ya"))
    assert "siapa" in whom


@pytest.mark.parametrize(
    "text",
    [
        # one of those pressed tells it, and asks whether what was done breaks the rule
        "kadis kami tiap apel mengimbau pegawai dukung cabup petahana, kami staf gak enak. "
        "itu melanggar kan?",
        "camat di kecamatan kami titip pesan ke semua lurah buat menangin caleg X, "
        "sy lurah jg, yang begitu boleh?",
    ],
)
def test_one_of_those_pressed_judging_what_was_done_is_a_tip(text: str) -> None:
    assert intent(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # their own duty, or a rule asked with nothing told as having happened
        "kadis mengimbau staf dukung cabup petahana, sy staf, harus nurut?",
        "kepala dinas mengimbau pegawai mendukung paslon tertentu, itu boleh?",
    ],
)
def test_the_pressed_writers_own_duty_stays_a_question(text: str) -> None:
    assert intent(text).kind == "question"
