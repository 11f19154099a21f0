"""Matcher: normalized query against every entry's normalized phrasings.

Each entry contributes its canonical question and all alternates as
choices. A query gets a few scores per entry, each in 0..1, blended with
fixed weights:

- `sort`:  best rapidfuzz token_sort_ratio over the entry's phrasings
           (word order free, penalises extra or missing words);
- `set`:   best token_set_ratio (a subset scores 100, so it only counts
           from MIN_SET_TERMS query terms on);
- `char`:  best cosine of character 3-gram TF-IDF vectors (typos, affixes
           the stemmer missed, "ngelike" vs "like");
- `cover`: share of the query's IDF mass found anywhere in the entry's
           phrasings (rare words such as "baliho" or "ktp" decide);
- `answer`: the same share against the entry's own question and answer
           text, which holds words no alternate used.

Word and n-gram lookups go through postings lists and numpy bincount, so a
query costs a few cdist calls plus O(matching postings), not a Python loop
over every choice.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from knowledge.logreg import LogReg
from knowledge.postings import Postings, ngrams, softmax

# ---------------------------------------------------------------------------
# Every tunable number lives here. Calibrated 2026-11-25 on the real data
# (155 entries) and tests/eval/questions.jsonl (585 in-scope and 68
# off-topic questions):
#   rank-1 (best entry right, before any threshold) 84.6%, top-3 92.3%.
#   Features alone (rank-1 on the questions / on held-out alternates):
#   bm25 82.6/88, nb 82.6/83, cover 79/74, char 76/77, sort 61/60,
#   set 61/63, answer 50/65. The blend below: 84.6 / 91.7; a grid search
#   found blends 0.7 points better on the questions but worse on held-out
#   alternates, so this one stays (less fitted to one question set).
#   T1 trade-off (top-1 answered right / off-topic answered honestly):
#   0.34 -> 82.1/88.2, 0.36 -> 80.7/89.7, 0.37 -> 79.8/91.2,
#   0.38 -> 79.1/94.1, 0.42 -> 76.6/95.6.
#   A real margin rule cost more top-1 than it saved (0.04: -3 points top-1
#   for +3 honest), so MARGIN only breaks near-ties.
# Recalibrated after merging twin entries (141 entries), tuned on the
# even-numbered lines of questions.jsonl only (odd lines held out):
#   ANSWER_TF 0.5 -> 0.25 (answer text was outvoting the phrasings):
#   rank-1 83.6% -> 85.0% on the tuning half. A second, margin-based path
#   (CLEAR_*) answers clear winners below T1. Without the length condition
#   it let short off-topic questions through on the held-out half; limited
#   to long questions it adds +4 answered right on the tuning half at the
#   same honest-unknown count. A lower T1 instead answers more off-topic.
# After 983 more alternates (6-8 per entry, written from each entry's own
# question and answer, never from the eval set), tuned on the even half:
#   T1 0.37 -> 89.4/88.2, 0.39 -> 89.4/91.2, 0.41 -> 89.4/91.2, 0.43 -> 89.4/94.1
#   (top-1 / honest; the long-question path keeps top-1 flat as T1 rises).
#   0.41 on the held-out odd half: 89.0/97.1; on all 709: 89.2/94.1.
# Normalizer fixes and three merges (138 entries), tuned on the even half:
#   negations kept as "tidak"/"belum" unless a question particle ("boleh
#   gak"): even top-1 89.4 either way, held-out phrasings (own entry first
#   with the phrasing held out) 89.2% vs 89.0% when all negations are
#   dropped; uu/undang-undang, setelah/sebelum, kadis, ngisi, ajakan,
#   membagikan, leading-only English "who": held-out 88.4% -> 89.5%.
#   Merges (grup/akun pemenangan, relawan/tim pemenangan, hak pilih/hak
#   politik) and 4 answer-derived alternates for lapor-ke-mana: even
#   89.4 -> 89.8 top-1, 96.2 -> 96.9 top-3, honest 91.2.
#   A one-weight-at-a-time sweep (+-0.1/0.2) and T1 0.37-0.41 x
#   CLEAR_MIN_TERMS 5-8 x CLEAR_MARGIN 0.03-0.06 moved top-1 by at most
#   +1 question, at the cost of honest unknowns or held-out phrasings, so
#   the numbers below stay. Odd half 89.7/97.6/94.1; all 709: 89.7/97.3/92.6.
# A softmax model (knowledge/logreg.py: words + bigrams seen in >= 2
#   phrasings, L2 1e-5, 30 full-batch Adam steps at rate 2.0, trained on
#   every phrasing at load, ~1.1 s on one core) adds the `lr` feature; its
#   weight 0.13 equals blending (score + 0.1 * P) / 1.1 with the rest
#   unchanged. Tuned on the even half only (odd half run once):
#   alone it is rank-1 243/286 on the even half (bm25 is better); in the
#   blend, weight 0.1/0.15/0.2 -> even top-1 260/260/257 of 286 (was 256),
#   honest 31/34 unchanged; stronger L2 (1e-3) or no L2 made it worse.
#   Held-out phrasings (5 folds of alternates, model retrained per fold):
#   rank-1 88.0% -> 88.4%. Even 90.9/97.2/91.2, odd 90.5/98.2/94.1,
#   all 709: top-1 90.8% (531/585), top-3 97.6%, honest 92.6%, tips 100%.
#   leave_one_out() and check's held-out scores run without it (0).
# Answer decision, tuned on the even half only (odd half run once): a
#   second below-T1 path (LR_CLEAR_*) answers a mid-length question (>= 6
#   terms) whose best entry also has the softmax model's vote (P >= 0.3).
#   Every setting in score 0.25-0.32 x margin 0.03-0.09 x P 0.2-0.35 x
#   terms 6-7 gives the same even result: top-1 267 -> 268 of 293,
#   answered wrong 17 -> 17, honest 31/34; terms 5 lets "daftar cpns" in.
#   Demoting low-margin answers above T1 when the model prefers the
#   runner-up cut answered-wrong 17 -> 12-16 but always cost a right
#   answer (top-1 back to 267), so above T1 nothing changed.
#   Odd half 264/292 (unchanged), 20 answered wrong (unchanged), honest
#   32/34. All 709: top-1 90.9% (532/585, was 531), rank-1 92.0%, top-3
#   97.6%, answered wrong 37/585 (unchanged), honest 92.6%, tips 100%.
# Second round of phrasings (+771, new people, places and situations, written
# from each entry's own answer; never from the eval set). Even half, T1 sweep
# (top-1 / answered wrong / honest): 0.41 264/23/28, 0.45 264/21/30,
# 0.47 263/20/30, 0.49 261/20/31 of 293 and 34. 0.49 is the lowest T1 that
# keeps honest unknown >= 90% on the tuning half. All 709 at 0.49: top-1
# 90.3% (528/585), answered wrong 35 (was 37), honest 94.1% (64/68).
# Stemmer fixes (keberatan, bagian, kepegawaian protected; temani -> dampingi;
# English "fine" -> boleh): even half at 0.49 262/19/31; all 709: top-1
# 90.4% (529/585), answered wrong 34, honest 94.1%.
# Third round of phrasings (+1,443, 8-12 per entry, aimed at the neighbours
# kb.check(strict=True) named; never from the eval set), "daftar pppk/cpns"
# read as recruitment (off topic), "mau lapor ke bawaslu, caranya?" a
# question. Even half (top-1 / answered wrong / honest of 293 and 34):
# 0.49 273/13/30, 0.50 272/13/30, 0.51 272/12/32, 0.52 271/12/32; 0.51 is
# the lowest T1 keeping honest >= 90% on the tuning half. Odd half (run once)
# 268/292, 14 wrong, 33/34; all 709: top-1 92.3% (540/585), rank-1 93.8%,
# top-3 98.5%, answered wrong 26, honest 95.6%. Word 4-grams in the softmax
# model and 60 training steps: +1 even question at 4x the training time, so
# not taken; its weight 0.3 or 0.5: fewer wrong answers but no more right
# ones once T1 is recalibrated (rank-1 unchanged).
# Off-topic words now count as an entry's subject only when its question or
# answer says them or at least 2 phrasings do (base.OFFTOPIC_MIN_PHRASINGS):
# one aside ("baru lulus tes cpns") made "jadwal tes cpns" an answer. Even
# half unchanged but one fewer wrong answer (272/11/32); all 709: 540/585,
# answered wrong 25, honest 65/68.
ANSWER_THRESHOLD = 0.51  # T1: answer directly at or above this
SUGGEST_THRESHOLD = 0.25  # T2: "did you mean" between T2 and T1; below: honest unknown
MARGIN = 0.005  # best must beat the runner-up entry by this much to be answered...
MARGIN_OVERRIDE = 0.60  # ...unless the best is at least this sure
# Below T1 a long question with a clear winner is still answered: at least
# CLEAR_MIN_TERMS content terms, at least CLEAR_THRESHOLD, and CLEAR_MARGIN
# ahead of the runner-up. A long chatty question scores low on every entry
# (most of its words are story, not topic) yet one entry stands out; short
# off-topic questions ("cara perpanjang sim") never take this path.
CLEAR_MIN_TERMS = 8
CLEAR_THRESHOLD = 0.25
CLEAR_MARGIN = 0.04
# A second clear-winner path below T1 for mid-length questions: at least
# LR_CLEAR_MIN_TERMS content terms, LR_CLEAR_THRESHOLD, LR_CLEAR_MARGIN ahead
# of the runner-up, and the softmax model gives the entry at least
# LR_CLEAR_PROBA (it learned which words separate neighbours; with 137
# entries 0.3 is a strong vote). Short off-topic questions that the model
# likes ("daftar cpns", 5 terms) stay out.
LR_CLEAR_MIN_TERMS = 6
LR_CLEAR_THRESHOLD = 0.28
LR_CLEAR_MARGIN = 0.05
LR_CLEAR_PROBA = 0.3
MIN_SET_TERMS = 2  # token_set_ratio gives 100 to any subset: trust it from 2 terms
WEIGHTS = {
    "sort": 0.2,
    "set": 0.0,
    "char": 0.2,
    "cover": 0.2,
    "answer": 0.1,
    "bm25": 0.5,
    "nb": 0.1,
    "lr": 0.13,
}
NB_ALPHA = 0.1  # additive smoothing of the naive Bayes word model
NB_TEMPERATURE = 1.0
BM25_K1 = 2.0
BM25_B = 0.9
ANSWER_TF = 0.25  # an answer word counts a quarter of a phrasing word in BM25
NGRAM = 3
FUZZY_CANDIDATES = 60  # entries that get the (costly) rapidfuzz scores; see scores()
# The softmax model's weights are (features x entries): at 50x the real
# knowledge base that is gigabytes and minutes of training, so above this
# many entries it is not trained and its feature is 0.
LOGREG_MAX_ENTRIES = 500
# ---------------------------------------------------------------------------

FEATURES = tuple(WEIGHTS)
# The naive Bayes keys' prefix in the word postings (Matcher._words): a space, which
# no word holds.
NB_KEY = "nb "
_WEIGHT_SUM = sum(WEIGHTS.values())  # what a blend divides by (the same sum, once)
# What the rapidfuzz scores (each 0..1) can add to an entry's blended score at
# most, with a little room so rounding can never make the bound too low: an
# entry whose score without them is below (floor - this) cannot reach the floor.
FUZZY_HEADROOM = (WEIGHTS["sort"] + WEIGHTS["set"]) / sum(WEIGHTS.values()) + 1e-9
CHAR_HEADROOM = FUZZY_HEADROOM + WEIGHTS["char"] / sum(WEIGHTS.values())  # ...and n-grams


@dataclass(frozen=True, slots=True)
class Scored:
    index: int  # position of the entry in the knowledge base
    score: float
    proba: float = 0.0  # the softmax model's P(entry | query), 0 when it is not trained


def sort_words(text: str) -> str:
    """The text's words in sorted order: what token_sort_ratio compares."""
    return " ".join(sorted(text.split()))


@lru_cache(maxsize=8)
def _sorted_query(text: str) -> str:
    """sort_words of a query, remembered: every rapidfuzz call of a ranking, and the
    second matcher's ranking of the same question, use it."""
    return sort_words(text)


@lru_cache(maxsize=8)
def _query_grams(text: str) -> Counter[str]:
    """The query's character n-grams, remembered for the second matcher's ranking of
    the same question (the same Counter: only read, never changed)."""
    return ngrams(text, NGRAM)


def distinct_words(text: str) -> tuple[str, ...]:
    """The text's words once each, in the order they first appear.

    Not a set: floating-point sums depend on the order of their terms, and a
    set of strings iterates in an order that changes with each process's hash
    seed (PYTHONHASHSEED), so scores summed over one differed in the last bits
    from one run to the next, enough to break a tie or move a rounded score.
    """
    return tuple(dict.fromkeys(text.split()))


class Matcher:
    def __init__(
        self,
        phrasings: list[list[str]],
        texts: list[str] | None = None,
        discriminative: bool = True,
        logreg: LogReg | None = None,
    ) -> None:
        """phrasings[i]: normalized phrasings of entry i; texts[i]: its normalized answer.

        discriminative=False skips training the softmax model (its feature is
        then 0): leave_one_out builds one Matcher per phrasing and cannot
        afford a second of training each. `logreg`: the softmax model already
        trained on these phrasings (from knowledge/cache.py), used instead of training.
        """
        choices: list[str] = []
        starts: list[int] = []
        owners: list[int] = []
        for i, items in enumerate(phrasings):
            starts.append(len(choices))
            unique = list(dict.fromkeys(t for t in items if t)) or [""]
            choices.extend(unique)
            owners.extend([i] * len(unique))
        self.choices = choices
        self.size = len(phrasings)
        self.owners = np.asarray(owners, dtype=np.intp)
        self._starts = np.asarray(starts, dtype=np.intp)
        self._counts = np.diff(np.append(self._starts, len(choices)))
        # token_sort_ratio sorts both texts' words on every call; a phrasing's
        # words are sorted once here, and a query's once per ask, so fuzz.ratio
        # on the sorted texts gives the same score at a tenth of the cost.
        # Kept per entry: a query scores only its candidate entries' phrasings.
        self._sorted = [
            [sort_words(c) for c in choices[start : start + count]]
            for start, count in zip(starts, self._counts.tolist(), strict=True)
        ]
        # The phrasings as typed, per entry as well: token_set_ratio scores a query's
        # candidate entries' phrasings, and gathering them choice by choice through
        # entry_choices cost as much as the scoring.
        self._raw = [
            choices[start : start + count]
            for start, count in zip(starts, self._counts.tolist(), strict=True)
        ]
        n = max(1, self.size)

        # Word IDF over entries (not phrasings): a word an entry repeats in
        # all its alternates is not thereby rare.
        bags = [frozenset(w for c in items for w in c.split()) for items in phrasings]
        df: Counter[str] = Counter(w for bag in bags for w in bag)
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self._idf_unknown = math.log(1 + n)
        cover_rows = [dict.fromkeys(bag, 1.0) for bag in bags]
        answer_bags = [frozenset(t.split()) for t in (texts or [""] * self.size)]
        answer_rows = [dict.fromkeys(bag, 1.0) for bag in answer_bags]

        # BM25 over one document per entry: its phrasings plus (lighter) its answer.
        self._doc_tf: list[Counter[str]] = []
        for items, text in zip(phrasings, texts or [""] * self.size, strict=True):
            tf: Counter[str] = Counter()
            for c in items:
                tf.update(c.split())
            for w in text.split():
                tf[w] += ANSWER_TF
            self._doc_tf.append(tf)
        self._doc_len = np.asarray([sum(tf.values()) for tf in self._doc_tf], dtype=np.float64)
        self._avg_len = float(self._doc_len.mean()) if self.size else 1.0
        bm25_rows = [self._bm25_row(tf, self._doc_len[i]) for i, tf in enumerate(self._doc_tf)]

        # Multinomial naive Bayes over the same documents. log P(w|e) splits into
        # a per-entry base (word unseen in e) plus a sparse bonus where e has w,
        # so memory stays O(postings) even at 50x the entries.
        vocab_size = len({w for tf in self._doc_tf for w in tf}) or 1
        denom = self._doc_len + NB_ALPHA * vocab_size
        self._nb_base = np.log(NB_ALPHA / np.maximum(denom, 1e-9))
        nb_rows = [
            {NB_KEY + w: math.log1p(c / NB_ALPHA) for w, c in tf.items()} for tf in self._doc_tf
        ]
        self._nb_vocab = frozenset(w for tf in self._doc_tf for w in tf)
        # The four word features' postings in one index, rows stacked (cover, answer,
        # BM25, naive Bayes: entry i of feature f is row f * size + i) and scored in
        # one bincount: four dots' fixed cost was a fifth of the entry features. A bin
        # gets the same products in the same order (the query's words) as in a
        # postings of its feature alone, so every score is the same to the last bit.
        # Naive Bayes weighs a word by its count, not its IDF: its keys are apart.
        self._words = Postings(chain(cover_rows, answer_rows, bm25_rows, nb_rows))

        # Character n-gram TF-IDF per phrasing, L2-normalised.
        # Two passes over the phrasings instead of keeping 60k Counters alive.
        gdf: Counter[str] = Counter()
        for c in choices:
            gdf.update(ngrams(c, NGRAM).keys())
        total = max(1, len(choices))
        self._gidf = {g: math.log(1 + total / c) for g, c in gdf.items()}
        self._char = Postings(self._unit(ngrams(c, NGRAM)) for c in choices)

        # Softmax model over every phrasing, labelled with its entry.
        self._logreg: LogReg | None = logreg
        if (
            logreg is None
            and discriminative
            and WEIGHTS["lr"] > 0
            and 1 < self.size <= LOGREG_MAX_ENTRIES
        ):
            texts_, labels = [], []
            for i, items in enumerate(phrasings):
                for t in items:
                    if t:
                        texts_.append(t)
                        labels.append(i)
            self._logreg = LogReg(texts_, labels, self.size)

    @property
    def logreg(self) -> LogReg | None:
        """The softmax model, None when it is not trained (small or huge bases)."""
        return self._logreg

    def _bm25_row(self, tf: Counter[str], length: float) -> dict[str, float]:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / max(self._avg_len, 1e-9))
        return {w: c * (BM25_K1 + 1) / (c + norm) for w, c in tf.items()}

    def _unit(self, grams: Counter[str]) -> dict[str, float]:
        vec = {g: (1 + math.log(c)) * self._gidf.get(g, 0.0) for g, c in grams.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def idf(self, word: str) -> float:
        return self._idf.get(word, self._idf_unknown)

    def entry_choices(self, index: int) -> range:
        """Positions in `choices` of one entry's phrasings."""
        end = int(self._starts[index + 1]) if index + 1 < self.size else len(self.choices)
        return range(int(self._starts[index]), end)

    def choice_features(self, query: str) -> dict[str, np.ndarray]:
        """Phrasing-level features of one query (one value per choice)."""
        n = len(self.choices)
        feats = {name: np.zeros(n, dtype=np.float64) for name in ("sort", "set", "char")}
        if not query or not n:
            return feats
        every = np.arange(self.size)
        for name, values in self._fuzzy(query, every, per_entry=False).items():
            feats[name][:] = values
        feats["char"] = self._char_scores(query)
        return feats

    def _char_scores(self, query: str) -> np.ndarray:
        """Cosine of the query's character n-gram vector with every phrasing's."""
        return self._char.dot(self._unit(_query_grams(query)))

    def _fuzzy(
        self, query: str, entries: np.ndarray, per_entry: bool = True
    ) -> dict[str, np.ndarray]:
        """The rapidfuzz scores (0..1) of the phrasings of `entries` (ascending
        positions when per_entry is False, which returns one value per phrasing
        of those entries, in order); per_entry: each entry's best, 0 elsewhere.
        """
        counts = self._counts[entries]
        chosen = entries.tolist()
        texts = list(chain.from_iterable(self._sorted[i] for i in chosen))
        feats: dict[str, np.ndarray] = {}
        if WEIGHTS["sort"] > 0 or WEIGHTS["set"] > 0:
            sort = cdist([_sorted_query(query)], texts, scorer=fuzz.ratio, dtype=np.float32)[0]
            feats["sort"] = sort / 100.0
        if WEIGHTS["set"] > 0:
            if len(set(query.split())) >= MIN_SET_TERMS:
                raw = list(chain.from_iterable(self._raw[i] for i in chosen))
                tset = cdist([query], raw, scorer=fuzz.token_set_ratio, dtype=np.float32)[0]
                feats["set"] = tset / 100.0
            else:
                feats["set"] = feats["sort"].copy()
        if not per_entry:
            return feats
        bounds = np.concatenate(([0], np.cumsum(counts)[:-1]))
        out: dict[str, np.ndarray] = {}
        for name, values in feats.items():
            out[name] = np.zeros(self.size, dtype=np.float64)
            out[name][entries] = np.maximum.reduceat(values, bounds)
        return out

    def entry_features(self, query: str) -> dict[str, np.ndarray]:
        """Entry-level features that do not come from one phrasing."""
        weights = {w: self.idf(w) for w in distinct_words(query)}
        total = sum(weights.values()) or 1.0
        known = self._nb_known(query.split())
        n = self.size
        dot = self._words.dot(weights | {NB_KEY + w: c for w, c in known.items()})
        return {
            "cover": dot[:n] / total,
            "answer": dot[n : 2 * n] / total,
            "bm25": dot[2 * n : 3 * n] / (total * (BM25_K1 + 1)),
            "nb": softmax(self._nb_logp(known, dot[3 * n :]), n, NB_TEMPERATURE),
            "lr": (
                self._logreg.proba(query)
                if self._logreg is not None
                else np.zeros(self.size, dtype=np.float64)
            ),
        }

    def _nb_loglik(self, words: list[str]) -> np.ndarray | None:
        """log P(query | entry) under the naive Bayes model, None if no word is known."""
        known = self._nb_known(words)
        dot = self._words.dot({NB_KEY + w: c for w, c in known.items()})
        return self._nb_logp(known, dot[3 * self.size :])

    def _nb_known(self, words: list[str]) -> Counter[str]:
        """The words the naive Bayes model knows, with their counts (first seen first)."""
        return Counter(w for w in words if w in self._nb_vocab)

    def _nb_logp(self, known: Counter[str], dot: np.ndarray) -> np.ndarray | None:
        """_nb_loglik from the known words and their naive Bayes rows of the word dot."""
        if not known or not self.size:
            return None
        return sum(known.values()) * self._nb_base + dot

    def blend(
        self, per_choice: dict[str, np.ndarray], per_entry: dict[str, np.ndarray]
    ) -> np.ndarray:
        """Blended score of every entry from phrasing-level and entry-level features."""
        return self._blend({k: self._best(v) for k, v in per_choice.items()}, per_entry)

    def _best(self, values: np.ndarray) -> np.ndarray:
        """Each entry's best value over its phrasings."""
        return np.maximum.reduceat(values, self._starts) if len(values) else values

    def _blend(self, best: dict[str, np.ndarray], per_entry: dict[str, np.ndarray]) -> np.ndarray:
        """The blend of per-entry values (phrasing features already reduced to
        each entry's best), added in one fixed order so scores do not depend on
        which path computed them."""
        first = [WEIGHTS[name] * values for name, values in best.items() if len(values)]
        return self._sum(first, _weighted(per_entry))

    def _sum(self, first: list[np.ndarray], weighted: list[np.ndarray]) -> np.ndarray:
        """_blend from its weighted terms (each WEIGHTS[name] * values): the phrasing
        features' (sort, set, char), then the entry features' (_weighted), added in
        that order. A ranking blends several times with the same entry features and
        character n-grams, so it multiplies those once; the products, their order
        and so every score are _blend's to the last bit."""
        score = np.zeros(self.size, dtype=np.float64)
        for values in first:
            score += values
        for values in weighted:
            score += values
        score /= _WEIGHT_SUM
        return np.clip(score, 0.0, 1.0, out=score)

    def scores(self, query: str) -> np.ndarray:
        """Score (0..1) of every entry for one normalized query.

        Two stages: the cheap postings-based features rank all entries, and
        the rapidfuzz scores are computed only for the phrasings of the best
        FUZZY_CANDIDATES entries (their weight is too small for an entry
        outside that set to overtake one inside it).
        """
        found = self._scores(query)
        assert found is not None  # (no floor given)
        return found[0]

    def _scores(
        self, query: str, floor: float | None = None
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """The blended scores and the softmax model's probabilities; None when a
        floor is given and no entry can reach it (the rapidfuzz scores not computed)."""
        if not query or not self.choices or self.size == 0:
            return np.zeros(self.size, dtype=np.float64), np.zeros(self.size, dtype=np.float64)
        per_entry = self.entry_features(query)
        weighted = _weighted(per_entry)
        # With a floor, give up as soon as no entry can reach it: first before the
        # character n-grams (each 0..1, as the rapidfuzz scores), then before rapidfuzz.
        if floor is not None and _unreachable(self._sum([], weighted), CHAR_HEADROOM, floor):
            return None
        char = self._weighted_char(query)
        if self.size <= FUZZY_CANDIDATES and floor is None:
            candidates = np.arange(self.size)
        else:
            cheap = self._sum(char, weighted)
            if floor is not None and _unreachable(cheap, FUZZY_HEADROOM, floor):
                return None
            candidates = np.argpartition(-cheap, min(FUZZY_CANDIDATES, self.size) - 1)[
                :FUZZY_CANDIDATES
            ]
            if floor is not None and not self._reaches(
                query, candidates, cheap, char, weighted, floor
            ):
                return None
        fuzzy = self._fuzzy(query, candidates)
        return self._sum(_weighted_fuzzy(fuzzy) + char, weighted), per_entry["lr"]

    def _weighted_char(self, query: str) -> list[np.ndarray]:
        """The character n-gram feature's weighted term of _sum (none for no phrasing)."""
        char = self._best(self._char_scores(query))
        return [WEIGHTS["char"] * char] if len(char) else []

    def _reaches(
        self,
        query: str,
        candidates: np.ndarray,
        cheap: np.ndarray,
        char: list[np.ndarray],
        weighted: list[np.ndarray],
        floor: float,
    ) -> bool:
        """Whether any entry's final score reaches floor, found from the rapidfuzz
        scores of the few candidates that could (a handful, where the ranking scores
        60 entries' phrasings). Their blend is the ranking's own, to the last bit; an
        entry outside the candidates scores its cheap blend (no rapidfuzz score)."""
        if float(np.delete(cheap, candidates).max(initial=0.0)) >= floor:
            return True
        hopeful = candidates[cheap[candidates] + FUZZY_HEADROOM >= floor]
        if hopeful.size == 0:
            return False
        fuzzy = self._fuzzy(query, np.sort(hopeful))
        return float(self._sum(_weighted_fuzzy(fuzzy) + char, weighted)[hopeful].max()) >= floor

    def holdout_features(
        self, index: int, choice: int
    ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """Features of phrasing `choice` of entry `index` with that phrasing held out.

        Against the full index a phrasing always finds itself; this is how
        well its siblings alone would catch it (used by check and calibration).
        """
        query = self.choices[choice]
        per_choice = self.choice_features(query)
        own = self.entry_choices(index)
        same = [j for j in own if self.choices[j] == query]
        for values in per_choice.values():
            values[same] = 0.0
        per_entry = self.entry_features(query)
        rest = {w for j in own if j not in same for w in self.choices[j].split()}
        words = distinct_words(query)
        total = sum(self.idf(w) for w in words) or 1.0
        per_entry["cover"][index] = sum(self.idf(w) for w in words if w in rest) / total
        tf = self._doc_tf[index].copy()
        tf.subtract(query.split())
        tf = +tf
        length = float(self._doc_len[index]) - len(query.split())
        row = self._bm25_row(tf, length)
        per_entry["bm25"][index] = sum(self.idf(w) * row.get(w, 0.0) for w in words) / (
            total * (BM25_K1 + 1)
        )
        logp = self._nb_loglik(query.split())
        if logp is not None:
            vocab_size = len(self._nb_vocab)
            known = [w for w in query.split() if w in self._nb_vocab]
            denom = length + NB_ALPHA * vocab_size
            logp[index] = sum(math.log((tf.get(w, 0.0) + NB_ALPHA) / denom) for w in known)
            per_entry["nb"] = softmax(logp, self.size, NB_TEMPERATURE)
        # The softmax model was trained on this very phrasing and retraining
        # per phrasing costs a second each, so it abstains here (0 for all).
        per_entry["lr"] = np.zeros(self.size, dtype=np.float64)
        return per_choice, per_entry

    def rank(self, query: str, top: int, floor: float | None = None) -> list[Scored]:
        """The `top` best entries, best first. With a floor, [] when no entry can
        score that much: a caller that takes only such an answer is spared the
        rapidfuzz scores (the costliest part) of a ranking it would drop."""
        k = min(top, self.size)
        if k <= 0 or not query or not self.choices or k >= min(FUZZY_CANDIDATES, self.size):
            found = self._scores(query, floor)
            if found is None:
                return []
            scores, proba = found
            if scores.size == 0 or top <= 0:
                return []
            return _top(scores, proba, k)
        return self._rank_few(query, k, floor)

    def _rank_few(self, query: str, k: int, floor: float | None) -> list[Scored]:
        """rank() of fewer entries than FUZZY_CANDIDATES: the same entries, scores and
        order as the full ranking, to the last bit, with the rapidfuzz scores of only
        the candidates that could reach the k best. A candidate whose cheap blend plus
        the most rapidfuzz could add (FUZZY_HEADROOM) stays below the k-th best score
        keeps its cheap blend, which is its final score without rapidfuzz: it ranks
        below the k best either way. When two of the k + 1 best scores are equal,
        which of them comes first depends on the whole array, so then every candidate
        is scored as the full ranking scores it."""
        per_entry = self.entry_features(query)
        weighted = _weighted(per_entry)
        if floor is not None and _unreachable(self._sum([], weighted), CHAR_HEADROOM, floor):
            return []
        char = self._weighted_char(query)
        cheap = self._sum(char, weighted)
        if floor is not None and _unreachable(cheap, FUZZY_HEADROOM, floor):
            return []
        candidates = np.argpartition(-cheap, min(FUZZY_CANDIDATES, self.size) - 1)[
            :FUZZY_CANDIDATES
        ]
        fuzzy: dict[str, np.ndarray] = {}
        done = np.zeros(self.size, dtype=bool)

        def score(entries: np.ndarray) -> np.ndarray:
            """Add the rapidfuzz scores of `entries`; the blend of every entry."""
            for name, values in self._fuzzy(query, np.sort(entries)).items():
                if name not in fuzzy:
                    fuzzy[name] = values
                else:
                    fuzzy[name][entries] = values[entries]
            done[entries] = True
            return self._sum(_weighted_fuzzy(fuzzy) + char, weighted)

        scores = cheap
        if floor is not None and float(np.delete(cheap, candidates).max(initial=0.0)) < floor:
            # As _reaches: no entry outside the candidates reaches the floor, so one of
            # the few candidates that could must.
            hopeful = candidates[cheap[candidates] + FUZZY_HEADROOM >= floor]
            if hopeful.size == 0:
                return []
            scores = score(hopeful)
            if float(scores[hopeful].max()) < floor:
                return []
        # The candidates likeliest to lead first, so that few others remain in reach
        # (also after the hopeful few of a floor: with only those scored, the k-th best
        # score was a cheap blend, and nearly every candidate stayed in reach of it).
        likeliest = candidates[np.argsort(-cheap[candidates], kind="stable")][:k]
        likeliest = likeliest[~done[likeliest]]
        if likeliest.size:
            scores = score(likeliest)
        while True:
            kth = float(np.partition(scores, self.size - k)[self.size - k])
            rest = candidates[~done[candidates]]
            need = rest[cheap[rest] + FUZZY_HEADROOM >= kth]
            if need.size == 0:
                break
            scores = score(need)
        leaders = np.sort(np.partition(scores, self.size - k - 1)[self.size - k - 1 :])
        if bool((leaders[1:] == leaders[:-1]).any()):  # two of the k + 1 best are equal
            rest = candidates[~done[candidates]]
            if rest.size:
                scores = score(rest)
        return _top(scores, per_entry["lr"], k)


def _weighted(per_entry: dict[str, np.ndarray]) -> list[np.ndarray]:
    """The entry features' weighted terms of Matcher._sum, in _blend's order."""
    return [WEIGHTS[name] * values for name, values in per_entry.items()]


def _weighted_fuzzy(fuzzy: dict[str, np.ndarray]) -> list[np.ndarray]:
    """The rapidfuzz features' weighted terms of Matcher._sum (sort, then set), in
    _blend's order; the character n-grams' term follows them."""
    return [WEIGHTS[name] * fuzzy[name] for name in ("sort", "set") if name in fuzzy]


def _top(scores: np.ndarray, proba: np.ndarray, k: int) -> list[Scored]:
    """The k best entries of scores, best first (ties as argpartition leaves them)."""
    best = np.argpartition(-scores, k - 1)[:k]
    best = best[np.argsort(-scores[best], kind="stable")]
    # (tolist gives the same Python ints and floats as int() and float() of each
    # element, at a fraction of the cost when every entry is ranked)
    return [
        Scored(i, s, p)
        for i, s, p in zip(best.tolist(), scores[best].tolist(), proba[best].tolist(), strict=True)
    ]


def _unreachable(partial: np.ndarray, headroom: float, floor: float) -> bool:
    """True when no entry's blend so far, plus the most the features not yet
    computed could add (headroom), reaches floor."""
    return float(partial.max()) + headroom < floor
