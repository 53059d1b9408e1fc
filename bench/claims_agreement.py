"""How far two people labelling the same passages agree, beside how far the extractor does.

    .venv/bin/python bench/claims_agreement.py [--set 4|38]

Two second labellings, each made from the text and the written conventions alone by a labeller
who saw neither the first labels nor the extractor, each scored against the first labels with
the matching of claims_quality.py (type, overlapping quote, value within rounding):

- ``4`` (session 3): 60 round-4 passages, 30 drawn at random from each of claims_dev4a/4b.jsonl
  (seed 4), in tests/data/claims_dev4_second_labeller.jsonl.
- ``38`` (session 16): all 63 passages of round 38 (claims_dev38a/38b.jsonl), in
  tests/data/claims_dev38_second_labeller.jsonl; the labeller's notes, and the one slip of its
  brief (the ids kept the first labeller's ``neg``), are in
  claims_dev38_second_labeller_NOTES.md. The table is printed for every passage and again
  without the passages whose id says ``neg``.

Beside them, the extractor's rules alone and the learned layer, as they are now. The learned
layer's weights are trained on rounds 1-43 from session 19 on, so its figures on both sets
are training-set figures; round 38's blind score, taken once before any of its labels was read, is
in docs/benchmarks.md. If people agree far better than the extractor does, the extractor's misses
are its own and not noise in the labels.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from claims_quality import TYPES, quote_spans, values_agree

from natospend.claims import extract

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
Spans = dict[str, list[tuple[str, float, int, int]]]
SETS = {
    "4": (("claims_dev4a.jsonl", "claims_dev4b.jsonl"), "claims_dev4_second_labeller.jsonl"),
    "38": (("claims_dev38a.jsonl", "claims_dev38b.jsonl"),
           "claims_dev38_second_labeller.jsonl"),
}


def _load(name: str) -> tuple[dict[str, dict], list[dict]]:
    first_files, second_file = SETS[name]
    first = {}
    for f in first_files:
        for line in (DATA / f).read_text("utf-8").splitlines():
            p = json.loads(line)
            first[p["id"]] = p
    second = [json.loads(line) for line in (DATA / second_file).read_text("utf-8").splitlines()]
    return first, second


def _score(first: dict[str, dict], preds: Spans) -> tuple[int, int, int, Counter[tuple[str, str]]]:
    tp = fp = fn = 0
    by: Counter[tuple[str, str]] = Counter()
    for pid, predicted in preds.items():
        text = first[pid]["text"]
        used: set[int] = set()
        for g in first[pid]["claims"]:
            spans = quote_spans(text, g["quote"])
            hit = next((i for i, (t, v, a, b) in enumerate(predicted) if i not in used
                        and t == g["type"] and values_agree(v, g["value"])
                        and any(a < e and s < b for s, e in spans)), None)
            if hit is None:
                fn += 1
                by["fn", g["type"]] += 1
            else:
                used.add(hit)
                tp += 1
                by["tp", g["type"]] += 1
        for i, (t, *_rest) in enumerate(predicted):
            if i not in used:
                fp += 1
                by["fp", t] += 1
    return tp, fp, fn, by


def _table(first: dict[str, dict], readers: dict[str, Spans], ids: set[str]) -> list[str]:
    lines = ["| against the first labels | precision | recall | F1 |", "|---|---:|---:|---:|"]
    tallies = {}
    for name, preds in readers.items():
        tp, fp, fn, by = _score(first, {k: v for k, v in preds.items() if k in ids})
        tallies[name] = by
        p, r = tp / (tp + fp), tp / (tp + fn)
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r):.3f} |")
    lines.append("")
    lines.append("per type (tp / fp / fn): " + "; ".join(
        f"{t}: " + ", ".join(f"{name} {by['tp', t]}/{by['fp', t]}/{by['fn', t]}"
                             for name, by in tallies.items()) for t in TYPES))
    return lines


def report(name: str) -> str:
    """The agreement tables of one set, in markdown."""
    first, second = _load(name)
    people: Spans = {}
    rules: Spans = {}
    learned: Spans = {}
    for p in second:
        text = first[p["id"]]["text"]
        people[p["id"]] = []
        for c in p["claims"]:
            a, b = (quote_spans(text, c["quote"]) or [(-1, -1)])[0]
            people[p["id"]].append((c["type"], c["value"], a, b))
        published = first[p["id"]].get("published")
        pub = date.fromisoformat(published) if published else None
        rules[p["id"]] = [(c.type, c.value, *c.span) for c in extract(text, pub)]
        learned[p["id"]] = [(c.type, c.value, *c.span)
                            for c in extract(text, pub, learned=True)]
    readers = {"second labeller": people, "rules": rules, "learned layer": learned}
    ids = set(people)
    lines = [f"## round {name}: {len(second)} passages, "
             f"{sum(len(first[i]['claims']) for i in ids)} claims in the first labelling", ""]
    lines += _table(first, readers, ids)
    positive = {i for i in ids if "-neg-" not in i}
    if positive != ids:
        lines += ["", f"Without the {len(ids - positive)} passages whose id says 'neg' "
                      f"({sum(len(first[i]['claims']) for i in positive)} claims):", ""]
        lines += _table(first, readers, positive)
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS, key=int), action="append",
                    help="one second labelling (default: both)")
    args = ap.parse_args()
    print("\n\n".join(report(name) for name in args.set or sorted(SETS, key=int)))


if __name__ == "__main__":
    main()
