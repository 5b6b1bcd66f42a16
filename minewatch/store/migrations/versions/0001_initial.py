"""documents, footnotes, facts, revisions, users

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column(
            "id",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of the canonical text",
        ),
        sa.Column(
            "source", sa.Text(), nullable=False, comment="path or URL it was read from"
        ),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column(
            "date",
            sa.String(length=10),
            nullable=True,
            comment="ISO date the document gives itself",
        ),
        sa.Column("date_source", sa.String(length=16), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("subject_state", sa.String(length=3), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column(
            "previous_id",
            sa.String(length=64),
            nullable=True,
            comment="the earlier version of the same source",
        ),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_source", ["source"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=3), nullable=False),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column(
            "value", sa.JSON(), nullable=True, comment="a number or a categorical value"
        ),
        sa.Column(
            "value_num",
            sa.Float(),
            nullable=True,
            comment="the value when it is a number",
        ),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("approx", sa.String(length=32), nullable=True),
        sa.Column("when_start", sa.String(length=10), nullable=True),
        sa.Column("when_end", sa.String(length=10), nullable=True),
        sa.Column("when_precision", sa.String(length=10), nullable=True),
        sa.Column("when_text", sa.Text(), nullable=True),
        sa.Column("mine_types", sa.JSON(), nullable=False),
        sa.Column("polarity", sa.String(length=8), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=64), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.create_index("ix_facts_doc", ["doc_id"], unique=False)
        batch_op.create_index(
            "ix_facts_state_indicator", ["state", "indicator", "status"], unique=False
        )

    op.create_table(
        "footnotes",
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "text",
            sa.Text(),
            nullable=True,
            comment="null: a marker whose body is missing",
        ),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("doc_id", "number"),
    )
    op.create_table(
        "markers",
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("doc_id", "start"),
    )
    op.create_table(
        "paragraphs",
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("section", sa.String(length=32), nullable=True),
        sa.Column("section_inferred", sa.Boolean(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("doc_id", "n"),
    )
    op.create_table(
        "fact_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.String(length=16),
            nullable=False,
            comment="extract, edit, accept, reject …",
        ),
        sa.Column(
            "data", sa.JSON(), nullable=False, comment="the whole fact after the change"
        ),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["fact_id"],
            ["facts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fact_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("fact_revisions")
    op.drop_table("paragraphs")
    op.drop_table("markers")
    op.drop_table("footnotes")
    with op.batch_alter_table("facts", schema=None) as batch_op:
        batch_op.drop_index("ix_facts_state_indicator")
        batch_op.drop_index("ix_facts_doc")

    op.drop_table("facts")
    op.drop_table("api_tokens")
    op.drop_table("users")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_source")

    op.drop_table("documents")
