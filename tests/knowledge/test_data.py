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
