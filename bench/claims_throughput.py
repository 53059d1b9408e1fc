"""Articles per second and MB per second of the claim checker on one core.

    .venv/bin/python bench/claims_throughput.py [--mb 20] [--stage full|extract] [--rules-only]
        [--corpus passages|articles|blind|noise]

The corpora, each repeated until it reaches the requested size:

- ``passages`` (the default): the five seed articles and the development passages of round 1,
  grouped into articles of about 4 KB. The passages were picked because they hold claims, so
  this text is far denser in figures than news is (about 4.4 claims per KB against 0.8 in
  the seeds): a worst case.
- ``articles``: the five seed articles alone, whole, as published: what a user's articles look
  like, most of their sentences without a figure. Needs ``../shared/seeds``.
- ``blind``: the blind round's passages (``BLIND_FILES`` in bench/rounds.py), grouped like
  ``passages``: text the learned layers were never trained on. The seeds and round 1 are
  training text, on which the typing layer is sure of nearly every figure and so seldom asks its
  trees (none of the seeds' figures does); on unseen text it asks them for about one figure in
  eight, and this corpus times that cost.
- ``noise``: one article of the whole size with no full stop, random tokens the rules react to
  (names, figures, currencies, hedges, years, list words; fixed seed): an adversarial input,
  whose time must grow linearly with its size.

The run prints the corpus's claims per KB, so the two figures can be read together. Reading
is included (bytes are decoded as a user's file would be). ``--stage full`` (the default) runs
the whole pipeline, reading, extraction and verification against the data, as ``natospend
check`` does; ``--stage extract`` stops after extraction. Figures are typed by the learned layer, as
``natospend check`` does by default; ``--rules-only`` times the rules alone. Besides the
wall-clock rate, the run prints MB per second of the process's own CPU time, which a busy host
does not inflate.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rounds import BLIND_FILES

from natospend.claims import decode, extract
from natospend.claims.check import check, read_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DEV = ROOT / "tests" / "data" / "claims_dev.jsonl"


NOISE = ("Poland", "Germany", "NATO", "spends", "2%", "3.5%", "of", "GDP", "$1.2 billion",
         "€40bn", "by", "2030", "and", ",", "allies", "23", "of 32", "meet", "the", "target",
         "defence", "Ukraine", "aid", "package", "worth", "kr", "15", "billion", "kroner",
         "per year", "2024-2026", "Those are", "only", "–", ";", "(", ")", "US$", "NT$", "Rs",
         "crore", "%", "€", "$")


def noise(target_bytes: int) -> list[bytes]:
    import random

    rng = random.Random(1)
    words: list[str] = []
    size = 0
    while size < target_bytes:
        words.append(rng.choice(NOISE))
        size += len(words[-1].encode("utf-8")) + 1
    return [" ".join(words).encode("utf-8")]


def corpus(target_bytes: int, kind: str = "passages") -> list[bytes]:
    if kind == "noise":
        return noise(target_bytes)
    seeds = kind != "blind" and SEEDS.is_dir()
    base: list[str] = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if seeds else []
    if kind == "articles" and not base:
        raise SystemExit(f"--corpus articles needs the seed articles in {SEEDS}")
    files = {"passages": (DEV.name,), "blind": BLIND_FILES}.get(kind, ())
    lines = [line for name in files for line in (DEV.parent / name).read_text("utf-8").splitlines()
             if line.strip()]
    buf: list[str] = []
    for line in lines:
        buf.append(json.loads(line)["text"])
        if sum(len(b) for b in buf) > 4000:
            base.append("\n\n".join(buf))
            buf = []
    if buf:
        base.append("\n\n".join(buf))
    encoded = [a.encode("utf-8") for a in base]
    out: list[bytes] = []
    size = 0
    while size < target_bytes:
        for a in encoded:
            out.append(a)
            size += len(a)
            if size >= target_bytes:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--stage", choices=["full", "extract"], default="full")
    ap.add_argument("--learned", action=argparse.BooleanOptionalAction, default=True,
                    help="type figures with the learned layer over the rules (the default)")
    ap.add_argument("--rules-only", dest="learned", action="store_false",
                    help="the rules alone")
    ap.add_argument("--corpus", choices=["passages", "articles", "blind", "noise"],
                    default="passages",
                    help="claim-dense passages (default), whole seed articles, the blind "
                         "round's passages (text the layers never saw), or one adversarial "
                         "stream with no full stop")
    args = ap.parse_args()
    articles = corpus(int(args.mb * 1_000_000), args.corpus)
    total = sum(len(a) for a in articles)
    published = "2025-07-01"
    learned = args.learned
    # warm patterns, name index and data caches (and the learned weights)
    check(read_text(articles[0]), published, learned=learned)
    claims = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for a in articles:
        if args.stage == "full":
            claims += len(check(read_text(a), published, learned=learned))
        else:
            claims += len(extract(decode(a), learned=learned))
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    how = "learned" if learned else "rules only"
    print(f"corpus {args.corpus}, stage {args.stage} ({how}): {len(articles)} articles, "
          f"{total / 1e6:.1f} MB, {claims} claims ({claims / total * 1e3:.2f} per KB) in "
          f"{dt:.1f} s")
    print(f"{len(articles) / dt:.0f} articles/s, {total / 1e6 / dt:.2f} MB/s on one core")
    # The process's own CPU time: on a shared virtual machine the wall clock also counts the
    # time the core was lent elsewhere, which makes runs differ by a tenth or more.
    print(f"{total / 1e6 / cpu:.2f} MB per CPU second ({cpu:.1f} s of CPU)")


if __name__ == "__main__":
    main()
