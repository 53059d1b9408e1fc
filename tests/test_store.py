"""The ingest store, on SQLite and on a real PostgreSQL server: each article once, versions,
stories, repeated claims, bad files skipped, and a kill -9 in the middle of a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from natospend.store import queries
from natospend.store.db import StoreError, open_store
from natospend.store.ingest import canonical_url, ingest
from natospend.store.schema import articles, claims
from tests.conftest import empty_store

DEV = Path(__file__).parent / "data" / "claims_dev.jsonl"

WIRE = ("NATO allies agreed at The Hague to spend 5% of GDP on defence by 2035, of which at "
        "least 3.5% on core defence. Poland spent 4.12% of GDP on defence in 2024, the highest "
        "share in the alliance, and 23 of NATO's 32 allies met the 2% target that year. "
        "Spain, which ranked last at 1.28%, has promised to reach 2% in 2025. The Secretary "
        "General said European allies must keep raising budgets as the war in Ukraine goes on.")


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path: Path) -> Iterator[str]:
    with empty_store(request.param, tmp_path) as where:
        yield where


def count(engine, table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_each_article_is_kept_once_and_a_changed_one_is_a_new_version(store, tmp_path):
    engine = open_store(store)
    feed = write_jsonl(tmp_path / "a.jsonl", [
        {"url": "https://www.example.org/nato?utm_source=x", "outlet": "Example",
         "published": "2024-07-01", "text": WIRE},
        {"url": "https://example.org/other", "outlet": "Example", "published": "2024-07-02",
         "text": "Germany spent 2.12% of GDP on defence in 2024, NATO estimates."},
    ])
    first = ingest(engine, [feed], processes=1)
    assert (first.added, first.duplicates) == (2, 0)
    again = ingest(engine, [feed], processes=1)
    assert again.added == 0 and count(engine, articles) == 2
    changed = write_jsonl(tmp_path / "b.jsonl", [
        {"url": "https://example.org/nato/", "outlet": "Example", "published": "2024-07-03",
         "text": WIRE + " Updated with a correction."},
        {"url": "https://mirror.example.net/copy", "outlet": "Mirror",
         "published": "2024-07-01", "text": WIRE}])
    third = ingest(engine, [changed], processes=1)
    assert (third.added, third.versions, third.duplicates) == (1, 1, 1)
    with engine.connect() as conn:
        v = conn.execute(select(articles.c.version, articles.c.previous_id)
                         .where(articles.c.canonical_url == canonical_url(
                             "https://example.org/nato")).order_by(articles.c.version)).all()
    assert [r.version for r in v] == [1, 2] and v[1].previous_id is not None


def test_near_duplicates_form_one_story_and_repeated_claims_are_counted(store, tmp_path):
    engine = open_store(store)
    outlets = ["Alpha", "Beta", "Gamma", "Delta"]
    records = [{"url": f"https://{o.lower()}.example/story", "outlet": o,
                "published": "2024-07-01",
                "text": f"{o} News. {WIRE} Read more at {o}."} for o in outlets]
    records.append({"url": "https://other.example/x", "outlet": "Other",
                    "published": "2024-07-05",
                    "text": "Finland will provide approximately $691 million worth of military "
                            "support to Ukraine, the defence ministry said on Wednesday."})
    ingest(engine, [write_jsonl(tmp_path / "s.jsonl", records)], processes=1)
    st = queries.stories(engine)
    assert list(st["articles"]) == [4, 1]
    assert st.iloc[0]["outlets"] == 4
    rep = queries.repeated_claims(engine)
    count_claim = rep[rep["type"] == "allies_meeting_target"].iloc[0]
    assert (count_claim["articles"], count_claim["outlets"]) == (4, 4)
    assert count_claim["verdict"] == "supported"  # 23 of 32 in the June 2024 edition
    assert "appears in 4 articles from 4 outlets" in count_claim["line"]


def test_bad_files_are_reported_and_skipped_and_the_batch_goes_on(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Poland spent 4.12% of GDP on defence in 2024.", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("La défense coûte 2,06 %".encode("latin-1"))
    (folder / "broken.html").write_text("<html><body><p>Unclosed <div>Spain spent 1.28% of "
                                        "GDP on defence in 2024", "utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "feed.jsonl").write_text('{"text": "ok, 23 of 32 allies met 2% in 2024"}\n'
                                       "not json\n{\"no_text\": 1}\n", "utf-8")
    engine = open_store(store)
    s = ingest(engine, [folder], processes=2)
    assert s.added == 3  # good.txt, broken.html (its text is readable), one JSONL line
    assert s.skipped == 6
    reasons = " ".join(s.reasons)
    assert "empty" in reasons and "binary" in reasons and "not UTF-8" in reasons
    assert "not JSON" in reasons and "not a text, HTML or JSONL" in reasons


def test_a_store_that_is_not_ours_is_refused(tmp_path):
    other = tmp_path / "other.db"
    import sqlite3

    with sqlite3.connect(other) as conn:
        conn.execute("create table people (name text)")
    with pytest.raises(StoreError, match="not a natospend store"):
        open_store(str(other))
    (tmp_path / "text.db").write_text("hello")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(tmp_path / "text.db"))
    with pytest.raises(StoreError, match="unable to open database file$"):
        open_store(str(tmp_path / "no-such-folder" / "news.db"))
    assert not (tmp_path / "no-such-folder").exists()


def corpus(folder: Path, files: int = 6, per_file: int = 60) -> Path:
    folder.mkdir()
    lines = [json.loads(x) for x in DEV.read_text("utf-8").splitlines()]
    n = 0
    for f in range(files):
        recs = []
        for i in range(per_file):
            src = lines[n % len(lines)]
            recs.append({"url": f"https://site{f}.example/a{i}", "outlet": f"Outlet {f % 4}",
                         "published": src.get("published"),
                         "text": f"{src['text']} (item {n})"})
            n += 1
        write_jsonl(folder / f"part{f}.jsonl", recs)
    return folder


def test_kill_9_mid_run_loses_nothing_reported_and_a_rerun_completes(tmp_path):
    folder = corpus(tmp_path / "corpus")
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "natospend.cli", "ingest", str(folder), "--store", str(db),
           "--quiet", "--processes", "2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    reported = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed:"):
            reported = int(line.split()[1])
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    engine = open_store(str(db))
    held = count(engine, articles)
    assert held >= reported > 0
    with engine.connect() as conn:  # no half-written article: every claim count is complete
        short = conn.execute(select(func.count()).select_from(articles).where(
            articles.c.n_claims != select(func.count()).where(
                claims.c.article_id == articles.c.id).scalar_subquery())).scalar_one()
    assert short == 0
    engine.dispose()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "articles added" in done.stdout
    engine = open_store(str(db))
    assert count(engine, articles) == 6 * 60
    with engine.connect() as conn:
        dupes = conn.execute(select(articles.c.content_hash).group_by(articles.c.content_hash)
                             .having(func.count() > 1)).all()
    assert dupes == []


def test_cli_claims_and_stories(tmp_path):
    from click.testing import CliRunner

    from natospend.cli import main

    feed = write_jsonl(tmp_path / "f.jsonl", [{"outlet": "A", "published": "2025-03-01",
                                               "text": "Spain spent 3.9% of GDP on defence in "
                                                       "2024."}])
    db = str(tmp_path / "n.db")
    r = CliRunner().invoke(main, ["ingest", str(feed), "--store", db, "--quiet"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["claims", "--store", db, "--verdict", "contradicted",
                                  "--since", "2025-01", "--format", "json"])
    rows = json.loads(r.output)["rows"]
    assert rows and rows[0]["subject"] == "ESP"
    r = CliRunner().invoke(main, ["stories", "--store", db, "--format", "csv"])
    assert r.exit_code == 0 and "story_id" in r.output
    bad = CliRunner().invoke(main, ["claims", "--store", db, "--since", "last week"])
    assert bad.exit_code == 1 and "YYYY-MM" in bad.output


def test_claims_keep_their_confidence_and_the_cli_filters_on_it(tmp_path):
    from click.testing import CliRunner

    from natospend.cli import main

    feed = write_jsonl(tmp_path / "f.jsonl", [{
        "outlet": "A", "published": "2025-03-01",
        "text": "Spain spent 3.9% of GDP on defence in 2024. The Dutch plan costs from 16 "
                "billion euros a year."}])
    db = str(tmp_path / "n.db")
    assert CliRunner().invoke(main, ["ingest", str(feed), "--store", db, "--quiet"]).exit_code == 0
    every = queries.claim_rows(open_store(db))
    assert len(every) >= 2 and every["confidence"].between(0, 1).all()
    cut = float(every["confidence"].max())
    r = CliRunner().invoke(main, ["claims", "--store", db, "--min-confidence", str(cut),
                                  "--format", "json"])
    kept = json.loads(r.output)["rows"]
    assert [k["quote"] for k in kept] == list(every[every["confidence"] >= cut]["quote"])
    assert 0 < len(kept) < len(every)
    bad = CliRunner().invoke(main, ["claims", "--store", db, "--min-confidence", "7"])
    assert bad.exit_code == 1 and "between 0 and 1" in bad.output
    # without a minimum the store lists every claim, check's default minimum or not
    r = CliRunner().invoke(main, ["claims", "--store", db, "--format", "json"])
    assert [k["quote"] for k in json.loads(r.output)["rows"]] == list(every["quote"])
    assert CliRunner().invoke(main, ["claims", "--store", db, "--repeated"]).exit_code == 0



def test_stored_years_are_whole_numbers_beside_claims_without_one(tmp_path):
    """A target has no year: the column has a gap, and pandas would make the others 2024.0."""
    from click.testing import CliRunner

    from natospend.cli import main

    feed = write_jsonl(tmp_path / "f.jsonl", [{
        "outlet": "A", "published": "2025-03-01",
        "text": "Spain spent 1.3% of GDP on defence in 2024 and aims for 2% by 2029."}])
    db = str(tmp_path / "n.db")
    assert CliRunner().invoke(main, ["ingest", str(feed), "--store", db, "--quiet"]).exit_code == 0
    rows = json.loads(CliRunner().invoke(main, ["claims", "--store", db, "--format",
                                                "json"]).output)["rows"]
    assert sorted((r["type"], r["year"]) for r in rows) == [("share_of_gdp", 2024),
                                                             ("target_commitment", None)]
    assert all(type(r["year"]) in (int, type(None)) for r in rows)
