"""The store's tables (SQLAlchemy Core). Changes go through a migration in ``migrations/``."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("canonical_url", String(2000), index=True),
    Column("url", String(2000)),
    Column("outlet", String(300), index=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("source", String(2000), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("previous_id", Integer, ForeignKey("articles.id")),
    Column("story_id", Integer, index=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_chars", Integer, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("text", Text, nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("idx", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("subject", String(40)),
    Column("year", Integer),
    Column("value", Float),
    Column("unit", String(16)),
    Column("hedge", String(40)),
    Column("quote", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("verdict", String(16), nullable=False, index=True),
    Column("latest_verdict", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("claim_key", String(200), nullable=False, index=True),
    # the learned layer's probability for the claim's type (added by migration 0002)
    Column("confidence", Float),
)

story_bands = Table(
    "story_bands", metadata,
    Column("band", SmallInteger, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Index("story_bands_lookup", "band", "hash"),
)

files = Table(
    "files", metadata,
    Column("path", String(2000), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("added", Integer, nullable=False, default=0),
    Column("versions", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
)

skipped = Table(
    "skipped", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False, index=True),
    Column("source", String(2000), nullable=False),
    Column("reason", Text, nullable=False),
)
