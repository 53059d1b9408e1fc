"""The off-topic passages (``tests/data/claims_offtopic*.jsonl``, bench/claims_offtopic.py) are
what the bench says they are: real, dated, sourced passages with figures the checker reads and
no claim of its types."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from natospend.claims.numbers import find_quantities

DATA = Path(__file__).resolve().parent / "data"
# the subject of the checker: a passage naming it is no off-topic passage
ON_TOPIC = re.compile(r"\b(?:defen[cs]e|military|NATO|Nato|Ukrain\w*|armed forces|weapons?)\b")


def test_each_offtopic_passage_is_sourced_dated_has_figures_and_no_claims():
    files = sorted(DATA.glob("claims_offtopic*.jsonl"))
    assert files, "no off-topic passages"
    ids: set[str] = set()
    urls: set[str] = set()
    for path in files:
        sources = path.with_name(path.stem + "_SOURCES.md").read_text("utf-8")
        for line in path.read_text("utf-8").splitlines():
            p = json.loads(line)
            assert p["id"] not in ids
            ids.add(p["id"])
            assert p["claims"] == []
            assert p["source_url"].startswith("http") and p["source_url"] in sources
            assert date(2023, 1, 1) <= date.fromisoformat(p["published"]) <= date(2026, 12, 31)
            assert find_quantities(p["text"]), p["id"]
            assert not ON_TOPIC.search(p["text"]), p["id"]
            urls.add(p["source_url"])
    assert len(urls) >= 20
