"""Multinomial logistic regression over word and bigram features, in numpy.

BM25 and naive Bayes weigh every word by how rare it is; neither learns
which word separates two neighbouring entries ("cltn", "rumah dinas",
"atasan"). A softmax model trained on the phrasings at load time does, and
its probability is one more feature in the matcher's blend.

Training is full-batch Adam from zero weights for a fixed number of steps:
no randomness, so two loads of the same data give the same model.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from itertools import pairwise

import numpy as np

MIN_DF = 2  # a feature seen in one phrasing only cannot generalize (and costs time)
L2 = 1e-5  # weak: the short training run (early stopping) is the main regularizer
STEPS = 30
LEARNING_RATE = 2.0
_BETA1, _BETA2, _EPS = 0.9, 0.999, 1e-8


def features(text: str) -> dict[str, float]:
    """Bias, words and adjacent word pairs of a normalized text, L2-normalised."""
    words = text.split()
    feats: dict[str, float] = {"": 1.0}  # the bias: every row has at least one feature
    for w in words:
        feats["w:" + w] = 1.0
    for a, b in pairwise(words):
        feats[f"b:{a} {b}"] = 1.0
    norm = math.sqrt(len(feats))
    return {k: v / norm for k, v in feats.items()}


@lru_cache(maxsize=8)
def _query_features(text: str) -> dict[str, float]:
    """features() of a question, remembered: the authored and the learned matcher's
    models read the same question (the same dict: only read, never changed)."""
    return features(text)


class LogReg:
    def __init__(self, texts: list[str], labels: list[int], classes: int) -> None:
        rows_feats = [features(t) for t in texts]
        df: Counter[str] = Counter(k for f in rows_feats for k in f)
        self.vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for r, feats in enumerate(rows_feats):
            for key, value in feats.items():
                if df[key] >= MIN_DF or key == "":
                    rows.append(r)
                    cols.append(self.vocab.setdefault(key, len(self.vocab)))
                    vals.append(value)
        self.classes = classes
        self.weights = np.zeros((len(self.vocab), classes), dtype=np.float32)
        if not texts or classes < 2:
            return
        # The design matrix is ~1% dense: products go through gathers and
        # reduceat in CSR (rows) and CSC (columns) order, not a dense matmul.
        row = np.asarray(rows, dtype=np.intp)
        col = np.asarray(cols, dtype=np.intp)
        val = np.asarray(vals, dtype=np.float32)[:, None]
        n = len(texts)
        row_starts = np.searchsorted(row, np.arange(n))
        by_col = np.argsort(col, kind="stable")
        col_row, col_val = row[by_col], val[by_col]
        col_starts = np.searchsorted(col[by_col], np.arange(len(self.vocab)))
        target = np.zeros((n, classes), dtype=np.float32)
        target[np.arange(n), labels] = 1.0
        w = self.weights
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        for step in range(1, STEPS + 1):
            z = np.add.reduceat(w[col] * val, row_starts)
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            g = (p - target) / n
            grad = np.add.reduceat(g[col_row] * col_val, col_starts) + L2 * w
            m = _BETA1 * m + (1 - _BETA1) * grad
            v = _BETA2 * v + (1 - _BETA2) * grad * grad
            m_hat = m / (1 - _BETA1**step)
            v_hat = v / (1 - _BETA2**step)
            w -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + _EPS)

    @classmethod
    def from_weights(cls, vocab: list[str], weights: np.ndarray) -> LogReg:
        """A trained model back from its feature names (in row order) and weights,
        as `vocabulary()` and `weights` gave them: the on-disk cache's way in."""
        if weights.ndim != 2 or weights.shape[0] != len(vocab) or len(set(vocab)) != len(vocab):
            raise ValueError("weights do not fit the vocabulary")
        model = cls.__new__(cls)
        model.vocab = {key: i for i, key in enumerate(vocab)}
        model.classes = int(weights.shape[1])
        model.weights = np.ascontiguousarray(weights, dtype=np.float32)
        return model

    def vocabulary(self) -> list[str]:
        """Feature names in the order of the weights' rows."""
        return sorted(self.vocab, key=self.vocab.__getitem__)

    def proba(self, text: str) -> np.ndarray:
        """P(entry | text); zeros when no word of the text is known (the bias alone
        would only say which entry has the most phrasings)."""
        feats = _query_features(text)
        vocab = self.vocab
        known = [(i, x) for k, x in feats.items() if (i := vocab.get(k)) is not None]
        if len(known) <= 1:
            return np.zeros(self.classes, dtype=np.float64)
        idx = [i for i, _ in known]
        x = np.asarray([x for _, x in known], dtype=np.float32)
        z = (x @ self.weights[idx]).astype(np.float64)
        z -= z.max()
        p = np.exp(z)
        return p / p.sum()
