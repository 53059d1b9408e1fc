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


if __name__ == "__main__":
    main()
