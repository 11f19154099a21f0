"""The matcher's scores are the same to the last bit whatever the process's hash seed.

Scores summed over a set of query words came out in a different order, and so
with different last bits, under each PYTHONHASHSEED: two runs of the same
question could break a tie or round a score differently. Each seed is a
process of its own, since the seed is fixed when the interpreter starts.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

# A small synthetic index: many words of different rarity, and long queries,
# so the order of a sum shows in its last bits (the real base takes 10 s to build).
SCRIPT = """
import random
from knowledge.matcher import Matcher

rng = random.Random(7)
vocab = [f"kata{i}" for i in range(60)]
phrasings = [[" ".join(rng.sample(vocab, rng.randint(3, 8))) for _ in range(3)] for _ in range(30)]
matcher = Matcher(phrasings, None, discriminative=False)
for _ in range(20):
    query = " ".join(rng.sample(vocab, 12))
    print(" ".join(float(x).hex() for x in matcher.scores(query)))
    print(" ".join(f"{s.index}:{s.score.hex()}" for s in matcher.rank(query, 5)))
"""


def _scores(seed: str) -> str:
    env = os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_scores_do_not_depend_on_the_hash_seed() -> None:
    first = _scores("0")
    assert first.count("\n") == 40
    for seed in ("1", "2", "12345"):
        assert _scores(seed) == first, f"PYTHONHASHSEED={seed} scored differently from 0"
