"""Alembic environment: the connection is handed over by natospend.store.db.migrate."""

from __future__ import annotations

from alembic import context

from natospend.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
