"""Asking "which article forbids …?" asks for the rule's source, in English as in
Indonesian ("diatur di pasal berapa?"): the answer is an information entry that
names the article, not "I don't know". Phrasings written for this file."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "which article forbids civil servants from campaigning?",
        "what article bans civil servants from joining a party?",
    ],
)
def test_which_article_is_an_information_answer(kb: KnowledgeBase, text: str) -> None:
    match = kb.ask(text).match
    assert match is not None and match.verdict == "info", (text, match)
