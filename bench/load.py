"""Requests per second and p50/p99 latency at 64 concurrent connections on loopback, for
natospend's overview JSON, its expenditure table API and its check endpoint, and in the same run
for Datasette serving the same table from `natospend export sqlite`.

    .venv/bin/python bench/load.py [--seconds 10] [--datasette PATH]

Needs `wrk` (Debian package) and a Datasette executable (not a natospend dependency; e.g.
`python3 -m venv /tmp/ds && /tmp/ds/bin/pip install datasette`). Both servers run one process.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import free_port, running_server  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "004_22aa553175590713.txt"
FALLBACK_ARTICLE = ("Finland will provide approximately $691 million worth of military support "
                    "to Ukraine. Poland spent 4.12% of GDP on defence in 2024, and 23 of NATO's "
                    "32 allies met the 2% target.")


def wrk(url: str, seconds: int, script: Path | None = None) -> dict[str, float]:
    cmd = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(p: str) -> float:
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M)
        assert m, out
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
        return float(m.group(1)) * scale

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": pct("50"), "p99_ms": pct("99"),
            "non_2xx": float(errors.group(1)) if errors else 0.0}


def wait(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--datasette", default=shutil.which("datasette") or "/tmp/dsvenv/bin/datasette")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    work = Path(tempfile.mkdtemp())
    db = work / "natospend.db"
    subprocess.run([sys.executable, "-m", "natospend.cli", "export", "sqlite", str(db)],
                   check=True, capture_output=True)
    article = SEED.read_text("utf-8") if SEED.is_file() else FALLBACK_ARTICLE
    lua = work / "check.lua"
    body = json.dumps({"text": article, "published": "2025-02-27"})
    lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                   f"wrk.body = {json.dumps(body)}\n")
    unique = work / "check_unique.lua"
    template = json.dumps({"text": article + " (copy __N__)", "published": "2025-02-27"})
    unique.write_text(
        'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
        f"local template = {json.dumps(template)}\n"
        "local n = 0\nrequest = function()\n  n = n + 1\n"
        '  local body = string.gsub(template, "__N__",\n'
        '                           tostring(n) .. "-" .. tostring(math.random(1e9)))\n'
        "  return wrk.format(nil, nil, nil, body)\nend\n")
    port = free_port()
    ds = subprocess.Popen([args.datasette, "serve", str(db), "--port", str(port),
                           "--setting", "max_returned_rows", "2000"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = {}
    try:
        ds_url = (f"http://127.0.0.1:{port}/natospend/expenditure.json?edition=2026-07"
                  "&year=2026&_shape=array&_size=max")
        wait(ds_url)
        with running_server() as url:
            targets = {
                "natospend /overview.json": (url + "/overview.json", None),
                "natospend /api/v1/expenditure?year=2026": (
                    url + "/api/v1/expenditure?year=2026", None),
                "Datasette expenditure.json (same rows)": (ds_url, None),
                "natospend POST /api/v1/check (same seed article; result kept)": (
                    url + "/api/v1/check", lua),
                "natospend POST /api/v1/check (a new article each request)": (
                    url + "/api/v1/check", unique),
            }
            for name, (target, script) in targets.items():
                urllib.request.urlopen(target if script is None else url + "/", timeout=30)
                results[name] = wrk(target, args.seconds, script)
    finally:
        ds.terminate()
        ds.wait(timeout=10)
    print(f"| endpoint (64 connections, {args.seconds} s) | requests/s | p50 ms | p99 ms | "
          "non-2xx |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
              f"{r['non_2xx']:.0f} |")


if __name__ == "__main__":
    main()
