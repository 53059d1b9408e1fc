"""The store's migrations, on SQLite and on a real PostgreSQL server: 0001 is a fixed step
(written out, not made from the live tables), and 0001 plus every later revision gives exactly
the tables schema.py describes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, text

from natospend.store import queries
from natospend.store.db import alembic_config, migrate
from natospend.store.schema import metadata
from tests.conftest import empty_store


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[Engine]:
    """An empty database (tests/conftest.py's ``empty_store``), as an engine."""
    with empty_store(request.param, tmp_path) as where:
        url = f"sqlite:///{where}" if request.param == "sqlite" else \
            where.replace("postgresql://", "postgresql+psycopg://")
        e = create_engine(url)
        yield e
        e.dispose()


def drift(conn: Connection, target: MetaData) -> list[Any]:
    """What differs between the database and ``target``: Alembic's autogenerate comparison
    (tables, columns, types, nullability, server defaults, indexes, unique and foreign keys),
    plus the primary keys, which autogenerate does not compare."""
    ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                 "compare_server_default": True})
    found: list[Any] = list(compare_metadata(ctx, target))
    db = inspect(conn)
    for table in target.sorted_tables:
        if db.has_table(table.name):
            have = db.get_pk_constraint(table.name)["constrained_columns"]
            want = [c.name for c in table.primary_key.columns]
            if have != want:
                found.append(("primary_key", table.name, have, want))
    return found


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def columns(engine: Engine, table: str) -> list[str]:
    return [c["name"] for c in inspect(engine).get_columns(table)]


def test_an_empty_database_upgraded_to_head_has_exactly_the_live_schema(engine):
    migrate(engine)
    with engine.connect() as conn:
        assert drift(conn, metadata) == []


def changed(edit: Callable[[MetaData], object]) -> MetaData:
    copy = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(copy)
    edit(copy)
    return copy


def _drop_cascade(md: MetaData) -> None:
    for fk in md.tables["claims"].foreign_key_constraints:
        fk.ondelete = None


DRIFTS: dict[str, Callable[[MetaData], object]] = {
    "a new column": lambda md: md.tables["claims"].append_column(sa.Column("note", sa.Text)),
    "a longer string": lambda md: setattr(md.tables["claims"].c.type, "type", sa.String(80)),
    "another type": lambda md: setattr(md.tables["claims"].c.value, "type", sa.Integer()),
    "nullability": lambda md: setattr(md.tables["claims"].c.subject, "nullable", False),
    "a server default": lambda md: setattr(md.tables["runs"].c.added, "server_default",
                                           sa.DefaultClause("0")),
    "an index": lambda md: sa.Index("ix_claims_year", md.tables["claims"].c.year),
    "a unique constraint": lambda md: md.tables["files"].append_constraint(
        sa.UniqueConstraint("status")),
    "a foreign key's ON DELETE": _drop_cascade,
    "a primary key": lambda md: md.tables["story_bands"].append_constraint(
        sa.PrimaryKeyConstraint("band", "hash", "article_id")),
}


@pytest.mark.parametrize("kind", DRIFTS)
def test_the_comparison_sees_each_kind_of_drift(kind, tmp_path):
    """The test above passes only while 0001 + 0002 and schema.py agree: a change to schema.py
    of any of these kinds without a migration would make it fail."""
    engine = create_engine(f"sqlite:///{tmp_path / 'news.db'}")
    migrate(engine)
    with engine.connect() as conn:
        assert drift(conn, changed(DRIFTS[kind])) != []
    engine.dispose()


ARTICLE = ("INSERT INTO articles (id, content_hash, outlet, published, ingested_at, text, source, "
           "version, minhash, n_claims, n_chars) VALUES (1, 'h', 'A', '2025-01-01', "
           "'2025-01-02 00:00:00', 't', 'f', 1, :minhash, 1, 1)")
CLAIM = ("INSERT INTO claims (article_id, idx, type, quote, span_start, span_end, verdict, "
         "latest_verdict, summary, claim_key) VALUES (1, 0, 'share_of_gdp', '2%', 0, 2, "
         "'supported', 'supported', 's', 'k')")


def test_0001_has_no_confidence_and_head_adds_it_keeping_the_claims(engine):
    migrate(engine, "0001")
    assert "confidence" not in columns(engine, "claims")
    assert "claim_key" in columns(engine, "claims")
    with engine.begin() as conn:
        conn.execute(text(ARTICLE), {"minhash": b"\x00"})
        conn.execute(text(CLAIM))
    migrate(engine)
    assert columns(engine, "claims")[-1] == "confidence"
    rows = queries.claim_rows(engine)
    assert list(rows["quote"]) == ["2%"] and rows["confidence"].isna().all()
    assert queries.claim_rows(engine, min_confidence=0.5).empty


def test_downgrade_to_base_and_back(engine):
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text(ARTICLE), {"minhash": b"\x00"})
        conn.execute(text(CLAIM))
    downgrade(engine, "0001")
    assert "confidence" not in columns(engine, "claims")
    with engine.connect() as conn:  # the copy SQLite's batch mode makes keeps rows and indexes
        assert conn.execute(text("SELECT quote FROM claims")).scalars().all() == ["2%"]
    assert {i["name"] for i in inspect(engine).get_indexes("claims")} == {
        "ix_claims_article_id", "ix_claims_claim_key", "ix_claims_verdict"}
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    with engine.connect() as conn:
        assert drift(conn, metadata) == []
