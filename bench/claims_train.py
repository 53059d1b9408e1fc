"""Train the learned layer's weights (src/natospend/claims/model.json) from rounds 1-43
(the table in bench/rounds.py) and the off-topic passages (``NEGATIVE_FILES`` there, figures of
no type, in every training: the held-out folds' and the learning curve's too).

    .venv/bin/python bench/claims_train.py [--rounds 1-43] [--out PATH]
    .venv/bin/python bench/claims_train.py --loro    # held-out table, writes nothing

A developer task: it needs scikit-learn (the ``test`` extra); running the model does not.

The configuration is frozen as chosen in the prototype (``logit-avg``): candidates and features
from ``natospend.claims.features`` (``FEATURES_VERSION``), each labelled with the type of the
gold claim whose quote overlaps it and whose value agrees (the quality bench's matching), or 'none';
features seen in fewer than 2 training figures dropped; two multinomial logistic regressions
with C=1, one on all features ("stack") and one without the rules' decision ("norules"); the
shipped table is the average of their weights and intercepts, which averages their log-odds.
Weights are rounded to 4 decimals and features whose weights all round below 1e-4 left out.

``--curve 29`` prints a learning curve: rounds 29 on, pooled, scored by typing weights trained on
a quarter, a half, three quarters and all of rounds 1-28 (writes nothing).

``--loro`` holds out each of rounds 4-43 in turn, trains on every other round and prints
the extraction's precision, recall and F1 on the held-out round (matched as the quality bench
matches), rules alone against the learned typing (year and subject layers off: only which
figures are claims, and of which type, is scored).

Round 44 (claims_dev44a/44b.jsonl) is the blind test set and is never read here; neither are
the verdict files. Rounds 8-16 were the blind sets of the models trained on rounds 1-7,
1-8, ..., 1-15, each scored once before joining the training data. The same
inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_quality import prf, quote_spans, values_agree  # noqa: E402
from rounds import BLIND_FILES, BLIND_ROUND, NEGATIVE_FILES, ROUNDS  # noqa: E402  (the one table of rounds)

from natospend.claims.features import (  # noqa: E402
    FEATURES_VERSION,
    RULE_PREFIXES,
    Candidate,
    read_candidates,
    sentence_features,
)
from natospend.claims.learned import Model, extract_learned, parse_model  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "tests" / "data"
MODEL_PATH = ROOT / "src" / "natospend" / "claims" / "model.json"
TREES_FILE = "model_trees.ubj"  # beside model.json, named in its metadata
# The trees whose class probabilities are averaged with the linear model's where the linear
# model is unsure. Chosen on rounds 28-31 held out at the figure level: F1 of the averaged model
# 0.905 against the linear model's 0.891 (300 trees at 0.1, 600 at 0.05, depth 4 or 10 all
# within 0.901-0.905), the same when the trees are consulted only for figures whose linear best
# class has a probability under 0.8 (16% of figures; 0.7, 10%, gives 0.902). Held out claim by
# claim over rounds 4-32 (bench/claims_train.py --loro): 0.891 / 0.887 against the linear
# model's 0.884 / 0.873, and the same with the trees consulted under 0.95 (30% of figures, a
# fifth slower on whole articles).
TREE_PARAMS = {"objective": "multi:softprob", "eta": 0.3, "max_depth": 6, "subsample": 0.8,
               "colsample_bytree": 0.3, "lambda": 1.0, "min_child_weight": 1,
               "tree_method": "hist", "seed": 0, "nthread": 2}
TREE_ROUNDS = 100
TREE_GATE = 0.8
C = 1.0
MIN_COUNT = 2  # features seen in fewer training figures are dropped
MAX_ITER = 3000
RANDOM_STATE = 0


def round_passages(rounds: Iterable[int]) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(round, file name, passage) for each labelled passage of training ``rounds``, file by
    file: the one place the three training scripts read labelled data, so the blind round and
    the verdict files are refused here for all of them."""
    for r in rounds:
        for name in ROUNDS[r]:
            assert f"dev{BLIND_ROUND}" not in name and "verdict" not in name, name
            for line in (DATA_DIR / name).read_text("utf-8").splitlines():
                if line.strip():
                    yield r, name, json.loads(line)


def fit_ranker(rows: list[list[str]], gold: list[bool], c: float, max_iter: int,
               round_to: int) -> dict[str, Any]:
    """A binary logistic regression over candidates (each a row of feature names, gold when it
    is the right one): what the year and subject layers rank their candidates with. Intercept
    and weights rounded to ``round_to`` decimals, zeros left out, names sorted."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=max_iter, solver="lbfgs")
    clf.fit(vec.fit_transform([dict.fromkeys(row, 1.0) for row in rows]),
            [int(g) for g in gold])
    w = {name: round(float(x), round_to) for name, x in zip(vec.feature_names_, clf.coef_[0],
                                                             strict=True)}
    return {"intercept": round(float(clf.intercept_[0]), round_to),
            "w": {k: v for k, v in sorted(w.items()) if v != 0.0}}


def write_weights(path: Path, metadata: dict[str, Any], table: dict[str, Any]) -> int:
    """Write a layer's weights as the package reads them: its metadata first, compact JSON,
    one line, the same bytes for the same inputs. Returns the size in bytes."""
    blob = json.dumps({"metadata": metadata, **table}, separators=(",", ":"),
                      ensure_ascii=False)
    path.write_text(blob + "\n", "utf-8")
    return len(blob)


def load_round(r: int) -> list[dict[str, Any]]:
    """The labelled passages of one training round (the blind round is refused)."""
    return [p for _, _, p in round_passages([r])]


def label(c: Candidate, gold: list[tuple[dict[str, Any], list[tuple[int, int]]]]) -> str:
    """The type of the gold claim the figure matches under the bench's rule, or 'none'. When
    several types match, the rules' type if it is one, else the most frequent (ties: first)."""
    hits = [g["type"] for g, spans in gold if values_agree(c.value, g["value"])
            and any(c.span[0] < e and s < c.span[1] for s, e in spans)]
    if not hits:
        return "none"
    return c.rule_type if c.rule_type in hits else Counter(hits).most_common(1)[0][0]


def passage_examples(p: dict[str, Any]) -> list[tuple[dict[str, float], str]]:
    """Each candidate of a passage as (all its features, its label)."""
    pub = date.fromisoformat(p["published"]) if p.get("published") else None
    gold = [(g, quote_spans(p["text"], g["quote"])) for g in p["claims"]]
    out = []
    for sc in read_candidates(p["text"], pub):
        shared = sentence_features(sc.sent, sc.ctx)
        for c in sc.candidates:
            feats = dict(shared)
            feats.update(dict.fromkeys(c.feats, 1.0))
            out.append((feats, label(c, gold)))
    return out


def examples(rounds: list[int]) -> list[tuple[dict[str, float], str]]:
    return [ex for r in rounds for p in load_round(r) for ex in passage_examples(p)]


def training_data(rounds: list[int]) -> list[tuple[dict[str, float], str]]:
    """What the shipped typing layer is trained on: the figures of ``rounds`` and those of the
    off-topic passages."""
    return examples(rounds) + negative_examples()


def negative_examples() -> list[tuple[dict[str, float], str]]:
    """The figures of the off-topic passages (``rounds.NEGATIVE_FILES``), all of no type: in
    every training of the typing layer, the held-out folds' too."""
    return [ex for name in NEGATIVE_FILES for p in _passages(name)
            for ex in passage_examples(p)]


# The rounds each layer's held-out table holds out: those labelled blind (rounds 1-3 were
# labelled before the protocol and are always training data). The year and subject scripts
# import it, so a new round is added in one place, ROUNDS.
HELD_OUT = tuple(r for r in ROUNDS if r >= 4)


def _fit(X: list[dict[str, float]], y: list[str]) -> tuple[list[str], Any, Any, list[str]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    clf = LogisticRegression(C=C, max_iter=MAX_ITER, random_state=RANDOM_STATE)
    clf.fit(vec.fit_transform(X), y)
    return list(vec.feature_names_), clf.coef_, clf.intercept_, [str(c) for c in clf.classes_]


def train_on(data: list[tuple[dict[str, float], str]]) -> dict[str, Any]:
    """The averaged weight table trained on labelled figures (see the module's docstring)."""
    seen = Counter(k for feats, _ in data for k in feats)
    keep = {k for k, n in seen.items() if n >= MIN_COUNT}
    X = [{k: v for k, v in feats.items() if k in keep} for feats, _ in data]
    y = [lab for _, lab in data]
    blind = [{k: v for k, v in f.items() if not k.startswith(RULE_PREFIXES)} for f in X]
    names_s, coef_s, icpt_s, classes = _fit(X, y)
    names_n, coef_n, icpt_n, classes_n = _fit(blind, y)
    assert classes == classes_n, (classes, classes_n)
    w: dict[str, list[float]] = {}
    for names, coef in ((names_s, coef_s), (names_n, coef_n)):
        for j, name in enumerate(names):
            row = w.setdefault(name, [0.0] * len(classes))
            for i in range(len(classes)):
                row[i] += 0.5 * float(coef[i, j])
    table = {k: [round(x, 4) for x in v] for k, v in sorted(w.items())
             if max(abs(x) for x in v) > 1e-4}
    bias = [0.5 * float(a + b) for a, b in zip(icpt_s, icpt_n, strict=True)]
    return {"classes": classes, "bias": bias, "w": table, "_n_examples": len(data)}


def train_trees(data: list[tuple[dict[str, float], str]], table: dict[str, Any]) -> bytes:
    """The gradient-boosted trees over the features of ``table`` (each present or absent, in
    the table's order, which is the scoring matrix's), trained on the same figures; XGBoost's
    UBJSON bytes."""
    import xgboost  # noqa: PLC0415
    from scipy.sparse import csr_matrix  # noqa: PLC0415

    column = {k: j for j, k in enumerate(table["w"])}
    indices: list[int] = []
    indptr = [0]
    for feats, _ in data:
        indices += sorted(column[k] for k in feats if k in column)
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                   shape=(len(data), len(column)))
    classes = table["classes"]
    y = [classes.index(lab) for _, lab in data]
    booster = xgboost.train({**TREE_PARAMS, "num_class": len(classes)},
                            xgboost.DMatrix(x, label=y), num_boost_round=TREE_ROUNDS)
    booster.set_attr(n_classes=str(len(classes)), classes=",".join(classes),
                     features_version=str(FEATURES_VERSION), gate=str(TREE_GATE))
    return bytes(booster.save_raw("ubj"))


def _parse_rounds(spec: str) -> list[int]:
    out: set[int] = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    if not out <= set(ROUNDS):
        raise SystemExit(f"rounds must be within 1-{max(ROUNDS)} (round {BLIND_ROUND} is the "
                         f"blind set): {spec}")
    return sorted(out)


def held_out_model(data: list[tuple[dict[str, float], str]], trees: bool = True) -> Model:
    """The typing layer trained on ``data`` as the package scores it (weights rounded as the
    file holds them; the trees unless ``trees`` is false), written nowhere: what the held-out
    table and the learning curve score."""
    table = train_on(data)
    table.pop("_n_examples")
    return parse_model({"metadata": {"configuration": {"features_version": FEATURES_VERSION}},
                        **table}, train_trees(data, table) if trees else None)


# the confidence bands of ``loro(bands=True)``: the default threshold and the top ones
BANDS = (0.0, 0.5, 0.8, 0.9, 0.95)


def loro(thresholds: tuple[float, ...] = (), linear_only: bool = False,
         bands: bool = False) -> str:
    """The held-out table (markdown): each held-out round (4 on) extracted with typing
    weights trained on the other training rounds, against the rules alone. With
    ``thresholds``, a second table: the learned claims kept at each minimum confidence
    (``check(min_confidence=...)``), pooled over the held-out rounds. ``linear_only`` scores
    the linear model without its trees (what the layer was before the trees). With
    ``bands``, a table of how many of the learned claims are right in each band of
    confidence (``BANDS``), by type: whether a threshold, or one per type, could reach a
    precision, and how well the confidence a user sees is calibrated."""
    from claims_quality import Tally, greedy_match, score_passage  # noqa: PLC0415

    from natospend.claims.check import confident

    by_round = {r: examples([r]) for r in ROUNDS}
    negatives = negative_examples()
    lines = ["| held-out round | gold claims | rules P / R / F1 | learned P / R / F1 |",
             "|---|---:|---|---|"]
    totals = {"rules": Tally(), "learned": Tally()}
    kept = {t: Tally() for t in thresholds}
    banded: Counter[tuple[str, float, bool]] = Counter()  # (type, band, right) -> claims
    for k in HELD_OUT:
        model = held_out_model([ex for r in ROUNDS if r != k for ex in by_round[r]]
                               + negatives, trees=not linear_only)
        row = {}
        for how in ("rules", "learned"):
            t = Tally()
            extract_with = None if how == "rules" else partial(
                extract_learned, model=model, years=False, subjects=False)
            for p in load_round(k):
                if how == "learned" and (thresholds or bands):
                    published = date.fromisoformat(p["published"]) if p.get("published") \
                        else None
                    claims = extract_learned(p["text"], published, model=model, years=False,
                                             subjects=False)
                    right = {pi for _, pi in greedy_match(p["text"], p["claims"], claims)}
                    for i, c in enumerate(claims):
                        band = max(b for b in BANDS if (c.confidence or 0.0) >= b)
                        banded[c.type, band, i in right] += 1
                    for th in thresholds:
                        score_passage(p, kept[th], extract_with=lambda *_, th=th, cs=claims: [
                            c for c in cs if confident(c.confidence, th)])
                    score_passage(p, t, extract_with=lambda *_, cs=claims: cs)
                else:
                    score_passage(p, t, extract_with=extract_with)
            for part in ("tp", "fp", "fn"):
                getattr(totals[how], part).update(getattr(t, part))
            row[how] = _prf_cell(t)
        gold = sum(len(p["claims"]) for p in load_round(k))
        lines.append(f"| {k} | {gold} | {row['rules']} | {row['learned']} |")
    gold = sum(totals["rules"].tp.values()) + sum(totals["rules"].fn.values())
    lines.append(f"| **all** | {gold} | {_prf_cell(totals['rules'])} | "
                 f"{_prf_cell(totals['learned'])} |")
    if thresholds:
        lines += ["", "| minimum confidence | claims kept | P / R / F1 |", "|---:|---:|---|"]
        for th in thresholds:
            t = kept[th]
            lines.append(f"| {th:g} | {sum(t.tp.values()) + sum(t.fp.values())} | "
                         f"{_prf_cell(t)} |")
    if bands:
        lines += ["", _bands_table(banded)]
    return "\n".join(lines)


def _bands_table(banded: Counter[tuple[str, float, bool]]) -> str:
    """Share of the learned claims right (matched to a labelled claim) by confidence band,
    per type and for all: 'right / claims' in each cell."""
    types = sorted({ty for ty, _, _ in banded})
    lines = ["| confidence | " + " | ".join(types) + " | all |",
             "|---|" + "---:|" * (len(types) + 1)]
    for lo, hi in zip(BANDS, [*BANDS[1:], None], strict=True):
        cells = []
        for group in [[ty] for ty in types] + [types]:
            ok = sum(banded[ty, lo, True] for ty in group)
            n = ok + sum(banded[ty, lo, False] for ty in group)
            cells.append(f"{ok / n:.3f} ({n})" if n else "-")
        name = f"{lo:g}-{hi:g}" if hi is not None else f"{lo:g} and over"
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def curve(test_from: int = 29, shares: tuple[float, ...] = (0.25, 0.5, 0.75, 1.0)) -> str:
    """The learning curve (markdown): rounds ``test_from`` on, pooled, extracted with typing
    weights trained on a growing share of the rounds before them (drawn in a fixed shuffled
    order, seed 0), so each share holds the smaller ones. How much a layer of this kind would
    gain from more labelled text of the same sort."""
    import random  # noqa: PLC0415

    from claims_quality import Tally, score_passage  # noqa: PLC0415

    pool = [r for r in ROUNDS if r < test_from]
    test = [p for r in ROUNDS if r >= test_from for p in load_round(r)]
    by_round = {r: examples([r]) for r in pool}
    negatives = negative_examples()
    order = pool[:]
    random.Random(0).shuffle(order)
    gold = sum(len(p["claims"]) for p in test)
    lines = [f"Test: rounds {test_from}-{max(ROUNDS)} pooled ({gold} claims).", "",
             "| training rounds | training figures | learned P / R / F1 |", "|---:|---:|---|"]
    for share in shares:
        rounds = order[:max(1, round(share * len(order)))]
        data = [ex for r in sorted(rounds) for ex in by_round[r]] + negatives
        model = held_out_model(data)
        t = Tally()
        for p in test:
            score_passage(p, t, extract_with=partial(extract_learned, model=model, years=False,
                                                     subjects=False))
        lines.append(f"| {len(rounds)} of {len(pool)} | {len(data)} | {_prf_cell(t)} |")
    return "\n".join(lines)


def _prf_cell(t: Any) -> str:
    p, r, f = prf(sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values()))
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def main() -> None:
    import sklearn
    import xgboost

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = f"1-{max(ROUNDS)}"
    ap.add_argument("--rounds", default=default,
                    help=f"training rounds within {default} (default {default})")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--loro", action="store_true", help="print the held-out table instead")
    ap.add_argument("--linear-only", action="store_true",
                    help="with --loro, score the linear model without the trees")
    ap.add_argument("--thresholds", default="",
                    help="with --loro, also score the learned claims kept at each minimum "
                         "confidence, e.g. 0.5,0.7,0.9")
    ap.add_argument("--bands", action="store_true",
                    help="with --loro, also print the share of learned claims right in each "
                         "band of confidence, by type")
    ap.add_argument("--curve", type=int, metavar="ROUND",
                    help="print the learning curve instead: rounds ROUND on as the test set, "
                         "typing trained on a quarter, half, three quarters and all of the "
                         "rounds before")
    args = ap.parse_args()
    if args.curve:
        print(curve(args.curve))
        return
    if args.loro:
        print(loro(tuple(float(x) for x in args.thresholds.split(",") if x.strip()),
                   linear_only=args.linear_only, bands=args.bands))
        return
    rounds = _parse_rounds(args.rounds)
    data = training_data(rounds)
    model = train_on(data)
    n_examples = model.pop("_n_examples")
    trees = train_trees(data, model)
    trees_path = args.out.with_name(TREES_FILE)
    trees_path.write_bytes(trees)
    files = {name: sum(len(p["claims"]) for p in _passages(name))
             for r in rounds for name in ROUNDS[r]}
    files.update(dict.fromkeys(NEGATIVE_FILES, 0))
    command = "python bench/claims_train.py" + \
        ("" if args.rounds == default else f" --rounds {args.rounds}")
    metadata = {
        "what": "Weights of natospend's optional learned claim-typing layer "
                "(natospend.claims.learned): a multinomial logistic regression over each "
                "figure's candidate, classes 'none' and the five claim types. Scored in plain "
                "Python; log-odds average of a model with the rules' decision as features and "
                "one without.",
        "training_files": files,
        "training_claims": sum(files.values()),
        "training_figures": n_examples,
        "configuration": {"name": "logit-avg", "features_version": FEATURES_VERSION, "C": C,
                          "solver": "lbfgs", "max_iter": MAX_ITER,
                          "random_state": RANDOM_STATE, "min_feature_count": MIN_COUNT,
                          "weights_rounded_to": 4, "rule_feature_prefixes": RULE_PREFIXES},
        "scikit_learn_version": sklearn.__version__,
        "trees": {"file": TREES_FILE, "what": "XGBoost gradient-boosted trees over the same "
                  "features (present or absent), trained on the same figures; where the "
                  "linear model's best class has a probability under the gate, the layer "
                  "averages their class probabilities with the linear model's",
                  "params": TREE_PARAMS, "rounds": TREE_ROUNDS, "gate": TREE_GATE,
                  "xgboost_version": xgboost.__version__,
                  "sha256": hashlib.sha256(trees).hexdigest()},
        "command": command,
        "note": f"Round {BLIND_ROUND} ({'/'.join(BLIND_FILES)}, the blind test set) and the "
                "claims_verdicts files were never read to train or choose this model. Rounds 8 "
                "to 20 were each scored once, blind, with the same configuration trained on "
                "the rounds before them (round 8: precision 0.861, recall 0.840; round 9: "
                "0.803, 0.680; round 10: 0.850, 0.832; round 11: 0.836, 0.803; round 12: 0.851, "
                "0.764; round 13: 0.840, 0.830; "
                "round 14: 0.854, 0.887; round 15: 0.876, 0.888; round 16: 0.771, 0.722; "
                "round 17: 0.883, 0.834; round 18: 0.914, 0.859; round 19: 0.894, 0.781; "
                "round 20: 0.849, 0.849; round 21: 0.804, 0.850; round 22: 0.801, 0.807; "
                "round 23: 0.822, 0.851; round 24: 0.851, 0.904; round 25: 0.920, 0.810; "
                "round 26: 0.891, 0.867; round 27: 0.877, 0.853; round 28: 0.914, 0.835; round 29: "
                "0.894, 0.887; round 30: 0.833, 0.879; round 31: 0.849, 0.877; round 32: 0.846, "
                "0.852; round 33: 0.853, 0.845; round 34: 0.853, 0.811; "
                "round 35: 0.875, 0.875; round 36: 0.838, 0.869; round 37: 0.779, 0.863; "
                "round 38: 0.808, 0.901; round 39: 0.842, 0.849; round 40: 0.894, 0.925; "
                "round 41: 0.941, 0.899; round 42: 0.938, 0.882; round 43: 0.840, 0.878) before "
                "they joined the training data.",
    }
    size = write_weights(args.out, metadata, model)
    print(f"{args.out}: {len(model['w'])} features x {len(model['classes'])} classes from "
          f"{n_examples} figures of rounds {args.rounds}, {size / 1e6:.2f} MB")
    print(f"{trees_path}: {TREE_ROUNDS} rounds of trees, {len(trees) / 1e6:.2f} MB")


def _passages(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA_DIR / name).read_text("utf-8").splitlines()
            if line.strip()]


if __name__ == "__main__":
    main()
