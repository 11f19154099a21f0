"""The built matcher's state as JSON plus numpy arrays, and back (no pickle).

Building the matcher's index from the phrasings (character n-grams, BM25,
naive Bayes postings) costs about a third of a second and leaves ~15 MB of
garbage in the heap at every start; knowledge/cache.py stores the result
with this codec. It walks an object's attributes and knows plain values,
lists, tuples, str-keyed dicts, Counters, sets of str, numpy arrays and
scalars, and instances of the few classes in ``CLASSES`` (rebuilt without
running their ``__init__``). Anything else raises ``Unsupported``: the cache
then stores only the phrasings and the scorer, and the index is built at
start as before. The cache key covers the code, so a state is only ever
read by the code that wrote it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np

from knowledge.logreg import LogReg
from knowledge.matcher import Matcher
from knowledge.postings import Postings

CLASSES: dict[str, type] = {"Matcher": Matcher, "Postings": Postings, "LogReg": LogReg}
_SCALARS = (str, int, float, bool, type(None))


class Unsupported(TypeError):
    """A value the codec does not know; the caller stores no state."""


def dump(
    obj: object, arrays: dict[str, np.ndarray] | None = None
) -> tuple[Any, dict[str, np.ndarray]]:
    """(JSON-able description, arrays to store beside it). Given ``arrays``, the new
    ones join them under names not yet used (two objects in one file)."""
    arrays = {} if arrays is None else arrays
    return _enc(obj, arrays), arrays


def load(doc: Any, arrays: Mapping[str, np.ndarray]) -> Any:
    """The object ``doc`` describes; ``arrays`` is read only for the names it uses."""
    return _dec(doc, arrays)


def _array(value: np.ndarray, arrays: dict[str, np.ndarray]) -> str:
    if value.dtype.hasobject:
        raise Unsupported("object array")
    name = f"s{len(arrays)}"
    arrays[name] = value
    return name


def _enc(value: Any, arrays: dict[str, np.ndarray]) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, np.ndarray):
        return {"~": "nd", "a": _array(value, arrays)}
    if isinstance(value, np.generic):
        return {"~": "np", "a": _array(np.asarray(value).reshape(1), arrays)}
    if kind in (list, tuple):
        return {"~": kind.__name__, "v": [_enc(v, arrays) for v in value]}
    if kind in (set, frozenset):
        if not all(type(v) is str for v in value):
            raise Unsupported("set of non-str")
        return {"~": kind.__name__, "v": sorted(value)}
    if kind in (dict, Counter):
        if not all(type(k) is str for k in value):
            raise Unsupported("dict key that is not a str")
        keys = list(value)
        parts = list(value.values())
        if kind is dict and parts and _same_vectors(parts):
            # Postings: many short arrays, stored as one array and its bounds.
            bounds = np.cumsum([0] + [len(p) for p in parts])
            flat = _array(np.concatenate(parts), arrays)
            return {"~": "vectors", "k": keys, "a": flat, "b": _array(bounds, arrays)}
        return {"~": kind.__name__, "k": keys, "v": [_enc(v, arrays) for v in parts]}
    name = kind.__name__
    if CLASSES.get(name) is kind and hasattr(value, "__dict__"):
        return {"~": "obj", "c": name, "d": _enc(dict(vars(value)), arrays)}
    raise Unsupported(f"{name} value")


def _same_vectors(parts: list[Any]) -> bool:
    first = parts[0]
    return isinstance(first, np.ndarray) and all(
        isinstance(p, np.ndarray) and p.ndim == 1 and p.dtype == first.dtype for p in parts
    )


def _dec(doc: Any, arrays: Mapping[str, np.ndarray]) -> Any:
    if not isinstance(doc, dict):
        if isinstance(doc, list):
            raise ValueError("untagged list in a snapshot")
        return doc
    tag = doc["~"]
    if tag == "nd":
        return arrays[doc["a"]]
    if tag == "np":
        return arrays[doc["a"]][0]
    if tag in ("list", "tuple"):
        items = [_dec(v, arrays) for v in doc["v"]]
        return items if tag == "list" else tuple(items)
    if tag in ("set", "frozenset"):
        return set(doc["v"]) if tag == "set" else frozenset(doc["v"])
    if tag in ("dict", "Counter"):
        pairs = zip(doc["k"], (_dec(v, arrays) for v in doc["v"]), strict=True)
        return dict(pairs) if tag == "dict" else Counter(dict(pairs))
    if tag == "vectors":
        flat, bounds = arrays[doc["a"]], arrays[doc["b"]]
        if len(bounds) != len(doc["k"]) + 1:
            raise ValueError("vector bounds do not fit their keys")
        return {k: flat[bounds[i] : bounds[i + 1]] for i, k in enumerate(doc["k"])}
    if tag == "obj":
        cls = CLASSES[doc["c"]]  # only these classes: nothing else is ever built
        obj = cls.__new__(cls)
        state = _dec(doc["d"], arrays)
        if not isinstance(state, dict):
            raise ValueError("object state is not a dict")
        obj.__dict__.update(state)
        return obj
    raise ValueError(f"unknown tag {tag!r}")
