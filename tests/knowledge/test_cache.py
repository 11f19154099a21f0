"""The on-disk knowledge cache: same answers as a fresh build, rebuilt when stale or damaged."""

from __future__ import annotations

import json
import logging
import shutil
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest

from knowledge import KnowledgeBase, load_knowledge_base, snapshot
from knowledge.base import DATA_DIR
from knowledge.cache import cache_key, ensure
from knowledge.framemap import FRAMES_FILE

FIXTURES = Path(__file__).parent / "fixtures" / "faq"
QUESTIONS = Path(__file__).parents[1] / "eval" / "questions.jsonl"


@pytest.fixture(scope="module")
def packaged_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache of the packaged knowledge base, built (trained) once for this module."""
    folder = tmp_path_factory.mktemp("kbcache")
    _, built = ensure(DATA_DIR, None, folder)
    assert built
    return folder


def _the_one_file(folder: Path) -> Path:
    files = list(folder.glob("kb-*.npz"))
    assert len(files) == 1, files
    return files[0]


def test_a_cache_hit_answers_every_evaluation_question_as_a_fresh_build(
    packaged_cache: Path,
) -> None:
    fresh = load_knowledge_base()
    cached, built = ensure(DATA_DIR, None, packaged_cache, frames_file=FRAMES_FILE)
    assert not built
    assert cached.matcher.logreg is not None  # loaded, not skipped
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines()]
    assert len(questions) > 500
    for question in questions:
        query = fresh.normalize(question)
        assert cached.normalize(question) == query
        want, got = fresh.matcher.rank(query, 5), cached.matcher.rank(query, 5)
        assert [r.index for r in got] == [r.index for r in want], question
        for a, b in zip(want, got, strict=True):
            assert abs(a.score - b.score) <= 1e-9 and abs(a.proba - b.proba) <= 1e-9, question
        a1, a2 = fresh.ask(question), cached.ask(question)
        assert (a2.intent, a2.match, a2.suggestions) == (a1.intent, a1.match, a1.suggestions)


def test_the_cache_holds_no_pickle(packaged_cache: Path) -> None:
    path = _the_one_file(packaged_cache)
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}  # raises on any pickled member
    assert {"meta", "weights"} <= set(arrays)
    assert all(not a.dtype.hasobject for a in arrays.values())
    meta = json.loads(arrays["meta"].tobytes())
    assert meta["key"] == cache_key(DATA_DIR)


def test_changing_a_knowledge_file_invalidates_the_cache(data_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    kb, built = ensure(data_dir, None, cache)
    assert built and not ensure(data_dir, None, cache)[1]
    before = kb.ask("boleh gak asn pakai mobil dinas buat kampanye")
    assert before.match is not None and before.match.verdict == "dilarang"
    path = data_dir / "kampanye.toml"
    path.write_text(path.read_text().replace('"""Tidak boleh. Fasilitas', '"""Ya. Fasilitas'))
    kb, built = ensure(data_dir, None, cache)
    assert built  # another key: the edited text is what people get
    after = kb.ask("boleh gak asn pakai mobil dinas buat kampanye")
    assert after.match is not None and after.match.answer.startswith("Ya. Fasilitas")
    # A new phrasing is matched too: the phrasings are not taken from the old file.
    text = path.read_text()
    assert "alternates = [" in text
    path.write_text(text.replace("alternates = [", 'alternates = [\n  "zebra kuda nil dinas",', 1))
    kb, built = ensure(data_dir, None, cache)
    assert built and any("zebra" in p for items in kb.phrasings for p in items)
    assert len(list(cache.glob("kb-*.npz"))) <= 3  # old ones are pruned


@pytest.mark.parametrize(
    "damage",
    ["truncated", "garbage", "empty", "pickled", "foreign key"],
)
def test_a_damaged_or_foreign_cache_is_logged_once_and_rebuilt(
    damage: str, data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    fresh, _ = ensure(data_dir, None, cache)
    path = _the_one_file(cache)
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00not a zip" * 100)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "pickled":  # a planted object array: loading it would run code
        np.savez(path, meta=np.array([{"key": "x"}], dtype=object), weights=np.zeros(1))
    else:
        other = tmp_path / "other"
        shutil.copytree(data_dir, other)
        (other / "extra.toml").write_text("")
        ensure(other, None, tmp_path / "other-cache")
        shutil.copyfile(_the_one_file(tmp_path / "other-cache"), path)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        kb, built = ensure(data_dir, None, cache)
    assert built
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "rebuilding" in warnings[0].getMessage()
    assert [e.id for e in kb.entries] == [e.id for e in fresh.entries]
    question = "min pns boleh ngelike postingan caleg di ig ga?"
    assert kb.ask(question).match == fresh.ask(question).match
    with np.load(path, allow_pickle=False) as npz:  # the rebuilt file is whole again
        assert json.loads(npz["meta"].tobytes())["key"] == cache_key(data_dir)
    caplog.clear()
    assert not ensure(data_dir, None, cache)[1] and not caplog.records


def test_workers_starting_at_once_build_once(data_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    results: list[bool] = []
    bases: list[KnowledgeBase] = []

    def start() -> None:
        kb, built = ensure(data_dir, None, cache)
        results.append(built)
        bases.append(kb)

    workers = [threading.Thread(target=start) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert sorted(results) == [False, False, False, True]
    assert zipfile.is_zipfile(_the_one_file(cache))
    assert not list(cache.glob(".kb-*"))  # no temporary file left behind
    assert len({tuple(e.id for e in kb.entries) for kb in bases}) == 1


def test_an_unwritable_cache_folder_still_serves(
    data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        kb, built = ensure(data_dir, None, blocked / "cache")
    assert built and kb.ask("boleh gak asn pakai mobil dinas buat kampanye").match is not None
    assert any("not written" in r.getMessage() for r in caplog.records)


def test_a_matcher_the_codec_cannot_store_is_built_at_start_instead(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_knowledge_base(data_dir)
    monkeypatch.setattr(snapshot, "CLASSES", {"LogReg": snapshot.LogReg})  # no Matcher
    cache = tmp_path / "cache"
    assert ensure(data_dir, None, cache)[1]
    with np.load(_the_one_file(cache), allow_pickle=False) as npz:
        assert json.loads(npz["meta"].tobytes())["matcher"] is None
    kb, built = ensure(data_dir, None, cache)
    assert not built and kb.matcher.logreg is not None  # the scorer still comes from disk
    for question in ("min pns boleh ngelike postingan caleg di ig ga?", "mobil dinas kampanye"):
        query = fresh.normalize(question)
        want, got = fresh.matcher.rank(query, 3), kb.matcher.rank(query, 3)
        assert [(r.index, r.score, r.proba) for r in got] == [
            (r.index, r.score, r.proba) for r in want
        ]


def test_the_stored_matcher_is_used_as_it_was_built(packaged_cache: Path) -> None:
    cached, built = ensure(DATA_DIR, None, packaged_cache, frames_file=FRAMES_FILE)
    assert not built
    with np.load(_the_one_file(packaged_cache), allow_pickle=False) as npz:
        meta = json.loads(npz["meta"].tobytes())
        assert meta["matcher"]["c"] == "Matcher" and meta["learned"] is True
    kb = load_knowledge_base()
    # the learned matcher stays on disk until a question needs it
    assert cached._learned is None
    assert cached.ask("halo").intent == "greeting" and cached._learned is None
    for stored, built in ((cached.matcher, kb.matcher), (cached.learned, kb.learned)):
        assert stored is not None and built is not None
        assert stored.choices == built.choices
        assert stored.logreg is not None and built.logreg is not None
        assert np.array_equal(stored.logreg.weights, built.logreg.weights)
    # the learned matcher knows every example; the authored one none of them
    assert len(kb.learned.choices) > len(kb.matcher.choices) + 1000


def test_a_cache_file_gone_before_the_learned_matcher_is_needed_is_built_instead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "cache"
    ensure(DATA_DIR, None, folder)
    cached, built = ensure(DATA_DIR, None, folder)
    assert not built and cached._learned is None
    _the_one_file(folder).unlink()  # a new deploy pruned it while this worker ran
    with caplog.at_level(logging.WARNING, logger="knowledge.base"):
        learned = cached.learned
    assert learned is not None
    assert learned.choices == load_knowledge_base().learned.choices
    assert "learned matcher not read from the cache" in caplog.text


def test_a_cache_hit_has_the_entries_and_defects_the_data_files_give(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entries are stored as loaded, so a start parses no FAQ file: the same
    entries (every field, learned examples included) and the same load defects."""
    (data_dir / "rusak.toml").write_text('[[entry]]\nid = "Bad Id"\n', encoding="utf-8")
    (data_dir / "learned.jsonl").write_text(
        json.dumps(
            {
                "entry": "kampanye-mobil-dinas",
                "text": "kijang kantor dibawa ke posko relawan",
                "verdict": "dilarang",
                "from": "d0001",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    built, was_built = ensure(data_dir, None, tmp_path / "cache")
    assert was_built and built.load_defects
    assert any(e.examples for e in built.entries)

    def no_toml(_: Path) -> None:
        raise AssertionError("the FAQ files were parsed on a cache hit")

    monkeypatch.setattr("knowledge.base.load_entries", no_toml)
    cached, was_built = ensure(data_dir, None, tmp_path / "cache")
    assert not was_built
    assert cached.entries == built.entries
    assert cached.load_defects == built.load_defects
