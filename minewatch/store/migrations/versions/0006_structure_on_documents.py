"""a document's paragraphs, footnotes and markers live on its row; SQLite indexes whole documents

A 20 kB document had some 300 structure rows (paragraphs, markers, notes)
and as many full-text rows, written one by one and only ever read back
together: they took three quarters of an ingest's write time. They are now
three JSON lists on the document's row.

Full text, SQLite: one FTS5 row per document, with ``documents.text`` as its
external content and filled by trigger, so the text is stored once; search
finds the paragraphs inside the documents that match. PostgreSQL keeps one
tsvector per paragraph, in ``paragraph_search`` (a tsvector is capped at
1 MB, which a long budget book can pass), filled from the store's save path.

Revision ID: 0006
Revises: 0005
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STRUCTURE = {  # column on documents: (old table, its fields in list order, order within a document)
    "paragraphs": ("paragraphs", ["start", '"end"', "kind", "section", "section_inferred", "heading", "page"], "n"),
    "footnotes": ("footnotes", ["number", "text", "start", '"end"'], "number"),
    "markers": ("markers", ["number", "start", '"end"'], "start"),
}

SQLITE_UP = [
    "DELETE FROM search_fts WHERE kind = 'paragraph'",
    "CREATE VIRTUAL TABLE document_fts USING fts5("
    "text, content = 'documents', content_rowid = 'rowid', tokenize = 'porter unicode61')",
    "INSERT INTO document_fts (document_fts) VALUES ('rebuild')",
    """CREATE TRIGGER search_document_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_fts (rowid, text) VALUES (NEW.rowid, NEW.text);
    END""",
]
PG_UP = [
    """CREATE TABLE paragraph_search (
        doc_id VARCHAR(64) NOT NULL REFERENCES documents (id),
        n INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        tsv tsvector NOT NULL,
        PRIMARY KEY (doc_id, n))""",
    """INSERT INTO paragraph_search (doc_id, n, start, "end", tsv)
        SELECT p.doc_id, p.n, p.start, p."end", to_tsvector('english', substr(d.text, p.start + 1, p."end" - p.start))
        FROM paragraphs p JOIN documents d ON d.id = p.doc_id""",
    "CREATE INDEX ix_paragraph_search_tsv ON paragraph_search USING gin (tsv)",
]


def upgrade() -> None:
    bind = op.get_bind()
    for column in STRUCTURE:
        op.add_column("documents", sa.Column(column, sa.JSON, nullable=False, server_default="[]"))
    _move_structure(bind)
    for sql in PG_UP if bind.dialect.name == "postgresql" else SQLITE_UP:
        op.execute(sql)
    for table in ("markers", "footnotes", "paragraphs"):
        op.drop_table(table)


def _move_structure(bind: sa.Connection) -> None:
    """Each document's rows of the old tables, as lists on its row."""
    ids = bind.execute(sa.text("SELECT id FROM documents")).scalars().all()
    for column, (table, fields, order) in STRUCTURE.items():
        lists: dict[str, list] = {i: [] for i in ids}
        for doc_id, *values in bind.execute(
            sa.text(f"SELECT doc_id, {', '.join(fields)} FROM {table} ORDER BY doc_id, {order}")
        ):
            lists[doc_id].append([bool(v) if f == "section_inferred" else v for f, v in zip(fields, values)])
        filled = [{"id": i, "v": json.dumps(v)} for i, v in lists.items() if v]
        if filled:
            bind.execute(sa.text(f"UPDATE documents SET {column} = :v WHERE id = :id"), filled)


def downgrade() -> None:
    raise NotImplementedError("0006 is one-way: restore a backup taken before it to go back")
