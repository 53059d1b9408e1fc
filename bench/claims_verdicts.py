"""Verdict accuracy of natospend's verifier against hand-labelled gold verdicts.

    .venv/bin/python bench/claims_verdicts.py [--set NAME] [--show] [--type TYPE]
    .venv/bin/python bench/claims_verdicts.py --extracted [--min-confidence P] [--set NAME]

The gold verdicts were decided by hand from the shipped figures, using the edition current at
each passage's publication date. The verifier is run on the GOLD claims (not on extracted
ones), so extraction errors do not count: only the verdict is scored. Two sets:

- ``tuned``: round 1 (tests/data/claims_verdicts.jsonl on claims_dev.jsonl), the verdicts the
  verifier was developed against;
- ``blind-4`` ... ``blind-44``: rounds 4-44 (claims_verdicts4a/.../44b.jsonl on the claims of
  claims_dev4a/.../44b.jsonl; the rounds are those of bench/rounds.py), decided by people
  who read the data files and never ran the checker. The disagreements of rounds 4, 7 and
  9-26 were then read and the verifier changed where they showed it wrong (docs/benchmarks.md
  keeps their first scores); round 8's were not read.
  A verdict file not yet written (a round still being decided) is skipped, and the run says so.

``--extracted`` scores what a user sees instead: the checker's OWN claims (the learned layers,
kept at the minimum confidence ``natospend check`` uses, 0.8 unless ``--min-confidence`` says
otherwise), each verified as ``check`` verifies it, against the gold verdict of the gold claim
it matches (the quality bench's matching: type, overlapping quote, value). A found claim with a
wrong subject or year is verified as found, so its errors count here. Printed: how many gold
claims were found with the readers' verdict, how many reported claims carry it, and the
verdicts of the reported claims no person labelled (a spurious "supported" or "contradicted"
misleads; a spurious "unverifiable" only adds noise). Only the blind round is unseen by the
learned layers; on the others the extraction half is a training-set figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_quality import greedy_match  # noqa: E402
from rounds import verdict_file, verdict_rounds  # noqa: E402

from natospend.claims import extract  # noqa: E402
from natospend.claims.check import DEFAULT_MIN_CONFIDENCE, confident  # noqa: E402
from natospend.claims.text import split_sentences  # noqa: E402
from natospend.claims.verify import editions_at, verify  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {
    ("tuned" if r == 1 else f"blind-{r}"): tuple((name, verdict_file(name)) for name in files)
    for r, files in verdict_rounds().items()
}
TYPES = ("share_of_gdp", "allies_meeting_target", "spending_amount", "aid_pledge",
         "target_commitment")
VERDICTS = ("supported", "contradicted", "unverifiable")


@dataclass
class GoldClaim:
    """The fields of a gold claim that verification reads."""

    type: str
    subject: str | None
    year: int | None
    value: float | None
    unit: str | None
    hedge: str | None
    low: float | None
    high: float | None
    target_pct: float | None
    total: int | None
    deadline: int | None
    year_inferred: bool = False
    sentence: str = ""
    quote: str = ""


def _opt_float(v: Any) -> float | None:
    return None if v is None else float(v)


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def sentence_of(text: str, quote: str) -> str:
    """The sentence of ``text`` the quote starts in, as the extractor would give it."""
    at = text.find(quote)
    for s in split_sentences(text):
        if s.start <= at < s.end:
            return s.text
    return quote


def gold_claim(c: dict[str, Any], sentence: str = "") -> GoldClaim:
    return GoldClaim(type=c["type"], subject=c.get("subject"), year=_opt_int(c.get("year")),
                     value=_opt_float(c.get("value")), unit=c.get("unit"),
                     hedge=c.get("hedge"), low=_opt_float(c.get("low")),
                     high=_opt_float(c.get("high")), target_pct=_opt_float(c.get("target_pct")),
                     total=_opt_int(c.get("total")), deadline=_opt_int(c.get("deadline")),
                     year_inferred=bool(c.get("year_inferred", False)),
                     sentence=sentence, quote=c.get("quote", ""))


def _jsonl(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load(set_name: str) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """The passages and gold verdicts of one set."""
    passages: dict[str, dict[str, Any]] = {}
    gold: list[dict[str, Any]] = []
    for claims_file, verdicts_file in SETS[set_name]:
        if not (DATA / verdicts_file).exists():
            print(f"({verdicts_file} absent, skipped)")
            continue
        passages.update({p["id"]: p for p in _jsonl(claims_file)})
        gold.extend(_jsonl(verdicts_file))
    return passages, gold


@dataclass
class Row:
    passage_id: str
    index: int
    type: str
    quote: str
    published: str
    gold: str
    gold_edition: str | None
    gold_reason: str
    pred: str
    summary: str
    older_edition: bool = False  # the verdict at publication came from an edition before the
    # current one, which had no such figure (``verify._judge_at``); the gold rules never do


def _read_older_edition(v: Any, published: date | None) -> bool:
    """Whether the verdict at publication rests on an edition older than the one current at
    ``published``: natospend reads the newest edition out that holds the figure (a release
    with a few figures in its text does not hide the full tables before it), where the gold
    readers' rules use the current edition alone and call the claim unverifiable."""
    at = v.at_publication
    if published is None or at is None or at.edition is None:
        return False
    out = editions_at(published)
    return bool(out) and at.edition in out[1:]


def run(set_name: str, type_filter: str | None = None) -> list[Row]:
    passages, gold = load(set_name)
    rows: list[Row] = []
    for g in gold:
        p = passages[g["passage_id"]]
        c = p["claims"][g["claim_index"]]
        if type_filter and c["type"] != type_filter:
            continue
        published = date.fromisoformat(p["published"]) if p.get("published") else None
        v = verify(gold_claim(c, sentence_of(p["text"], c["quote"])), published)
        rows.append(Row(g["passage_id"], g["claim_index"], c["type"], c["quote"],
                        p.get("published") or "", g["verdict"], g.get("edition"),
                        g.get("reason", ""), v.verdict, v.summary,
                        _read_older_edition(v, published)))
    return rows


def run_extracted(set_name: str, min_confidence: float) -> Counter[str]:
    """Tally the checker's own claims on one set against the gold verdicts (``--extracted``)."""
    passages, gold = load(set_name)
    verdicts = {(g["passage_id"], g["claim_index"]): g["verdict"] for g in gold}
    t: Counter[str] = Counter()
    for pid in dict.fromkeys(g["passage_id"] for g in gold):
        p = passages[pid]
        published = date.fromisoformat(p["published"]) if p.get("published") else None
        found = [c for c in extract(p["text"], published, learned=True)
                 if not min_confidence or confident(c.confidence, min_confidence)]
        pairs = dict(greedy_match(p["text"], p["claims"], found))
        # a gold claim without a gold verdict (a few in round 1) counts nowhere, nor the
        # claim found on it
        unjudged = {gi for gi in range(len(p["claims"])) if (pid, gi) not in verdicts}
        t["gold"] += len(p["claims"]) - len(unjudged)
        t["reported"] += len(found) - len(unjudged & set(pairs))
        for gi, pi in pairs.items():
            if gi in unjudged:
                continue
            v = verify(found[pi], published)
            t["found"] += 1
            same = v.verdict == verdicts[(pid, gi)]
            t["agree"] += same
            t["agree_older"] += not same and _read_older_edition(v, published)
            t["right_fields"] += (found[pi].subject, found[pi].year) == (
                p["claims"][gi]["subject"], p["claims"][gi]["year"])
        for pi in set(range(len(found))) - set(pairs.values()):
            t["spurious " + verify(found[pi], published).verdict] += 1
    return t


def report_extracted(t: Counter[str]) -> None:
    gold, found, reported = t["gold"], t["found"], t["reported"]
    agree, older = t["agree"], t["agree_older"]
    print(f"gold claims {gold}; found {found} ({_pct(found, gold).strip()}); reported "
          f"{reported}, of which {reported - found} match no gold claim")
    print(f"found with the readers' verdict: {agree} of {found} ({_pct(agree, found).strip()}); "
          f"{older} of the {found - agree} disagreements are the older-edition policy; subject "
          f"and year both as labelled on {t['right_fields']}")
    print(f"gold claims found with the readers' verdict: {_pct(agree, gold).strip()}; reported "
          f"claims that are a gold claim with its verdict: {_pct(agree, reported).strip()}")
    print("verdicts of the reported claims no one labelled: " + ", ".join(
        f"{v} {t['spurious ' + v]}" for v in VERDICTS))


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def report(rows: list[Row], show: bool) -> None:
    right = sum(r.gold == r.pred for r in rows)
    print(f"gold verdicts: {len(rows)}   verdict accuracy: {_pct(right, len(rows))} "
          f"({right}/{len(rows)})")
    # The aid ledger was extended with the announcements behind the round-1 claims, so aid
    # verdicts there are optimistic; the figure without them is printed too.
    other = [r for r in rows if r.type != "aid_pledge"]
    ok = sum(r.gold == r.pred for r in other)
    print(f"without aid_pledge: {len(other)}   verdict accuracy: {_pct(ok, len(other))} "
          f"({ok}/{len(other)})")
    older = sum(r.gold != r.pred and r.older_edition for r in rows)
    print(f"disagreements read from an older edition (the current one has no such figure; "
          f"the gold rules call it unverifiable): {older}; agreement apart from them: "
          f"{_pct(right, len(rows) - older)} ({right}/{len(rows) - older})")
    print()
    print(f"{'type':24} {'n':>4} {'acc':>7}   " + "  ".join(f"{v[:5]:>5}" for v in VERDICTS)
          + "   (gold counts)")
    by_type: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_type[r.type].append(r)
    for t in TYPES:
        rs = by_type.get(t, [])
        if not rs:
            continue
        ok = sum(r.gold == r.pred for r in rs)
        counts = Counter(r.gold for r in rs)
        print(f"{t:24} {len(rs):4} {_pct(ok, len(rs)):>7}   "
              + "  ".join(f"{counts[v]:5}" for v in VERDICTS))
    print()
    confusion = Counter((r.gold, r.pred) for r in rows)
    print("confusion (rows: gold, columns: predicted)")
    print(f"{'':14}" + "".join(f"{v:>14}" for v in VERDICTS))
    for g in VERDICTS:
        print(f"{g:14}" + "".join(f"{confusion[(g, p)]:14}" for p in VERDICTS))
    for g in VERDICTS:
        support = sum(1 for r in rows if r.gold == g)
        predicted = sum(1 for r in rows if r.pred == g)
        tp = confusion[(g, g)]
        print(f"  {g:13} precision {_pct(tp, predicted)}  recall {_pct(tp, support)}")
    wrong = [r for r in rows if r.gold != r.pred]
    if show and wrong:
        print()
        print(f"disagreements ({len(wrong)}):")
        for r in sorted(wrong, key=lambda r: (r.type, r.gold, r.pred, r.passage_id)):
            print(f"- {r.passage_id}#{r.index} [{r.type}] {r.published} {r.quote!r}")
            print(f"    gold {r.gold} ({r.gold_edition}): {r.gold_reason}")
            print(f"    pred {r.pred}: {r.summary}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=tuple(SETS), help="one set (default: both)")
    ap.add_argument("--show", action="store_true", help="list the disagreements")
    ap.add_argument("--type", choices=TYPES, help="only claims of this type")
    ap.add_argument("--extracted", action="store_true",
                    help="score the checker's own claims end to end, not the gold claims")
    ap.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE,
                    help="with --extracted, the claims kept (0: every claim; default %(default)s)")
    args = ap.parse_args()
    if args.extracted:
        total: Counter[str] = Counter()
        for name in ([args.set] if args.set else SETS):
            t = run_extracted(name, args.min_confidence)
            total.update(t)
            print(f"## {name}\n")
            report_extracted(t)
            print()
        if not args.set:
            print("## every set\n")
            report_extracted(total)
        return
    for name in ([args.set] if args.set else SETS):
        print(f"## {name}\n")
        report(run(name, args.type), args.show)
        print()


if __name__ == "__main__":
    main()
