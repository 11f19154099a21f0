"""On-disk cache of the costly part of building the knowledge base.

Normalizing every phrasing (the stemmer) and training the softmax model take
seconds at each start; the rest of the build is cheap. Their result
(``base.Prepared``) is stored in one ``.npz`` file: the model's weights as a
float32 array and everything else as UTF-8 JSON in a uint8 array. No pickle:
it is read with ``allow_pickle=False``, so a planted file cannot run code.

The file is named by a key: a hash of every file of the knowledge package
(its data: FAQ, lexicon, regulations and any other TOML; and its code), of the
FAQ folder when it is another one, and of the library versions the result
depends on. Changing any of them selects another file: invalidation needs no
step of its own. It is written to a temporary file and moved into place with
``os.replace``, so several workers starting at once read either nothing or a
whole file; on a miss they build one at a time (a lock file), the later ones
finding the first one's result. A file that cannot be read, or holds another
key, is logged in one line and rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from knowledge import snapshot
from knowledge.base import KnowledgeBase, Prepared, build_knowledge_base, knowledge_base_of
from knowledge.entries import Entry
from knowledge.logreg import LogReg
from knowledge.matcher import Matcher

FORMAT = 6  # 4: the learned examples and their matcher, read on first need;
# 5: each matcher keeps its phrasings per entry as typed (Matcher._raw);
# 6: the entries as loaded (and their load defects), so a start parses no FAQ TOML
PACKAGE_DIR = Path(__file__).parent
ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))
# (annotations are strings: entries.py has `from __future__ import annotations`)
ENTRY_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Entry)}
# Libraries whose version changes what is stored (stemmer, slang list, arrays).
LIBRARIES = ("numpy", "rapidfuzz", "PySastrawi", "indoNLP")
PREFIX = "kb-"
KEEP = 3  # cache files kept per folder (a rolling deploy runs two versions at once)
log = logging.getLogger(__name__)


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if path.is_file() and not any(p == "__pycache__" or p.startswith(".") for p in rel):
            yield path


def cache_key(data_dir: Path) -> str:
    """Hash of what the prepared part is built from: files, code and library versions."""
    h = hashlib.sha256()
    h.update(f"format {FORMAT} python {sys.version_info[:2]}\n".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name} {version}\n".encode())
    roots = [PACKAGE_DIR]
    if not Path(data_dir).resolve().is_relative_to(PACKAGE_DIR.resolve()):
        roots.append(Path(data_dir))
    for i, root in enumerate(roots):
        for path in _files(root):
            h.update(f"{i} {path.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return Path(cache_dir) / f"{PREFIX}{key[:32]}.npz"


def load_or_build(
    data_dir: Path,
    coverage_file: Path | None,
    cache_dir: Path,
    *,
    force: bool = False,
    frames_file: Path | None = None,
) -> KnowledgeBase:
    """The knowledge base, its costly part read from cache_dir when current, else
    built and stored there (force: built and stored whatever the cache holds)."""
    return ensure(data_dir, coverage_file, cache_dir, force=force, frames_file=frames_file)[0]


def ensure(
    data_dir: Path,
    coverage_file: Path | None,
    cache_dir: Path,
    *,
    force: bool = False,
    frames_file: Path | None = None,
) -> tuple[KnowledgeBase, bool]:
    """The knowledge base and whether it was built (False: read from the cache)."""
    key = cache_key(data_dir)
    path = cache_path(cache_dir, key)
    kb = None if force else _try_read(data_dir, coverage_file, path, key, frames_file=frames_file)
    if kb is not None:
        return kb, False
    with _build_lock(Path(cache_dir)):
        # Another worker may have built it while this one waited for the lock.
        kb = (
            None
            if force
            else _try_read(data_dir, coverage_file, path, key, quiet=True, frames_file=frames_file)
        )
        if kb is not None:
            return kb, False
        started = time.perf_counter()
        kb = build_knowledge_base(data_dir, coverage_file, frames_file=frames_file)
        _write(path, key, kb)
    log.info(
        "knowledge base built",
        extra={"seconds": round(time.perf_counter() - started, 2), "path": str(path)},
    )
    return kb, True


def _try_read(
    data_dir: Path,
    coverage_file: Path | None,
    path: Path,
    key: str,
    quiet: bool = False,
    frames_file: Path | None = None,
) -> KnowledgeBase | None:
    if not path.is_file():
        return None
    try:
        # Our own handle: np.load leaks the one it opens when the file is not a zip.
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
            meta = _meta(npz, key)
            prepared, ids = _decode(npz, meta, key, path)
            entries, defects = _loaded(meta)
    except Exception as exc:  # truncated, foreign, from another version: rebuild
        if not quiet:
            log.warning(
                "knowledge cache unreadable, rebuilding",
                extra={"path": str(path), "reason": f"{type(exc).__name__}: {exc}"[:200]},
            )
        return None
    # The entries as loaded when the cache was written: the key covers the data
    # files, and parsing their TOML again was a tenth of a second of every start.
    kb = knowledge_base_of(entries, defects, coverage_file, prepared, frames_file)
    if [e.id for e in kb.entries] != ids:
        # The key covers every file, so this is a file from elsewhere.
        log.warning(
            "knowledge cache does not fit the entries, rebuilding", extra={"path": str(path)}
        )
        return None
    return kb


def _meta(npz: Any, key: str) -> dict[str, Any]:
    if not {"meta", "weights"} <= set(npz.files):
        raise ValueError(f"unexpected members {sorted(npz.files)}")
    raw = npz["meta"]
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise ValueError("meta is not UTF-8 bytes")
    meta = json.loads(raw.tobytes().decode("utf-8"))
    if meta.get("format") != FORMAT or meta.get("key") != key:
        raise ValueError("written for other data or code")
    return meta


# The learned matcher's description, apart from "meta": parsing it costs memory
# that a start which never needs the learned matcher should not pay.
LEARNED_META = "learned_meta"
_NOT_ARRAYS = ("meta", "weights", LEARNED_META)


class _Members(Mapping[str, np.ndarray]):
    """The file's arrays, each read only when a snapshot asks for it: the learned
    matcher's arrays stay on disk until it is needed."""

    def __init__(self, npz: Any) -> None:
        self._npz = npz

    def __getitem__(self, name: str) -> np.ndarray:
        if name in _NOT_ARRAYS:
            raise KeyError(name)
        return self._npz[name]

    def __iter__(self) -> Iterator[str]:
        return (n for n in self._npz.files if n not in _NOT_ARRAYS)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _checked(matcher: Any, size: int, what: str) -> Matcher:
    if type(matcher) is not snapshot.Matcher or matcher.size != size:
        raise ValueError(f"the stored {what} does not fit the entries")
    return matcher


def _learned_loader(path: Path, key: str, size: int) -> Callable[[], Matcher]:
    def load() -> Matcher:
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
            if not _meta(npz, key).get("learned"):
                raise ValueError("no learned matcher stored")
            doc = json.loads(npz[LEARNED_META].tobytes().decode("utf-8"))
            return _checked(snapshot.load(doc, _Members(npz)), size, "learned matcher")

    return load


def _entry_json(entry: Entry) -> dict[str, Any]:
    row: dict[str, Any] = {f: getattr(entry, f) for f in ENTRY_FIELDS}
    row["reviewed"] = entry.reviewed.isoformat()
    return row


def _loaded(meta: dict[str, Any]) -> tuple[tuple[Entry, ...], list[str]]:
    """The entries and load defects stored beside the prepared part."""
    rows, defects = meta["loaded"], meta["load_defects"]
    if not isinstance(defects, list) or not all(isinstance(d, str) for d in defects):
        raise ValueError("load defects are not strings")
    entries = []
    for row in rows:
        if set(row) != set(ENTRY_FIELDS):
            raise ValueError("a stored entry has other fields")
        entries.append(Entry(**{f: _field(f, row[f]) for f in ENTRY_FIELDS}))
    return tuple(entries), defects


def _field(name: str, value: Any) -> Any:
    """One stored Entry field back in its own type; anything else is a foreign file."""
    kind = ENTRY_TYPES[name]
    if kind == "dt.date":
        return dt.date.fromisoformat(value)
    if kind == "str" and isinstance(value, str):
        return value
    if kind == "tuple[str, ...]" and isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return tuple(value)
    raise ValueError(f"stored entry field {name!r} is not a {kind}")


def _decode(npz: Any, meta: dict[str, Any], key: str, path: Path) -> tuple[Prepared, list[str]]:
    ids, phrasings, texts = meta["entries"], meta["phrasings"], meta["texts"]
    examples = meta["examples"]
    if not (len(ids) == len(phrasings) == len(texts) == len(examples)):
        raise ValueError("entry lists differ in length")
    if not all(isinstance(t, str) for t in texts) or not all(
        isinstance(p, list) and all(isinstance(t, str) for t in p) for p in (*phrasings, *examples)
    ):
        raise ValueError("phrasings are not lists of strings")
    loader = _learned_loader(path, key, len(ids)) if meta.get("learned") else None
    if meta.get("matcher") is not None:
        matcher = _checked(snapshot.load(meta["matcher"], _Members(npz)), len(ids), "matcher")
        return Prepared(
            phrasings, texts, matcher.logreg, matcher, examples, learned_loader=loader
        ), ids
    vocab = meta["logreg_vocab"]
    logreg = None if vocab is None else LogReg.from_weights(vocab, npz["weights"])
    if logreg is not None and logreg.classes != len(ids):
        raise ValueError("model classes differ from the entries")
    return Prepared(phrasings, texts, logreg, None, examples, learned_loader=loader), ids


def _write(path: Path, key: str, kb: KnowledgeBase) -> None:
    prepared = kb.prepared
    assert prepared is not None  # KnowledgeBase always fills it
    model = prepared.logreg
    try:
        state, arrays = snapshot.dump(kb.matcher)
        learned = kb.learned  # built here if it was not: the cache is the build step
        learned_state = None if learned is None else snapshot.dump(learned, arrays)[0]
    except snapshot.Unsupported as exc:  # the matcher changed shape: store the rest
        log.info("knowledge cache without the index", extra={"reason": str(exc)})
        state, arrays, learned_state = None, {}, None
    if state is not None:
        model = None  # its weights are in the matcher's state
    meta = {
        "format": FORMAT,
        "key": key,
        "entries": [e.id for e in kb.entries],
        "loaded": [_entry_json(e) for e in kb.entries],
        "load_defects": kb.load_defects,
        "phrasings": prepared.phrasings,
        "examples": prepared.examples,
        "texts": prepared.texts,
        "logreg_vocab": None if model is None else model.vocabulary(),
        "matcher": state,
        "learned": learned_state is not None,
    }
    blob = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    if learned_state is not None:
        arrays[LEARNED_META] = np.frombuffer(
            json.dumps(learned_state, ensure_ascii=False).encode("utf-8"), dtype=np.uint8
        )
    weights = np.zeros((0, 0), np.float32) if model is None else model.weights
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, meta=blob, weights=weights, **arrays)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:  # a read-only folder: serve from memory, say so once
        log.warning(
            "knowledge cache not written", extra={"path": str(path), "reason": exc.strerror}
        )
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(path)


def _prune(keep: Path) -> None:
    """Older cache files go; the newest KEEP stay (the one just written among them)."""
    try:
        files = sorted(
            keep.parent.glob(f"{PREFIX}*.npz"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in [p for p in files if p != keep][KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another worker pruned the same file


@contextlib.contextmanager
def _build_lock(cache_dir: Path) -> Iterator[None]:
    """One builder at a time per cache folder; no lock (and no wait) where none can be taken."""
    try:
        import fcntl

        cache_dir.mkdir(parents=True, exist_ok=True)
        fh = (cache_dir / "build.lock").open("a")
    except (ImportError, OSError):
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
