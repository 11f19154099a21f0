"""The shipped knowledge base must lint clean."""

from knowledge import load_knowledge_base


def test_real_knowledge_base_is_clean() -> None:
    kb = load_knowledge_base()
    assert kb.entries, "no entries loaded"
    defects = kb.check()
    assert defects == [], "\n".join(defects)


def test_every_verdict_and_citation_is_usable() -> None:
    kb = load_knowledge_base()
    for entry in kb.entries:
        assert entry.sources
        assert len(entry.answer) <= 700


def test_job_registration_is_not_candidate_registration() -> None:
    """'daftar pppk' is recruitment, which this bot does not cover; 'daftar caleg' is
    running for office, which it does: neither may get the other's answer."""
    kb = load_knowledge_base()
    for text in ("syarat daftar pppk guru apa aja ya kak", "cara pendaftaran cpns 2027"):
        answer = kb.ask(text)
        assert answer.match is None, f"{text!r} answered with {answer.match}"
    running = kb.ask("pns mau daftar caleg syaratnya apa")
    assert running.match is not None and running.match.id == "calon-caleg"


def test_wanting_to_report_elsewhere_gets_the_answer_about_that_channel() -> None:
    kb = load_knowledge_base()
    answer = kb.ask("sy mau lapor ke bkn caranya gimana")
    assert answer.intent == "faq"
    assert answer.match is not None and answer.match.id == "lapor-sbt-bkn"
    assert kb.ask("saya mau lapor camat ikut kampanye").intent == "tip"


def test_an_aside_in_one_phrasing_does_not_make_an_entry_answer_off_topic_questions() -> None:
    """cakupan-cpns has one phrasing "baru lulus tes cpns": "jadwal tes cpns" is still
    a recruitment question it does not answer. An off-topic word said in several
    phrasings (CPNS paid 80%) is part of the entry's subject and still answered."""
    kb = load_knowledge_base()
    for text in ("jadwal tes cpns", "berapa gaji pppk paruh waktu", "kapan kenaikan pangkat pns"):
        answer = kb.ask(text)
        assert answer.match is None, f"{text!r} answered with {answer.match}"
    on_topic = kb.ask("cpns gaji 80 persen ikut pawai paslon, aman gak sih")
    assert on_topic.match is not None and on_topic.match.id == "cakupan-cpns"


def test_the_first_word_answers_a_boleh_question() -> None:
    """The issue's own examples: the opening words read as the verdict."""
    kb = load_knowledge_base()
    cases = {
        "tenaga honorer boleh ikut kampanye ga?": ("dilarang", "Tidak boleh."),
        "kepala desa boleh dukung caleg?": ("dilarang", "Tidak boleh."),
        "bapak saya pensiunan, boleh kampanye?": ("boleh", "Boleh."),
        "pns boleh jadi petugas kpps?": ("boleh_bersyarat", "Boleh, dengan syarat"),
    }
    for question, (verdict, opening) in cases.items():
        match = kb.ask(question).match
        assert match is not None, question
        assert (match.verdict, match.answer[: len(opening)]) == (verdict, opening), question


def test_corrected_law_is_in_the_answers() -> None:
    """knowledge-sources Part 3: PTDH since PP 17/2020, no CLTN for PPPK, MK 65/2023."""
    kb = load_knowledge_base()
    not_resigning = kb.entry("calon-tidak-mundur")
    assert not_resigning is not None
    assert "tidak dengan hormat" in not_resigning.answer
    assert "PP 17/2020" in not_resigning.sources
    # Every answer that sends an ASN to CLTN (not the ministers' leave in UU Pemilu)
    # tells PPPK they have no such leave.
    cltn_items = ("SKB 2022 Lampiran II tabel A butir 7", "SKB 2022 Lampiran II tabel B butir 3")
    for entry in kb.entries:
        if "CLTN" in entry.answer or any(s in cltn_items for s in entry.sources):
            assert "PPPK" in entry.answer, f"{entry.id}: CLTN without a PPPK branch"
    school = kb.entry("fasilitas-kantor-sekolah")
    assert school is not None and "Putusan MK 65/PUU-XXI/2023" in school.sources
    assert "UU 1/2015 Pasal 69" in school.sources
