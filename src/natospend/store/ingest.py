"""Bulk ingestion: read a folder of articles with all cores, keep each article once, record its
claims and verdicts, and group near-duplicates into stories.

Crash safety: workers only compute; the main process writes each batch of articles with their
claims and story bands in one transaction and reports progress only after the commit, so a kill
loses at most the uncommitted batch and never leaves half an article. A file is marked done once
all its articles are committed; a second run skips done files and drops articles already held.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from sqlalchemy import Connection, Engine, func, insert, select, update

from natospend.store.schema import articles, claims, files, runs, skipped, story_bands
from natospend.store.stories import band_hashes, find_story, signature

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
MAX_FILE_BYTES = 20 * 1024 * 1024
WINDOW = 256  # articles in flight at once: memory stays bounded whatever the corpus size
BATCH = 64  # articles per transaction
_SPACE = re.compile(r"\s+")
_TRACKING = ("utm_", "fbclid", "gclid", "ref", "cmpid", "ocid")


@dataclass
class Summary:
    added: int = 0
    versions: int = 0
    duplicates: int = 0
    skipped: int = 0
    claims: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped += 1
        kind = reason.split(":", 1)[-1].strip().split(";")[0][:60]
        self.reasons[kind] = self.reasons.get(kind, 0) + 1


def canonical_url(url: str | None) -> str | None:
    """The URL with tracking parameters, fragment, 'www.' and a trailing slash removed."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query)
                       if not k.lower().startswith(_TRACKING)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def content_hash(text: str) -> str:
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode()).hexdigest()


# -- reading the inputs (main process): small items, not contents ---------------------------
def items(paths: list[Path], is_done: Callable[[Path], bool],
          summary: Summary) -> Iterator[dict[str, Any]]:
    """Work items: one per text/HTML file, one per JSONL line. Files already done are skipped;
    files this reader cannot use are recorded as skipped."""
    for root in paths:
        walk = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in walk:
            if is_done(path):
                continue
            suffix = path.suffix.lower()
            if suffix == ".jsonl":
                yield from _jsonl_items(path)
                yield {"kind": "end", "path": str(path)}
            elif suffix in TEXT_SUFFIXES:
                yield {"kind": "file", "path": str(path)}
                yield {"kind": "end", "path": str(path)}
            else:
                yield {"kind": "bad", "source": str(path),
                       "reason": f"{path.name}: not a text, HTML or JSONL file"}


def _jsonl_items(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open("rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                source = f"{path}:{n}"
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    yield {"kind": "bad", "source": source, "reason": f"{source}: not JSON"}
                    continue
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    yield {"kind": "bad", "source": source,
                           "reason": f'{source}: no "text" string'}
                    continue
                yield {"kind": "record", "source": source, "record": obj}
    except OSError as exc:
        yield {"kind": "bad", "source": str(path), "reason": f"{path}: {exc.strerror}"}


# -- the work (worker processes) --------------------------------------------------------------
def process(item: dict[str, Any]) -> dict[str, Any]:
    """Read, extract, verify and fingerprint one article; never raises."""
    from natospend.claims.check import InputError, check, read_article

    if item["kind"] != "file" and item["kind"] != "record":
        return item
    try:
        if item["kind"] == "file":
            path = Path(item["path"])
            if path.stat().st_size > MAX_FILE_BYTES:
                raise InputError(f"larger than {MAX_FILE_BYTES // 2**20} MB")
            article = read_article(path.read_bytes(), "the article")
            meta: dict[str, Any] = {"url": article.url, "outlet": article.site,
                                    "title": article.title, "published": article.published}
            source = item["path"]
        else:
            rec = item["record"]
            article = read_article(rec["text"], "the article")
            # what the record says of itself, else what a page in it says (an HTML text)
            meta = {"url": rec.get("url") or article.url,
                    "outlet": rec.get("outlet") or article.site,
                    "title": rec.get("title") or article.title,
                    "published": rec.get("published") or article.published}
            source = item["source"]
        text = article.text
        published = _date(meta.get("published"))
        rows = check(text, published, min_confidence=0)  # every claim: a listing filters
        sig = signature(text)
    except InputError as exc:
        return {"kind": "bad", "source": item.get("path") or item.get("source"),
                "reason": f"{item.get('path') or item.get('source')}: {exc}"}
    except Exception as exc:  # a bug must not stop a batch of thousands: record it and go on
        return {"kind": "bad", "source": item.get("path") or item.get("source"),
                "reason": f"{item.get('path') or item.get('source')}: internal error "
                          f"{type(exc).__name__}: {exc}"}
    return {"kind": "article", "source": source, "text": text, "hash": content_hash(text),
            "url": meta.get("url"), "canonical_url": canonical_url(meta.get("url")),
            "outlet": meta.get("outlet") or _outlet(meta.get("url")),
            "title": meta.get("title"), "published": published, "claims": rows,
            "minhash": sig.tobytes(), "bands": band_hashes(sig)}


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _outlet(url: str | None) -> str | None:
    c = canonical_url(url)
    return urlsplit(c).netloc if c else None


def _claim_key(c: dict[str, Any]) -> str:
    value = "" if c["value"] is None else f"{float(c['value']):.6g}"
    return f"{c['type']}|{c['subject']}|{c['year']}|{value}|{c['unit']}"


# -- writing (main process) -------------------------------------------------------------------
def ingest(engine: Engine, paths: list[Path], processes: int | None = None,
           progress: Callable[[Summary], None] | None = None) -> Summary:
    """Ingest every article under ``paths``; returns what was added, kept, skipped."""
    processes = processes or os.cpu_count() or 1
    summary = Summary()
    with engine.begin() as conn:
        key = conn.execute(insert(runs).values(started_at=datetime.now())).inserted_primary_key
        assert key is not None
        run_id = key[0]
    done = _done_files(engine)

    def is_done(path: Path) -> bool:
        st = path.stat()
        return done.get(str(path)) == (st.st_size, st.st_mtime)

    stream = items(paths, is_done, summary)
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pool = ctx.Pool(processes) if processes > 1 else None
    pending: list[dict[str, Any]] = []
    try:
        while True:
            window = [it for _, it in zip(range(WINDOW), stream, strict=False)]
            if not window:
                break
            results = (pool.imap(process, window, chunksize=4) if pool
                       else map(process, window))
            for result in results:
                pending.append(result)
                if len(pending) >= BATCH:
                    _write(engine, run_id, pending, summary)
                    pending = []
                    if progress:
                        progress(summary)
        if pending:
            _write(engine, run_id, pending, summary)
            if progress:
                progress(summary)
    finally:
        if pool:
            pool.terminate()
            pool.join()
        with engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == run_id).values(
                finished_at=datetime.now(), added=summary.added, versions=summary.versions,
                duplicates=summary.duplicates, skipped=summary.skipped))
    return summary


def _done_files(engine: Engine) -> dict[str, tuple[int, float]]:
    with engine.connect() as conn:
        return {r.path: (r.size, r.mtime) for r in conn.execute(
            select(files.c.path, files.c.size, files.c.mtime).where(files.c.status == "done"))}


def _write(engine: Engine, run_id: int, batch: list[dict[str, Any]], summary: Summary) -> None:
    """One transaction: the batch's articles, claims, bands, skipped inputs and finished files."""
    counts = Summary()
    with engine.begin() as conn:
        for r in batch:
            if r["kind"] == "article":
                _write_article(conn, r, counts)
            elif r["kind"] == "bad":
                conn.execute(insert(skipped).values(run_id=run_id, source=r["source"],
                                                    reason=r["reason"]))
                counts.skip(r["reason"])
            elif r["kind"] == "end":
                _mark_done(conn, Path(r["path"]))
    summary.added += counts.added
    summary.versions += counts.versions
    summary.duplicates += counts.duplicates
    summary.skipped += counts.skipped
    summary.claims += counts.claims
    for k, v in counts.reasons.items():
        summary.reasons[k] = summary.reasons.get(k, 0) + v


def _mark_done(conn: Connection, path: Path) -> None:
    st = path.stat()
    conn.execute(files.delete().where(files.c.path == str(path)))
    conn.execute(insert(files).values(path=str(path), size=st.st_size, mtime=st.st_mtime,
                                      status="done"))


def _write_article(conn: Connection, r: dict[str, Any], counts: Summary) -> None:
    if conn.execute(select(articles.c.id).where(articles.c.content_hash == r["hash"])).first():
        counts.duplicates += 1
        return
    version, previous = 1, None
    if r["canonical_url"]:
        prev = conn.execute(select(articles.c.id, articles.c.version)
                            .where(articles.c.canonical_url == r["canonical_url"])
                            .order_by(articles.c.version.desc()).limit(1)).first()
        if prev:
            version, previous = prev.version + 1, prev.id
    sig = np.frombuffer(r["minhash"], dtype=np.uint64)
    story = find_story(conn, sig, r["bands"])
    key = conn.execute(insert(articles).values(
        content_hash=r["hash"], canonical_url=r["canonical_url"], url=r["url"],
        outlet=r["outlet"], title=r["title"], published=r["published"], source=r["source"],
        version=version, previous_id=previous, story_id=story, minhash=r["minhash"],
        n_claims=len(r["claims"]), n_chars=len(r["text"]), ingested_at=datetime.now(),
        text=r["text"])).inserted_primary_key
    assert key is not None
    article_id = key[0]
    if story is None:
        conn.execute(update(articles).where(articles.c.id == article_id)
                     .values(story_id=article_id))
    conn.execute(insert(story_bands), [{"band": i, "hash": h, "article_id": article_id}
                                       for i, h in enumerate(r["bands"])])
    if r["claims"]:
        conn.execute(insert(claims), [{
            "article_id": article_id, "idx": i, "type": c["type"], "subject": c["subject"],
            "year": c["year"], "value": c["value"], "unit": c["unit"], "hedge": c["hedge"],
            "quote": c["quote"], "span_start": c["span"][0], "span_end": c["span"][1],
            "verdict": c["verdict"], "latest_verdict": c["latest"]["verdict"],
            "summary": c["summary"], "claim_key": _claim_key(c),
            "confidence": c.get("confidence")}
            for i, c in enumerate(r["claims"])])
    counts.added += 1
    counts.versions += version > 1
    counts.claims += len(r["claims"])


def article_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
