"""Fixtures shared by the knowledge tests: the real knowledge base and its frame reader."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.frames import FrameReader


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def reader(kb: KnowledgeBase) -> FrameReader:
    return kb.framemap.reader
