"""The first schema: articles, claims, story bands, files, runs, skipped.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from natospend.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ("articles", "claims", "story_bands", "files", "runs", "skipped")


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        metadata.tables[name].create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(TABLES):
        metadata.tables[name].drop(bind)
