"""How often the checker reports a claim in news about something else entirely.

    .venv/bin/python bench/claims_offtopic.py [--show]
    .venv/bin/python bench/claims_offtopic.py --crossfit   # what training on such text buys

The passages of ``tests/data/claims_offtopic*.jsonl`` are real news on other subjects (markets,
budgets for schools and hospitals, sport, elections, science), each holding figures of the
kinds the checker reads (percentages, amounts, counts out of a total) and none a claim of its
five types: every claim it reports there is wrong. The labelled rounds hold few such passages,
because they were collected around defence news, yet a news desk that ingests a whole feed
checks mostly such text.

For the learned layers at the default minimum confidence (what a report shows), with every
claim, and for the rules alone, the run prints how many claims are reported, on how many
passages, and per claim type. ``--show`` lists them.

The passages are scored file by file too, each file marked ``trained`` when the typing layer
trains on it (``rounds.NEGATIVE_FILES``) and ``unseen`` when not. An unseen file's figure is a
blind one; a trained file's is a training-set figure, which only shows that the layer learned
it, and a new off-topic measure needs new passages. The honest measure of what such training
buys is ``--crossfit``: for each file in turn, the typing layer is trained on rounds 1-43 and
the other files and scored on that one (about two minutes a file; needs the ``test`` extra).
Files a and b were scored blind in session 20 (23 claims on 15 of 93 passages at the default)
and c and d in session 21 (34 on 24 of 96). The rules' figure stays a fair one: no rule was
written from these passages.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from rounds import NEGATIVE_FILES

from natospend.claims.check import DEFAULT_MIN_CONFIDENCE
from natospend.claims.extract import extract
from natospend.claims.sentence import Claim

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def passages() -> list[dict[str, object]]:
    """Every off-topic passage, each with the name of its file under ``"file"``."""
    out = []
    for path in sorted(DATA.glob("claims_offtopic*.jsonl")):
        out += [{**json.loads(line), "file": path.name}
                for line in path.read_text("utf-8").splitlines() if line]
    return out


def _tally(items: list[dict[str, object]], claims: dict[str, list[Claim]]) -> str:
    types = Counter(c.type for p in items for c in claims[str(p["id"])])
    total, hit = sum(types.values()), sum(bool(claims[str(p["id"])]) for p in items)
    per_type = ", ".join(f"{t} {n}" for t, n in types.most_common()) or "none"
    return f"{total} claims on {hit} of {len(items)} passages: {per_type}"


def crossfit(items: list[dict[str, object]]) -> None:
    """Each file scored by a typing layer trained on rounds 1-43 and the other files: wrong
    claims at the default and with every claim (the year and subject layers are left out: they
    do not decide whether a figure is a claim)."""
    from claims_train import ROUNDS, examples, held_out_model, passage_examples

    from natospend.claims.learned import extract_learned

    files = sorted({str(p["file"]) for p in items})
    base = examples(sorted(ROUNDS))
    negatives = {f: [ex for p in items if p["file"] == f for ex in passage_examples(p)]
                 for f in files}
    totals = Counter[str]()
    for f in files:
        model = held_out_model(base + [ex for g in files if g != f for ex in negatives[g]])
        claims = {str(p["id"]): [c for c in extract_learned(
            str(p["text"]), date.fromisoformat(str(p["published"])), model=model,
            years=False, subjects=False)] for p in items if p["file"] == f}
        default = {k: [c for c in v if (c.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE]
                   for k, v in claims.items()}
        mine = [p for p in items if p["file"] == f]
        print(f"{f}, trained without it: default {_tally(mine, default)}; every claim "
              f"{sum(map(len, claims.values()))}", flush=True)
        totals["default"] += sum(map(len, default.values()))
        totals["every"] += sum(map(len, claims.values()))
    print(f"cross-fitted, all {len(items)} passages: {totals['default']} wrong claims at the "
          f"default, {totals['every']} with every claim")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list each claim reported")
    ap.add_argument("--crossfit", action="store_true",
                    help="score each file by a typing layer trained without it")
    args = ap.parse_args()
    items = passages()
    if args.crossfit:
        crossfit(items)
        return
    sources = {p["source_url"] for p in items}
    print(f"{len(items)} off-topic passages from {len(sources)} sources "
          f"({sum(len(str(p['text'])) for p in items) / 1000:.0f} KB)")
    files = sorted({str(p["file"]) for p in items})
    ways = {"learned, default": (True, DEFAULT_MIN_CONFIDENCE),
            "learned, every claim": (True, 0.0), "rules alone": (False, 0.0)}
    for name, (learned, minimum) in ways.items():
        claims: dict[str, list[Claim]] = {}
        for p in items:
            published = date.fromisoformat(str(p["published"])) if p.get("published") else None
            claims[str(p["id"])] = [
                c for c in extract(str(p["text"]), published, learned=learned)
                if not learned or (c.confidence or 0.0) >= minimum]
        print(f"{name:22s} {_tally(items, claims)}")
        for f in files:
            seen = "trained" if f in NEGATIVE_FILES else "unseen"
            print(f"    {f} ({seen}): "
                  f"{_tally([p for p in items if p['file'] == f], claims)}")
        if args.show:
            for p in items:
                for c in claims[str(p["id"])]:
                    conf = f" {c.confidence:.3f}" if c.confidence is not None else ""
                    print(f"    {p['id']}: {c.type} {c.subject} {c.quote!r}{conf}")

if __name__ == "__main__":
    main()
