"""Articles per second and MB per second of the claim checker on one core.

    .venv/bin/python bench/claims_throughput.py [--mb 20] [--stage full|extract] [--rules-only]

The corpus is realistic text: the five seed articles and the development passages, grouped into
articles of about 4 KB, repeated until it reaches the requested size. Reading is included
(bytes are decoded as a user's file would be). ``--stage full`` (the default) runs the whole
pipeline, reading, extraction and verification against the data, as ``natospend check`` does;
``--stage extract`` stops after extraction. Figures are typed by the learned layer, as
``natospend check`` does by default; ``--rules-only`` times the rules alone.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from natospend.claims import decode, extract
from natospend.claims.check import check, read_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DEV = ROOT / "tests" / "data" / "claims_dev.jsonl"


def corpus(target_bytes: int) -> list[bytes]:
    base: list[str] = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] \
        if SEEDS.is_dir() else []
    buf: list[str] = []
    for line in DEV.read_text("utf-8").splitlines():
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
    args = ap.parse_args()
    articles = corpus(int(args.mb * 1_000_000))
    total = sum(len(a) for a in articles)
    published = "2025-07-01"
    learned = args.learned
    # warm patterns, name index and data caches (and the learned weights)
    check(read_text(articles[0]), published, learned=learned)
    claims = 0
    t0 = time.perf_counter()
    for a in articles:
        if args.stage == "full":
            claims += len(check(read_text(a), published, learned=learned))
        else:
            claims += len(extract(decode(a), learned=learned))
    dt = time.perf_counter() - t0
    how = "learned" if learned else "rules only"
    print(f"stage {args.stage} ({how}): {len(articles)} articles, "
          f"{total / 1e6:.1f} MB, {claims} claims in {dt:.1f} s")
    print(f"{len(articles) / dt:.0f} articles/s, {total / 1e6 / dt:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
