"""Refresh docs/screenshots/: one PNG per dashboard page, taken in Debian's headless Chromium.

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import browser, running_server  # noqa: E402

PAGES = {
    "overview": "/",
    "ally-poland": "/ally/POL",
    "targets": "/targets?target=3.5&by=2035&from=2025&growth=3.0&group=europe-canada",
    "burden": "/burden",
    "aid": "/aid",
    "data": "/data",
    "check": "/check",
}
SEED = ROOT.parent / "shared" / "seeds" / "004_22aa553175590713.txt"
DEV = ROOT / "tests" / "data" / "claims_dev.jsonl"


def news_store(folder: Path) -> Path:
    """A small store from the labelled passages, so the News page has something to show."""
    import json

    from natospend.store.db import open_store
    from natospend.store.ingest import ingest

    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for line in DEV.read_text("utf-8").splitlines():
            p = json.loads(line)
            url = p["source_url"] if p["source_url"].startswith("http") else None
            out.write(json.dumps({"url": url, "outlet": p.get("outlet"),
                                  "published": p.get("published"), "text": p["text"]}) + "\n")
    db = folder / "news.db"
    ingest(open_store(str(db)), [feed], processes=1)
    return db


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with running_server() as url, browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        for name, path in PAGES.items():
            page.goto(url + path)
            for fig in page.locator("figure.chart").all():
                fig.locator("svg").first.wait_for(timeout=20000)
            page.screenshot(path=str(out / f"{name}.png"), full_page=False)
            print(out / f"{name}.png")
        if SEED.is_file():
            page.goto(url + "/check")
            page.fill("#text", SEED.read_text("utf-8"))
            page.fill("input[name=published]", "2025-02-27")
            page.click("#check-form button")
            page.wait_for_url("**/check/*")
            page.screenshot(path=str(out / "check-result.png"), full_page=False)
            print(out / "check-result.png")
    import tempfile

    db = news_store(Path(tempfile.mkdtemp()))
    with running_server("--store", str(db)) as url, browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/news")
        page.locator("figure.chart svg").first.wait_for(timeout=20000)
        page.screenshot(path=str(out / "news.png"), full_page=False)
        print(out / "news.png")


if __name__ == "__main__":
    main()
