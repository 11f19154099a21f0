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
