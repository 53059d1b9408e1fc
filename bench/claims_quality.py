"""Precision, recall and F1 of claim extraction on the labelled passages.

    .venv/bin/python bench/claims_quality.py [--show-errors tuned|blind] [--learned] [--only tuned]

Two sets, reported apart:

- ``tuned``: rounds 1-43 (``ROUNDS`` in bench/rounds.py, which names each round's files).
  The rules were written while looking at their errors, so these figures flatter the
  extractor. (Rounds 4-43 were blind until each had been scored once; docs/benchmarks.md keeps
  those scores.)
- ``blind``: round 44 (``BLIND_FILES``: claims_dev44a.jsonl, claims_dev44b.jsonl), labelled
  from new sources by people who never saw the extractor or its output, and not tuned on.
  This is the estimate of quality on unseen news. Looking at its errors
  (``--show-errors blind``) spends it: after that, a new blind round is needed for an honest
  figure. Files of a set that do not exist yet (a round still being labelled) are skipped, and
  the run says so. ``--only tuned`` scores the tuned set alone, so that work on the rules does
  not read the blind set's figures.

A predicted claim matches a gold claim of the same type when its span overlaps the gold quote
and its value agrees within rounding; each gold claim matches at most one prediction.

``--learned`` scores ``extract(..., learned=True)``. Its shipped weights were trained on
rounds 1-43, so its ``tuned`` figures are training-set figures; only ``blind`` is a fair test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rounds import BLIND_FILES, ROUNDS  # noqa: E402

from natospend.claims import Claim, extract  # noqa: E402
from natospend.claims.check import confident  # noqa: E402
from natospend.claims.features import values_agree  # noqa: E402  (the one rounding rule)

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {
    "tuned": tuple(name for files in ROUNDS.values() for name in files),
    "blind": BLIND_FILES,
}
TYPES = ("share_of_gdp", "allies_meeting_target", "spending_amount", "aid_pledge",
         "target_commitment")




def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def greedy_match(text: str, gold: list[dict[str, Any]], preds: list[Claim]
                 ) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs: each gold claim, in order, takes an unused
    prediction of its type whose span overlaps its quote and whose value agrees. Of several
    such, it takes the one that also has its subject, then its year, then the first in reading
    order: "Estonia, Latvia and Lithuania pledged 5%" gives three claims on one span, and
    pairing them in reading order alone had scored right subjects as wrong (and taught the
    subject and year layers wrong labels). Predictions must be in reading order, as
    ``extract`` gives them."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        spans = quote_spans(text, g["quote"])
        fits = [pi for pi, c in enumerate(preds)
                if pi not in used and c.type == g["type"] and values_agree(c.value, g["value"])
                and any(c.span[0] < e and s < c.span[1] for s, e in spans)]
        if fits:
            best = min(fits, key=lambda pi: (preds[pi].subject != g["subject"],
                                             preds[pi].year != g["year"], pi))
            used.add(best)
            pairs.append((gi, best))
    return pairs


def score_passage(p: dict[str, Any], tally: Tally, learned: bool = False,
                  extract_with: Callable[[str, date | None], list[Claim]] | None = None
                  ) -> None:
    """Tally one passage's matches and errors; ``extract_with`` replaces the package's
    ``extract`` (held-out weights, in the training scripts)."""
    published = date.fromisoformat(p["published"]) if p.get("published") else None
    preds = extract_with(p["text"], published) if extract_with else \
        extract(p["text"], published, learned=learned)
    gold = p["claims"]
    pairs = greedy_match(p["text"], gold, preds)
    used = {pi for _, pi in pairs}
    matched_gold = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        _score_fields(preds[pi], gold[gi], tally, p["id"])
    for gi, g in enumerate(gold):
        if gi in matched_gold:
            tally.tp[g["type"]] += 1
        else:
            tally.fn[g["type"]] += 1
            tally.errors.append(f"MISS {p['id']}: {g['type']} {g['subject']} {g['value']} "
                                f"{g['unit']} | {g['quote']}")
    for pi, c in enumerate(preds):
        if pi not in used:
            tally.fp[c.type] += 1
            tally.errors.append(f"FP   {p['id']}: {c.type} {c.subject} {c.value} {c.unit} "
                                f"| {c.quote}")


def _score_fields(c: Claim, g: dict[str, Any], tally: Tally, pid: str) -> None:
    tally.fields["n"] += 1
    for name, ok in (("subject", c.subject == g["subject"]), ("year", c.year == g["year"]),
                     ("unit", c.unit == g["unit"]), ("hedge", c.hedge == g["hedge"]),
                     ("deadline", c.deadline == g["deadline"])):
        tally.fields[name] += ok
        if not ok and name in ("subject", "year"):
            tally.errors.append(f"FIELD {pid}: {name} {getattr(c, name)} != {g[name]} "
                                f"| {c.quote}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name: str, t: Tally) -> str:
    lines = [f"## {name}", "", "| type | gold | predicted | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|"]
    for ty in (*TYPES, "overall"):
        tp, fp, fn = ((sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values()))
                      if ty == "overall" else (t.tp[ty], t.fp[ty], t.fn[ty]))
        p, r, f = prf(tp, fp, fn)
        lines.append(f"| {ty} | {tp + fn} | {tp + fp} | {p:.3f} | {r:.3f} | {f:.3f} |")
    n = t.fields["n"] or 1
    lines += ["", f"Field accuracy on {t.fields['n']} matched claims: " + ", ".join(
        f"{k} {t.fields[k] / n:.3f}" for k in ("subject", "year", "unit", "hedge", "deadline")),
        ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", choices=tuple(SETS),
                    help="list misses, false positives and wrong fields for one set")
    ap.add_argument("--learned", action="store_true",
                    help="score the learned layer over the rules instead of the rules alone")
    ap.add_argument("--skip", action="append", default=[], metavar="PASSAGE_ID",
                    help="leave a passage out (e.g. r9a-graphicnews-nato-1, a ranking table "
                         "without percent signs, 65 claims in one passage); the run says which")
    ap.add_argument("--only", choices=tuple(SETS), help="score one set alone")
    ap.add_argument("--min-confidence", type=float, metavar="P",
                    help="with --learned, score only the claims whose type the learned layer "
                         "gave at least probability P (what check(min_confidence=P) keeps)")
    args = ap.parse_args()
    if args.min_confidence is not None and not args.learned:
        ap.error("--min-confidence needs --learned: the rules alone give no confidence")
    extract_with = None
    if args.min_confidence is not None:
        def extract_with(text: str, published: date | None) -> list[Claim]:
            return [c for c in extract(text, published, learned=True)
                    if confident(c.confidence, args.min_confidence)]
    if args.show_errors and args.only and args.show_errors != args.only:
        ap.error("--show-errors must name the set --only scores")
    if args.skip:
        print(f"(left out: {', '.join(args.skip)})\n")
    sets = {k: v for k, v in SETS.items() if args.only in (None, k)}
    tallies = {name: Tally() for name in sets}
    for name, files in sets.items():
        paths = [DATA_DIR / f for f in files]
        missing = [p.name for p in paths if not p.exists()]
        if missing:
            print(f"({name}: {', '.join(missing)} absent, skipped)\n")
        for path in (p for p in paths if p.exists()):
            for line in path.read_text("utf-8").splitlines():
                if line.strip() and json.loads(line)["id"] not in args.skip:
                    score_passage(json.loads(line), tallies[name], args.learned,
                                  extract_with=extract_with)
    total = Tally()
    for t in tallies.values():
        for a in ("tp", "fp", "fn", "fields"):
            getattr(total, a).update(getattr(t, a))
    for name, t in (*tallies.items(), *((("all", total),) if len(tallies) > 1 else ())):
        if name in SETS and not any((DATA_DIR / f).exists() for f in SETS[name]):
            continue  # nothing to score yet: no table of 1.000s for an absent set
        print(report(name, t))
    if args.show_errors:
        print("\n".join(tallies[args.show_errors].errors))


if __name__ == "__main__":
    main()
