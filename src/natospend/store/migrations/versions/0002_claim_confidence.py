"""Claims keep the learned layer's probability for their type ('confidence').

Nullable: claims stored before this revision, or with the rules alone, have none.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    # SQLite before 3.35 has no DROP COLUMN: batch mode copies the table there instead
    # (on PostgreSQL it is a plain ALTER TABLE).
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("confidence")
