"""Claims keep the learned layer's probability for their type ('confidence').

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
    # 0001 creates its tables from the live schema, which has this column: a store made
    # since then has it already, one made before gets it here (nullable, so old rows stay).
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("claims")}
    if "confidence" not in columns:
        op.add_column("claims", sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("claims", "confidence")
