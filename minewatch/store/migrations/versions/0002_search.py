"""full-text search over paragraphs and fact quotes

SQLite: one FTS5 table ``search_fts`` filled by triggers on insert (paragraphs
and facts are never deleted, and neither a paragraph's text nor a fact's quote
ever changes). PostgreSQL: a ``tsv`` tsvector column with a GIN index on
``paragraphs`` and ``facts``, set by BEFORE triggers.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PARAGRAPH_TEXT = 'substr(d.text, p.start + 1, p."end" - p.start)'

SQLITE_UP = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "body, kind UNINDEXED, doc_id UNINDEXED, ref UNINDEXED, tokenize = 'porter unicode61')",
    f"""INSERT INTO search_fts (body, kind, doc_id, ref)
        SELECT {PARAGRAPH_TEXT}, 'paragraph', p.doc_id, p.n
        FROM paragraphs p JOIN documents d ON d.id = p.doc_id""",
    "INSERT INTO search_fts (body, kind, doc_id, ref) SELECT quote, 'fact', doc_id, id FROM facts",
    """CREATE TRIGGER search_paragraph_insert AFTER INSERT ON paragraphs BEGIN
        INSERT INTO search_fts (body, kind, doc_id, ref)
        SELECT substr(d.text, NEW.start + 1, NEW."end" - NEW.start), 'paragraph', NEW.doc_id, NEW.n
        FROM documents d WHERE d.id = NEW.doc_id;
    END""",
    """CREATE TRIGGER search_fact_insert AFTER INSERT ON facts BEGIN
        INSERT INTO search_fts (body, kind, doc_id, ref) VALUES (NEW.quote, 'fact', NEW.doc_id, NEW.id);
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_fact_insert",
    "DROP TRIGGER IF EXISTS search_paragraph_insert",
    "DROP TABLE IF EXISTS search_fts",
]

PG_UP = [
    "ALTER TABLE paragraphs ADD COLUMN tsv tsvector",
    "ALTER TABLE facts ADD COLUMN tsv tsvector",
    """CREATE FUNCTION minewatch_paragraph_tsv() RETURNS trigger AS $$
    BEGIN
        NEW.tsv := to_tsvector('english', coalesce(
            (SELECT substr(d.text, NEW.start + 1, NEW."end" - NEW.start) FROM documents d WHERE d.id = NEW.doc_id),
            ''));
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION minewatch_fact_tsv() RETURNS trigger AS $$
    BEGIN
        NEW.tsv := to_tsvector('english', coalesce(NEW.quote, ''));
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_paragraph_tsv BEFORE INSERT OR UPDATE OF start, "end", doc_id ON paragraphs
        FOR EACH ROW EXECUTE FUNCTION minewatch_paragraph_tsv()""",
    """CREATE TRIGGER search_fact_tsv BEFORE INSERT OR UPDATE OF quote ON facts
        FOR EACH ROW EXECUTE FUNCTION minewatch_fact_tsv()""",
    f"""UPDATE paragraphs p SET tsv = to_tsvector('english', {PARAGRAPH_TEXT})
        FROM documents d WHERE d.id = p.doc_id""",
    "UPDATE facts SET tsv = to_tsvector('english', quote)",
    "CREATE INDEX ix_paragraphs_tsv ON paragraphs USING gin (tsv)",
    "CREATE INDEX ix_facts_tsv ON facts USING gin (tsv)",
]
PG_DOWN = [
    "DROP TRIGGER IF EXISTS search_fact_tsv ON facts",
    "DROP TRIGGER IF EXISTS search_paragraph_tsv ON paragraphs",
    "DROP FUNCTION IF EXISTS minewatch_fact_tsv()",
    "DROP FUNCTION IF EXISTS minewatch_paragraph_tsv()",
    "DROP INDEX IF EXISTS ix_facts_tsv",
    "DROP INDEX IF EXISTS ix_paragraphs_tsv",
    "ALTER TABLE facts DROP COLUMN IF EXISTS tsv",
    "ALTER TABLE paragraphs DROP COLUMN IF EXISTS tsv",
]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    _run(PG_UP if op.get_bind().dialect.name == "postgresql" else SQLITE_UP)


def downgrade() -> None:
    _run(PG_DOWN if op.get_bind().dialect.name == "postgresql" else SQLITE_DOWN)
