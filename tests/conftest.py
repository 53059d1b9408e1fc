"""Shared fixtures: where the raw source files are, and a skip when they are absent."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2] / "shared" / "data"

needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=f"raw source files not present at {RAW} "
                               "(they live outside the repository; see README, 'Data')")


PG = os.environ.get("NATOSPEND_TEST_PG")


@contextmanager
def empty_store(kind: str, tmp_path: Path) -> Iterator[str]:
    """Where an empty store can be made: a SQLite file's path, or the URL of a PostgreSQL
    database of its own (``NATOSPEND_TEST_PG`` names the server; skips when it is not set),
    dropped afterwards, so tests never see each other's rows."""
    if kind == "sqlite":
        yield str(tmp_path / "news.db")
        return
    if not PG:
        pytest.skip("NATOSPEND_TEST_PG is not set (.ci/run starts Debian's PostgreSQL and sets it)")
    from sqlalchemy import create_engine, text

    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    name = f"natospend_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield PG.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty user data directory, so imports never leak between tests."""
    from natospend import dataset

    home = tmp_path / "natospend-home"
    monkeypatch.setenv("NATOSPEND_HOME", str(home))
    dataset.reload()
    yield home
    dataset.reload()


HOSTILE_OUTLET = '<script>alert("outlet")</script>'
MIXED = ("Poland spends 4.1% of GDP on defence and aims for 5% by 2026. Germany gave Ukraine a "
         "500 million euro package. The Dutch plan costs from 16 billion euros a year, a 15% "
         "increase. Spain, which ranked last at 1.28%, promised 2.1%.")


def make_news_store(folder: Path) -> Path:
    """A SQLite store for the News page: one claim repeated by three outlets, an article from a
    hostile feed whose claims the learned layer is sure of to different degrees, and an article
    whose claims have no confidence (as in a store made before migration 0002)."""
    import json

    from sqlalchemy import update

    from natospend.store.db import open_store
    from natospend.store.ingest import ingest
    from natospend.store.schema import articles, claims

    wire = ("Poland spent 4.12% of GDP on defence in 2024, and 23 of NATO's 32 allies met the 2% "
            "target that year, NATO said.")
    records = [{"outlet": f"Outlet {i}", "published": "2024-07-01",
                "url": f"https://o{i}.example/a", "text": f"{wire} ({i})"} for i in range(3)]
    records.append({"outlet": HOSTILE_OUTLET, "published": "2025-06-01",
                    "url": "javascript:alert(1)", "title": "<img src=x onerror=alert(2)>",
                    "text": MIXED})
    records.append({"outlet": "Old store", "published": "2024-07-02",
                    "url": "https://old.example/a",
                    "text": "Spain spent 1.28% of GDP on defence in 2024."})
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    db = folder / "news.db"
    engine = open_store(str(db))
    ingest(engine, [feed], processes=1)
    with engine.begin() as conn:
        old = conn.execute(articles.select().where(articles.c.outlet == "Old store")).one()
        conn.execute(update(claims).where(claims.c.article_id == old.id).values(confidence=None))
    engine.dispose()
    return db
