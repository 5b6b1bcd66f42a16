"""The tables. Migrations under ``migrations/versions`` build exactly these.

A document carries its structure on its own row: paragraphs, footnotes and
markers are lists of field lists in the order of their model classes
(``minewatch.model``), read and written whole, never queried one by one.

Facts are append-only statements: the ``facts`` row is the current view, and
every change to it is also written whole to ``fact_revisions``. Nothing is
deleted from either.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True, comment="sha256 of the canonical text"),
    sa.Column("source", sa.Text, nullable=False, comment="path or URL it was read from"),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.String(10), comment="ISO date the document gives itself"),
    sa.Column("date_source", sa.String(16)),
    sa.Column("publisher", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("subject_state", sa.String(3)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("warnings", sa.JSON, nullable=False, default=list),
    sa.Column("previous_id", sa.String(64), comment="the earlier version of the same source"),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ingested_by", sa.String(64)),
    sa.Column(
        "paragraphs",
        sa.JSON,
        nullable=False,
        default=list,
        comment="[start, end, kind, section, section_inferred, heading, page] each",
    ),
    sa.Column(
        "footnotes",
        sa.JSON,
        nullable=False,
        default=list,
        comment="[number, text, start, end] each; text null: missing",
    ),
    sa.Column(
        "markers", sa.JSON, nullable=False, default=list, comment="[number, start, end] each, in text order"
    ),
    sa.Index("ix_documents_source", "source"),
)

facts = sa.Table(
    "facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(40), nullable=False, unique=True),
    sa.Column("state", sa.String(3), nullable=False),
    sa.Column("indicator", sa.String(32), nullable=False),
    sa.Column("value", sa.JSON, comment="a number or a categorical value"),
    sa.Column("value_num", sa.Float, comment="the value when it is a number"),
    sa.Column("unit", sa.String(32)),
    sa.Column("approx", sa.String(32)),
    sa.Column("when_start", sa.String(10)),
    sa.Column("when_end", sa.String(10)),
    sa.Column("when_precision", sa.String(10)),
    sa.Column("when_text", sa.Text),
    sa.Column("mine_types", sa.JSON, nullable=False, default=list),
    sa.Column("polarity", sa.String(8), nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("doc_id", sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("citations", sa.JSON, nullable=False, default=list),
    sa.Column("extractor", sa.String(64), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("attributes", sa.JSON, nullable=False, default=dict),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_facts_state_indicator", "state", "indicator", "status"),
    sa.Index("ix_facts_doc", "doc_id"),
)

fact_revisions = sa.Table(
    "fact_revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fact_id", sa.ForeignKey("facts.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("action", sa.String(16), nullable=False, comment="extract, edit, accept, reject …"),
    sa.Column("data", sa.JSON, nullable=False, comment="the whole fact after the change"),
    sa.Column("user", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("fact_id", "version"),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.ForeignKey("users.id"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
