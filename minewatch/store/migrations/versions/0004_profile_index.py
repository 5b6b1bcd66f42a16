"""PostgreSQL: an index that serves a state's facts of one indicator in id order

SQLite's index on (state, indicator, status) already ends in the rowid, so
``ORDER BY id LIMIT n`` reads n entries. PostgreSQL's does not: at 1M facts it
fetched and sorted ~4,000 rows for 50 (31 ms); with id in the index it reads
50 (2 ms).

Revision ID: 0004
Revises: 0002
"""

from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_facts_state_indicator_status_id", "facts", ["state", "indicator", "status", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_facts_state_indicator_status_id", table_name="facts")
