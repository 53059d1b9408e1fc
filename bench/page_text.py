"""How much of what the checker reads from a saved web page is the article, and at what speed.

    .venv/bin/python bench/page_text.py DIR [--limit N]

DIR is a copy of Zyte's article-extraction benchmark (github.com/scrapinghub/
article-extraction-benchmark): ``ground-truth.json`` (each page's article body, written by
people) and ``html/<id>.html.gz`` (181 real pages of news sites and blogs, 2019). It is not
shipped with natospend; clone it anywhere and name the folder.

For the text the checker reads from each page (``natospend.claims.html_to_text``, which
runs ``page.read_page``), the run prints:

- words: the share of the text's words that are the article's (precision) and of the
  article's words that the text has (recall), over bags of lowercased words, averaged over
  pages;
- claims: how many the checker reports at its default confidence, and how many of them come
  from a sentence that is not in the article (a menu, a teaser, a caption, a footer, or a
  headline of another story run into a sentence of this one);
- dates: of the pages whose URL holds a date (``/2019/11/05/``), how many the page's markup
  dates the same day (or month, where the URL has no day);
- speed: milliseconds per page and MB of HTML per second on one core, reading alone.

The script asks only for ``html_to_text`` and ``check``, so it runs on older checkouts too
(``PYTHONPATH=<checkout>/src``), to compare; those have no page date.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from natospend.claims import html_to_text
from natospend.claims.check import check

try:
    from natospend.claims.page import read_page
except ImportError:  # an older checkout: no page reader, so no page dates
    read_page = None

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)(?:[/-](\d\d))?/")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="a copy of scrapinghub/article-extraction-benchmark")
    ap.add_argument("--limit", type=int, default=None, help="the first N pages only")
    args = ap.parse_args()
    truth_file = args.dir / "ground-truth.json"
    if not truth_file.is_file():
        sys.exit(f"{truth_file}: not found; clone scrapinghub/article-extraction-benchmark "
                 "and name its folder")
    truth = json.loads(truth_file.read_text("utf-8"))
    pages = list(truth.items())[:args.limit]
    html_to_text("<p>warm</p>")  # imports and caches outside the timing
    check("Poland spent 4.12% of GDP in 2024.")
    precision = recall = seconds = 0.0
    html_bytes = reported = outside = dated = same_day = 0
    for key, item in pages:
        html = gzip.decompress((args.dir / "html" / f"{key}.html.gz").read_bytes()
                               ).decode("utf-8", "replace")
        html_bytes += len(html.encode())
        body = item["articleBody"]
        body_flat, body_words = flat(body), words(body)
        t0 = time.perf_counter()
        text = html_to_text(html)
        seconds += time.perf_counter() - t0
        got = words(text)
        both = sum((got & body_words).values())
        precision += both / sum(got.values()) if got else 0.0
        recall += both / max(1, sum(body_words.values()))
        published = read_page(html).published if read_page is not None else None
        for row in check(text, published):
            reported += 1
            outside += flat(row["sentence"]) not in body_flat
        m = _URL_DATE.search(item["url"])
        if m and read_page is not None:
            dated += 1
            want = "-".join(g for g in m.groups() if g)
            same_day += published is not None and str(published).startswith(want)
    n = len(pages)
    print(f"{n} pages, {html_bytes / 1e6:.1f} MB of HTML")
    print(f"words: precision {precision / n:.3f}, recall {recall / n:.3f}")
    print(f"claims reported {reported}, of them from a sentence not in the article {outside}")
    print(f"reading: {seconds / n * 1e3:.1f} ms per page, {html_bytes / 1e6 / seconds:.1f} MB/s")
    if read_page is not None:
        print(f"dates: {same_day} of the {dated} pages whose URL holds a date are dated the "
              "same by their markup")


if __name__ == "__main__":
    main()
