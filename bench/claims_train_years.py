"""Train the learned year layer's weights (src/natospend/claims/year_model.json) from rounds 1-43.

    .venv/bin/python bench/claims_train_years.py [--out PATH]
    .venv/bin/python bench/claims_train_years.py --loro    # held-out table, writes nothing

A developer task: it needs scikit-learn (the ``test`` extra); running the model does not.

The configuration is frozen as the prototype chose it, before any held-out score was seen
(no tuning on held-out data, no confidence threshold): every passage is read by the learned
path's typing (``learned.typed_claims`` with the shipped type weights); each predicted claim
of the four year-bearing types is matched to a gold claim as the quality bench matches (same
type, overlapping quote, value within rounding, greedy); each of its candidate years
(``yearmodel.year_candidates``) is one example, labelled 1 when it is the gold year; claims
whose gold year is no candidate teach nothing and are left out. One binary logistic
regression, C=0.5, lbfgs; the claim's year is its best-scoring candidate. Weights are rounded
to 4 decimals and those that round to 0 left out.

``--loro`` holds out each of rounds 4-43 in turn, trains on every other round and prints
year accuracy on the matched claims, rules vs model, scored by the package's own code with
rounded weights, as shipped.

Round 44 (claims_dev44a/44b.jsonl) is the blind test set and is never read here; neither are
the verdict files. The same inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_quality import greedy_match  # noqa: E402
from claims_train import (  # noqa: E402
    HELD_OUT,
    ROUNDS,
    fit_ranker,
    round_passages,
    write_weights,
)
from rounds import BLIND_FILES, BLIND_ROUND  # noqa: E402

from natospend.claims.learned import load_model, per_year, typed_claims  # noqa: E402
from natospend.claims.yearmodel import (  # noqa: E402
    YEAR_FEATURES_VERSION,
    YEAR_TYPES,
    SentenceYears,
    YearCandidates,
    YearModel,
    best_year,
    inferred_flag,
    parse_year_model,
    year_candidates,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "natospend" / "claims" / "year_model.json"
C = 0.5
MAX_ITER = 5000
ROUND_TO = 4
TYPE_ORDER = ("share_of_gdp", "allies_meeting_target", "spending_amount", "aid_pledge")


@dataclass
class Item:
    """One matched claim: its candidates and the gold year and flag."""

    round: int
    file: str
    pid: str
    yc: YearCandidates
    gold: int | None
    gold_inferred: bool | None

    @property
    def rules(self) -> int | None:
        return self.yc.claim.year


def passage_items(p: dict[str, Any], r: int, name: str) -> list[Item]:
    """The matched claims of the four types in one passage."""
    pub = date.fromisoformat(p["published"]) if p.get("published") else None
    py = pub.year if pub else None
    model = load_model()
    preds = []
    sy: SentenceYears | None = None
    for sc, cand, claims in typed_claims(p["text"], pub, model):
        if per_year(claims):
            continue  # one amount for each year of a written span: the years are the rules'
        if sy is None or sy.sent is not sc.sent:
            sy = SentenceYears(sc.sent, sc.prev, py)
        preds += [(c, cand, sy) for c in claims]
    preds.sort(key=lambda t: t[0].span)  # extract's order, which the greedy matching needs
    out: list[Item] = []
    for gi, pi in greedy_match(p["text"], p["claims"], [c for c, _, _ in preds]):
        c, cand, sy = preds[pi]
        g = p["claims"][gi]
        if c.type in YEAR_TYPES:
            out.append(Item(r, name, p["id"], year_candidates(c, cand, sy, pub),
                            g["year"], g.get("year_inferred")))
    return out


def load_items(rounds: list[int]) -> list[Item]:
    """The matched claims of ``rounds`` (training rounds only), file by file."""
    return [it for r, name, p in round_passages(rounds) for it in passage_items(p, r, name)]


def train(items: list[Item]) -> dict[str, Any]:
    """Intercept and rounded weights fitted on ``items`` (without metadata)."""
    rows: list[list[str]] = []
    gold: list[bool] = []
    for it in items:
        keys = list(it.yc.sources)
        if it.gold not in keys:
            continue  # no candidate is right: nothing to learn
        for k, row in zip(keys, it.yc.rows(), strict=True):
            rows.append(list(row))
            gold.append(k == it.gold)
    return {**fit_ranker(rows, gold, C, MAX_ITER, ROUND_TO), "_n_examples": len(rows),
            "_n_claims": sum(1 for it in items if it.gold in it.yc.sources)}


def _as_model(table: dict[str, Any]) -> YearModel:
    meta = {"configuration": {"year_features_version": YEAR_FEATURES_VERSION}}
    return parse_year_model({"metadata": meta, "intercept": table["intercept"],
                             "w": table["w"]})


def loro(items: list[Item]) -> str:
    """The held-out table (markdown): each held-out round (4 on) scored by weights trained on the
    other training rounds."""
    tally: Counter[str] = Counter()
    lines = ["| held-out round | matched claims | rules | learned | learned right only / "
             "rules right only |", "|---|---:|---:|---:|---:|"]
    for k in HELD_OUT:
        model = _as_model(train([it for it in items if it.round != k]))
        t: Counter[str] = Counter()
        for it in (it for it in items if it.round == k):
            y = best_year(model, it.yc)
            ok_r, ok_m = it.rules == it.gold, y == it.gold
            for key in ("", "|" + it.yc.claim.type):
                t["n" + key] += 1
                t["rules" + key] += ok_r
                t["model" + key] += ok_m
            t["m_only"] += ok_m and not ok_r
            t["r_only"] += ok_r and not ok_m
            t["rules_yi"] += (it.rules, it.yc.claim.year_inferred) == (it.gold, it.gold_inferred)
            t["model_yi"] += (y, inferred_flag(it.yc, y)) == (it.gold, it.gold_inferred)
        n = t["n"]
        lines.append(f"| {k} | {n} | {t['rules'] / n:.3f} | {t['model'] / n:.3f} | "
                     f"{t['m_only']} / {t['r_only']} |")
        tally.update(t)
    n = tally["n"]
    lines.append(f"| **all** | {n} | {tally['rules'] / n:.3f} | {tally['model'] / n:.3f} | "
                 f"{tally['m_only']} / {tally['r_only']} |")
    lines += ["", f"year and year_inferred both right: rules {tally['rules_yi'] / n:.3f}, "
              f"learned {tally['model_yi'] / n:.3f}", "",
              "| type | matched claims | rules | learned |", "|---|---:|---:|---:|"]
    for ty in TYPE_ORDER:
        m = tally["n|" + ty]
        if m:
            lines.append(f"| {ty} | {m} | {tally['rules|' + ty] / m:.3f} | "
                         f"{tally['model|' + ty] / m:.3f} |")
    return "\n".join(lines)


def main() -> None:
    import sklearn

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--loro", action="store_true", help="print the held-out table instead")
    args = ap.parse_args()
    rounds = sorted(ROUNDS)
    items = load_items(rounds)
    if args.loro:
        print(loro(items))
        return
    table = train(items)
    n_examples, n_claims = table.pop("_n_examples"), table.pop("_n_claims")
    files = dict(sorted(Counter(it.file for it in items).items()))
    metadata = {
        "what": "Weights of natospend's learned year layer (natospend.claims.yearmodel): a "
                "binary logistic regression over each claim's candidate years (null, the "
                "sentence's years, the previous two sentences' years, the publication year "
                "and either side, the context's and the rules' year); the best-scoring "
                "candidate is the claim's year. Types share_of_gdp, allies_meeting_target, "
                "spending_amount and aid_pledge. Scored in plain Python.",
        "training_files": files,
        "training_claims": n_claims,
        "matched_claims": sum(files.values()),
        "training_candidates": n_examples,
        "configuration": {"year_features_version": YEAR_FEATURES_VERSION, "C": C,
                          "solver": "lbfgs", "max_iter": MAX_ITER, "decision": "argmax",
                          "confidence_margin": None, "weights_rounded_to": ROUND_TO,
                          "typing": "shipped model.json (learned.typed_claims)"},
        "scikit_learn_version": sklearn.__version__,
        "command": "python bench/claims_train_years.py",
        "note": f"Round {BLIND_ROUND} ({'/'.join(BLIND_FILES)}, the blind test set) and the "
                "claims_verdicts files were never read to train or choose this model. The "
                "configuration was frozen in the prototype; held out one round at a time over "
                "rounds 4-8 it got 0.781 of years right against the rules' 0.697; scored once "
                "blind, round 9 0.853 against 0.749, round 10 0.791 against 0.727, round 11 0.815 "
                "against 0.738, round 12 0.799 against 0.694, round 13 0.821 against 0.724 "
                "round 14 0.864 against 0.797, round 15 0.807 against 0.717, round 16 0.814 "
                "against 0.657, round 17 0.755 against 0.700, round 18 0.868 against "
                "0.807, round 19 0.789 against 0.577, round 20 0.859 against 0.740, round 21 "
                "0.776 against 0.727, round 22 0.797 against 0.731, round 23 0.844 against "
                "0.802, round 24 0.794 against 0.690, round 25 0.745 against 0.697, round 26 "
                "0.872 against 0.808, round 27 0.859 against 0.770, round 28 0.745 against "
                "0.734, round 29 0.788 against 0.701, round 30 0.844 against 0.774, round "
                "31 0.807 against 0.702, round 32 0.808 against 0.735, round 33 0.871 against "
                "0.820, round 34 0.865 against 0.756, round 35 0.750 against 0.781, round 36 "
                "0.815 against 0.830, round 37 0.836 against 0.744, round 38 0.822 against "
                "0.729, round 39 0.812 against 0.805, round 40 0.926 against 0.863, round 41 "
                "0.787 against 0.732, round 42 0.833 against 0.830 and round 43 0.835 against "
                "0.657. Features version 2 (session 18: each source crossed with the roles and "
                "the cues, each cue with the type and the roles, the count of sources with the "
                "roles), held out one round at a time over rounds 4-40: 0.783 of years right "
                "against version 1's 0.768 (rules 0.664); version 3 drops the crosses version 2 "
                "had made copies of (source by type, paired sources by paired cues): 0.784.",
    }
    size = write_weights(args.out, metadata, table)
    print(f"{args.out}: {len(table['w'])} weights from {n_examples} candidates of "
          f"{n_claims} claims, {size / 1e3:.0f} KB")


if __name__ == "__main__":
    main()
