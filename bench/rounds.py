"""The labelled rounds of tests/data: which files make each round, and which round is the blind
test set.

The quality bench, the verdict bench, the three training scripts and the tests that pin the
layers' training files (tests/labelled_rounds.py) all read this table, so a new round is added
here once. Rounds 1-3 were labelled while the rules were written; from round
4 on each round was labelled by people who never saw the extractor, scored once blind, then read
and joined the training data. ``BLIND_ROUND`` is the newest such round: nothing trains on it or
is tuned on it until it has been scored.
"""

from __future__ import annotations

ROUNDS: dict[int, tuple[str, ...]] = {
    1: ("claims_dev.jsonl",), 2: ("claims_dev2.jsonl",), 3: ("claims_dev3.jsonl",),
    4: ("claims_dev4a.jsonl", "claims_dev4b.jsonl"), 5: ("claims_dev5.jsonl",),
    **{r: (f"claims_dev{r}a.jsonl", f"claims_dev{r}b.jsonl") for r in range(6, 18)},
    18: ("claims_dev18a.jsonl",), 19: ("claims_dev19a.jsonl",), 20: ("claims_dev20a.jsonl",),
    21: ("claims_dev21a.jsonl", "claims_dev21b.jsonl"),
    22: ("claims_dev22a.jsonl", "claims_dev22b.jsonl"),
    23: ("claims_dev23a.jsonl", "claims_dev23b.jsonl"),
    24: ("claims_dev24a.jsonl", "claims_dev24b.jsonl"),
    25: ("claims_dev25a.jsonl", "claims_dev25b.jsonl"),
    26: ("claims_dev26a.jsonl", "claims_dev26b.jsonl"),
    27: ("claims_dev27a.jsonl", "claims_dev27b.jsonl"),
    28: ("claims_dev28a.jsonl", "claims_dev28b.jsonl"),
    29: ("claims_dev29a.jsonl", "claims_dev29b.jsonl"),
    30: ("claims_dev30a.jsonl", "claims_dev30b.jsonl"),
    31: ("claims_dev31a.jsonl", "claims_dev31b.jsonl"),
    32: ("claims_dev32a.jsonl", "claims_dev32b.jsonl"),
    33: ("claims_dev33a.jsonl", "claims_dev33b.jsonl"),
    34: ("claims_dev34a.jsonl", "claims_dev34b.jsonl"),
    35: ("claims_dev35a.jsonl", "claims_dev35b.jsonl"),
    36: ("claims_dev36a.jsonl", "claims_dev36b.jsonl"),
    37: ("claims_dev37a.jsonl", "claims_dev37b.jsonl"),
    38: ("claims_dev38a.jsonl", "claims_dev38b.jsonl"),
    39: ("claims_dev39a.jsonl", "claims_dev39b.jsonl"),
    40: ("claims_dev40a.jsonl", "claims_dev40b.jsonl"),
    41: ("claims_dev41a.jsonl", "claims_dev41b.jsonl"),
    42: ("claims_dev42a.jsonl", "claims_dev42b.jsonl"),
    43: ("claims_dev43a.jsonl", "claims_dev43b.jsonl"),
}
"""The rounds the rules were tuned on and the learned layers are trained on."""

BLIND_ROUND = 44
# Rounds 18, 19 and 20 have one labeller each (the search store had run short of new sources);
# rounds 21 to 44 have two again, each on half of the calendar (before and after The Hague
# summit).
BLIND_FILES = (f"claims_dev{BLIND_ROUND}a.jsonl", f"claims_dev{BLIND_ROUND}b.jsonl")

NEGATIVE_FILES = ("claims_offtopica.jsonl", "claims_offtopicb.jsonl", "claims_offtopicc.jsonl",
                  "claims_offtopicd.jsonl")
"""Off-topic passages: news on other subjects (budgets, markets, sport, health), each with figures
and none a claim. The typing layer always trains on them as figures of no type, and no round
holds them out (they have no claims to score); ``bench/claims_offtopic.py`` scores them. Files a
and b were added in session 20, c and d in session 21, each after one blind score
(docs/benchmarks.md); the year and subject layers learn from claims and take nothing from
them."""

FIRST_BLIND_VERDICTS = 4  # round 1's verdicts were the verifier's development set; 2-3 have none


def verdict_file(dev_file: str) -> str:
    """The gold-verdict file decided on a labelled file's claims."""
    return dev_file.replace("claims_dev", "claims_verdicts")


def verdict_rounds() -> dict[int, tuple[str, ...]]:
    """Every round with gold verdicts, the blind one included: round 1 and rounds 4 on."""
    rounds = {r: files for r, files in ROUNDS.items() if r == 1 or r >= FIRST_BLIND_VERDICTS}
    rounds[BLIND_ROUND] = BLIND_FILES
    return rounds
