"""The ask path's speed-ups must not change what a person is told: each is held here
to the plain way of computing the same thing, to the last bit (a different order of
floating-point additions, or of the phrases tried, would change an answer somewhere).

- the matcher's four word features (cover, answer, BM25, naive Bayes) scored in one
  bincount over stacked postings, against one postings index per feature;
- character n-grams counted by Counter's C loop, against adding them one by one
  (their order is the order a query's n-gram scores are summed in);
- the normalizer's phrases narrowed by the next word, against trying every phrase
  that begins with the word.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

import numpy as np

from knowledge import KnowledgeBase
from knowledge import matcher as m
from knowledge.normalize import Normalizer, _possessive_base
from knowledge.postings import Postings, ngrams, softmax

QUESTIONS = Path(__file__).parent.parent / "eval" / "questions.jsonl"


def _questions() -> list[str]:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    return [r["question"] for r in rows if r.get("question")]


def _bits(values: np.ndarray) -> bytes:
    return np.ascontiguousarray(values, dtype=np.float64).tobytes()


def test_word_features_are_one_postings_per_feature(kb: KnowledgeBase) -> None:
    matcher = kb.matcher
    phrasings, texts = kb.phrasings, kb._texts
    n = matcher.size
    # The features as the matcher computed them before they were stacked.
    bags = [frozenset(w for c in items for w in c.split()) for items in phrasings]
    cover = Postings([dict.fromkeys(bag, 1.0) for bag in bags])
    answer = Postings([dict.fromkeys(frozenset(t.split()), 1.0) for t in texts])
    bm25 = Postings(
        [matcher._bm25_row(tf, matcher._doc_len[i]) for i, tf in enumerate(matcher._doc_tf)]
    )
    nb = Postings(
        [{w: math.log1p(c / m.NB_ALPHA) for w, c in tf.items()} for tf in matcher._doc_tf]
    )
    asked = 0
    for question in _questions()[:300]:
        query = kb.normalizer.normalize(question)
        if not query:
            continue
        asked += 1
        weights = {w: matcher.idf(w) for w in m.distinct_words(query)}
        total = sum(weights.values()) or 1.0
        known = Counter(w for w in query.split() if w in matcher._nb_vocab)
        logp = sum(known.values()) * matcher._nb_base + nb.dot(dict(known)) if known else None
        expected = {
            "cover": cover.dot(weights) / total,
            "answer": answer.dot(weights) / total,
            "bm25": bm25.dot(weights) / (total * (m.BM25_K1 + 1)),
            "nb": softmax(logp, n, m.NB_TEMPERATURE),
        }
        got = matcher.entry_features(query)
        for name, values in expected.items():
            assert _bits(got[name]) == _bits(values), (name, question)
        assert (matcher._nb_loglik(query.split()) is None) == (logp is None)
        if logp is not None:
            assert _bits(matcher._nb_loglik(query.split())) == _bits(logp), question
    assert asked > 250


def _ngrams_one_by_one(text: str, n: int) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in text.split():
        padded = f" {word} "
        if len(padded) <= n:
            grams[padded] += 1
            continue
        for i in range(len(padded) - n + 1):
            grams[padded[i : i + n]] += 1
    return grams


def test_ngrams_are_counted_in_the_order_they_first_appear(kb: KnowledgeBase) -> None:
    texts = [kb.normalizer.normalize(q) for q in _questions()[:400]]
    texts += ["", "a", "a b", "ab  ba ab", "x y z xyz zyx x"]
    for text in texts:
        for n in (2, 3, 4):
            assert list(ngrams(text, n).items()) == list(_ngrams_one_by_one(text, n).items())


def _phrases_every_one(normalizer: Normalizer, text: str) -> str:
    """Normalizer._phrases on plain text as it was: every phrase beginning with the
    word tried, in order."""
    first = normalizer._phrase_first
    assert first is not None
    tokens = text.split(" ")
    out: list[str] = []
    i, size = 0, len(tokens)
    while i < size:
        for words, replacement in first.get(tokens[i], ()):
            found = tokens[i : i + len(words)]
            if found == words or (
                len(words) > 1
                and len(found) == len(words)
                and found[:-1] == words[:-1]
                and found[-1] != words[-1]
                and _possessive_base(found[-1]) == words[-1]
            ):
                out.append(replacement)
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def test_phrases_narrowed_by_the_next_word_read_as_every_phrase_tried(
    kb: KnowledgeBase,
) -> None:
    normalizer = kb.normalizer
    phrases = [p.split() for p, _ in normalizer.lex.phrases if p.replace(" ", "").isalnum()]
    words = sorted({w for p in phrases for w in p})
    rng = random.Random(13)
    for _ in range(20_000):
        tokens: list[str] = []
        for _ in range(rng.randint(1, 5)):
            if rng.random() < 0.6:
                said = list(rng.choice(phrases))
                if rng.random() < 0.4:  # "tim suksesnya", "tim kampanyeku"
                    said[-1] += rng.choice(("nya", "ku", "mu", "lah"))
                if rng.random() < 0.2 and len(said) > 1:  # a phrase cut short
                    said.pop()
                tokens += said
            else:
                tokens.append(rng.choice(words))
        text = " ".join(t.lower() for t in tokens)
        if not text.replace(" ", "").isalnum() or not text.isascii():
            continue
        assert normalizer._phrases(text) == _phrases_every_one(normalizer, text), text
