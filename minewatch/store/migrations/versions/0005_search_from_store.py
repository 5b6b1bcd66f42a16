"""paragraphs enter the search index from the store's save path, not a trigger

The paragraph triggers of 0002 cut each paragraph's text out of its
document's stored text, one row at a time: at ~100 paragraphs a document the
database re-read every text a hundred times, and indexing took three
quarters of an ingest's write time. The store now hands the text it already
holds to the index in the same transaction (``minewatch.store.search``).
Fact quotes keep their trigger: the quote is in the row itself.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_UP = ["DROP TRIGGER IF EXISTS search_paragraph_insert"]
SQLITE_DOWN = [
    """CREATE TRIGGER search_paragraph_insert AFTER INSERT ON paragraphs BEGIN
        INSERT INTO search_fts (body, kind, doc_id, ref)
        SELECT substr(d.text, NEW.start + 1, NEW."end" - NEW.start), 'paragraph', NEW.doc_id, NEW.n
        FROM documents d WHERE d.id = NEW.doc_id;
    END""",
]
PG_UP = [
    "DROP TRIGGER IF EXISTS search_paragraph_tsv ON paragraphs",
    "DROP FUNCTION IF EXISTS minewatch_paragraph_tsv()",
]
PG_DOWN = [
    """CREATE FUNCTION minewatch_paragraph_tsv() RETURNS trigger AS $$
    BEGIN
        NEW.tsv := to_tsvector('english', coalesce(
            (SELECT substr(d.text, NEW.start + 1, NEW."end" - NEW.start) FROM documents d WHERE d.id = NEW.doc_id),
            ''));
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_paragraph_tsv BEFORE INSERT OR UPDATE OF start, "end", doc_id ON paragraphs
        FOR EACH ROW EXECUTE FUNCTION minewatch_paragraph_tsv()""",
]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    _run(PG_UP if op.get_bind().dialect.name == "postgresql" else SQLITE_UP)


def downgrade() -> None:
    _run(PG_DOWN if op.get_bind().dialect.name == "postgresql" else SQLITE_DOWN)
