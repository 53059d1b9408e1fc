"""How far two people labelling the same passages agree, beside how far the extractor does.

    .venv/bin/python bench/claims_agreement.py

60 round-4 passages (30 drawn at random from each of claims_dev4a/4b.jsonl, seed 4) were labelled
a second time, from the text and the written conventions alone, by a labeller who saw neither the
first labels nor the extractor (tests/data/claims_dev4_second_labeller.jsonl). Both labellings
and the extractor's output are scored against the first labels with the matching of
claims_quality.py. If people agree far better than the extractor does, the extractor's misses are
its own and not noise in the labels.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from claims_quality import TYPES, quote_spans, values_agree

from natospend.claims import extract

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
Spans = dict[str, list[tuple[str, float, int, int]]]


def _load() -> tuple[dict[str, dict], list[dict]]:
    first = {}
    for name in ("claims_dev4a.jsonl", "claims_dev4b.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            p = json.loads(line)
            first[p["id"]] = p
    second = [json.loads(line) for line in
              (DATA / "claims_dev4_second_labeller.jsonl").read_text("utf-8").splitlines()]
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


def main() -> None:
    first, second = _load()
    people: Spans = {}
    program: Spans = {}
    for p in second:
        text = first[p["id"]]["text"]
        people[p["id"]] = []
        for c in p["claims"]:
            a, b = (quote_spans(text, c["quote"]) or [(-1, -1)])[0]
            people[p["id"]].append((c["type"], c["value"], a, b))
        published = first[p["id"]].get("published")
        program[p["id"]] = [(c.type, c.value, *c.span) for c in
                            extract(text, date.fromisoformat(published) if published else None)]
    print(f"{len(second)} passages, {sum(len(first[p['id']]['claims']) for p in second)} "
          "claims in the first labelling\n")
    print("| against the first labels | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    tallies = {}
    for name, preds in (("second labeller", people), ("extractor", program)):
        tp, fp, fn, by = _score(first, preds)
        tallies[name] = by
        p, r = tp / (tp + fp), tp / (tp + fn)
        print(f"| {name} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r):.3f} |")
    print("\nper type (tp / fp / fn): " + "; ".join(
        f"{t}: people {tallies['second labeller']['tp', t]}/{tallies['second labeller']['fp', t]}"
        f"/{tallies['second labeller']['fn', t]}, extractor {tallies['extractor']['tp', t]}/"
        f"{tallies['extractor']['fp', t]}/{tallies['extractor']['fn', t]}" for t in TYPES))


if __name__ == "__main__":
    main()
