"""Fixtures shared by the knowledge tests: the real knowledge base and its frame
reader, and a writable copy of the small test FAQ."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.frames import FrameReader


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def reader(kb: KnowledgeBase) -> FrameReader:
    return kb.framemap.reader


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of tests/knowledge/fixtures/faq that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "faq", target)
    return target
