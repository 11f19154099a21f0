"""A message of asking words alone ("gimana?", "boleh?", "how?") asks about nothing
yet: no entry answers it with a verdict; the person is asked to say more. A question
that names its subject is still answered."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

SUBJECTLESS = ["gimana?", "gimana ya", "caranya gimana", "terus gimana", "how?", "boleh?", "kapan?"]


@pytest.mark.parametrize("text", SUBJECTLESS)
def test_asking_words_alone_get_no_answer(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None, answer.match


@pytest.mark.parametrize(
    ("text", "verdict"),
    [("boleh ikut kampanye?", "dilarang"), ("gimana cara lapor asn kampanye?", "info")],
)
def test_a_subject_named_is_answered(kb: KnowledgeBase, text: str, verdict: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None and answer.match.verdict == verdict
