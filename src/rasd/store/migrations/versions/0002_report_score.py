"""Event mentions keep the salience model's report score (rasd.stages.salience).

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
    """Apply this revision: a nullable column, so mentions stored before it keep working (score unknown).

    A plain ALTER TABLE on both backends: SQLite adds and drops columns in place (3.35+), where a batch
    rebuild of the table would trip over the foreign keys that point at it.
    """
    op.add_column("event_mentions", sa.Column("report_score", sa.Float(), nullable=True))


def downgrade() -> None:
    """Undo this revision."""
    op.drop_column("event_mentions", "report_score")
