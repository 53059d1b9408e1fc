"""Opening a store: a SQLite file path or a PostgreSQL URL, migrated to the newest schema."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, inspect


class StoreError(RuntimeError):
    """The store cannot be opened or is not a natospend store."""


def url_for(store: str) -> str:
    """SQLAlchemy URL for a path (SQLite) or a postgresql:// URL (psycopg driver)."""
    if store.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + store.split("://", 1)[1]
    if "://" in store:
        if store.startswith(("postgresql+psycopg://", "sqlite://")):
            return store
        raise StoreError(f"store {store!r}: give a file path or a postgresql:// URL")
    path = Path(store)
    if path.exists() and path.is_dir():
        raise StoreError(f"store {store!r} is a folder; give a file path such as news.db")
    if path.exists() and path.stat().st_size and path.read_bytes()[:16] != b"SQLite format 3\x00":
        raise StoreError(f"{store!r} exists and is not a SQLite database")
    return f"sqlite:///{path}"


def open_store(store: str) -> Engine:
    """An engine for ``store``, with the schema migrated to the newest revision."""
    url = url_for(store)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # a crash leaves committed work intact
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    try:
        migrate(engine)
    except Exception as exc:
        # the driver's own message ('unable to open database file'), without SQLAlchemy's
        # statement echo and documentation link
        raise StoreError(f"cannot open store {store!r}: {getattr(exc, 'orig', None) or exc}"
                         ) from exc
    return engine


def alembic_config(conn: Connection) -> Config:
    """Alembic's configuration for our migrations, run on ``conn`` (no alembic.ini: the
    package carries its migrations and the caller holds the connection)."""
    cfg = Config()
    cfg.set_main_option("script_location",
                        str(resources.files("natospend.store").joinpath("migrations")))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the store to ``revision``, refusing a database that holds someone else's
    tables rather than adding ours beside them."""
    with engine.begin() as conn:
        existing = set(inspect(conn).get_table_names())
        if existing and "alembic_version" not in existing:
            raise StoreError("the database has tables but is not a natospend store")
        command.upgrade(alembic_config(conn), revision)
