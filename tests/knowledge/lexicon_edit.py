"""Knowledge modules read afresh from an edited copy of the lexicon files: a word
added to the data alone, and no code, must change what the bot does."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from knowledge import lexicon


def edited_lexicon(folder: Path, name: str, pattern: str, replacement: str) -> Path:
    """A copy of knowledge/lexicon in ``folder`` whose file ``name`` has the one line
    matching ``pattern`` (a regular expression) replaced."""
    copy = folder / "lexicon"
    shutil.copytree(lexicon.LEXICON_DIR, copy)
    path = copy / name
    text, found = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), flags=re.M)
    assert found == 1, f"{pattern!r} matches {found} lines of {name}"
    path.write_text(text, encoding="utf-8")
    return copy


def modules_reading(lexicon_dir: Path, *names: str) -> list[ModuleType]:
    """Fresh copies of the modules ``names`` (in import order), reading their word
    classes from ``lexicon_dir``; each imports the fresh copies before it. The modules
    everyone else imported are left as they were."""
    fresh: list[ModuleType] = []
    lexicon.forget_word_classes()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(lexicon, "LEXICON_DIR", lexicon_dir)
            for name in names:
                spec = importlib.util.find_spec(name)
                assert spec is not None and spec.loader is not None
                module = importlib.util.module_from_spec(spec)
                patch.setitem(sys.modules, name, module)
                spec.loader.exec_module(module)
                fresh.append(module)
    finally:
        # the shipped files again for whoever reads next
        lexicon.forget_word_classes()
    return fresh
