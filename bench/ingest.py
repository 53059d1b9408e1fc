"""Ingest throughput on a synthetic corpus built from realistic articles, for 1, 2 and all
processes, with peak memory.

    .venv/bin/python bench/ingest.py --articles 100000 --processes 1 2

The corpus: the development passages and the seeds, combined into articles of ~2.5 KB with
varied outlets, dates and figures; 10% of articles are exact copies and 10% near-copies of
another (a new headline and footer), as aggregator feeds are. Written as JSONL files of 1,000
articles. Each run ingests into a fresh SQLite store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from natospend.store.db import open_store
from natospend.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "claims_dev.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"
OUTLETS = [f"Outlet {i}" for i in range(60)]


def build_corpus(folder: Path, n: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    passages = [json.loads(x)["text"] for x in DEV.read_text("utf-8").splitlines()]
    if SEEDS.is_dir():
        passages += [p.read_text("utf-8")[:3000] for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    made: list[str] = []
    size = 0
    for f in range(0, n, 1000):
        with (folder / f"feed{f // 1000:05d}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(f, min(n, f + 1000)):
                roll = rng.random()
                if made and roll < 0.10:
                    text = rng.choice(made[-500:])
                elif made and roll < 0.20:
                    text = f"UPDATED {i}. " + rng.choice(made[-500:]) + f" Copyright {i}."
                else:
                    body = " ".join(rng.sample(passages, 4))
                    body = body.replace("2024", str(rng.choice([2023, 2024, 2025])))
                    text = f"Report {i}. {body}"
                    made.append(text)
                    made = made[-2000:]
                year = rng.choice([2024, 2025, 2026])
                rec = {"url": f"https://site{rng.randrange(300)}.example/{i}",
                       "outlet": rng.choice(OUTLETS),
                       "published": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}",
                       "text": text}
                line = json.dumps(rec) + "\n"
                size += len(line)
                out.write(line)
    return size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="natospend-bench-"))
    t = time.perf_counter()
    size = build_corpus(work / "corpus", args.articles)
    print(f"corpus: {args.articles} articles, {size / 1e6:.0f} MB in "
          f"{time.perf_counter() - t:.0f} s ({work / 'corpus'}); cores: {os.cpu_count()}")
    for procs in args.processes:
        db = work / f"news-{procs}.db"
        engine = open_store(str(db))
        t = time.perf_counter()
        s = ingest(engine, [work / "corpus"], processes=procs)
        dt = time.perf_counter() - t
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"processes={procs}: {s.added} added, {s.duplicates} duplicates, {s.claims} claims "
              f"in {dt:.0f} s = {args.articles / dt:.0f} articles/s, {size / 1e6 / dt:.2f} MB/s; "
              f"peak RSS main {own:.0f} MB, largest worker {kids:.0f} MB; "
              f"store {db.stat().st_size / 1e6:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
