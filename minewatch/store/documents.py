"""Named queries over documents and their structure."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa

from minewatch.model import Document, Fact, Footnote, Marker, Paragraph
from minewatch.store import db
from minewatch.store.facts import insert_facts
from minewatch.store.schema import documents, footnotes, markers, paragraphs


class DocumentQueries:
    engine: sa.Engine

    def save_document(self, doc: Document, user: str | None = None) -> tuple[str, bool]:
        """Store ``doc`` unless its content hash is known; returns (id, created).

        A different text from a source already stored is a new version: it is
        kept beside the old one and linked to it through ``previous_id``.
        Safe to call from concurrent workers: of two saving the same text,
        exactly one gets ``created``.
        """
        return db.retry(lambda: self._save_document(doc, user, []))[:2]

    def save_document_and_facts(
        self, doc: Document, new_facts: list[Fact], user: str | None = None
    ) -> tuple[str, bool, int]:
        """Store a document and its extracted facts in one transaction.

        Returns (id, created, facts added). A crash leaves either both or
        neither, so a re-run that skips known documents loses nothing.
        """
        return db.retry(lambda: self._save_document(doc, user, new_facts))

    def _save_document(self, doc: Document, user: str | None, new_facts: list[Fact]) -> tuple[str, bool, int]:
        doc_id = doc.id
        with db.write(self.engine) as conn:
            previous = conn.execute(
                sa.select(documents.c.id)
                .where(documents.c.source == doc.source, documents.c.id != doc_id)
                .order_by(documents.c.ingested_at.desc())
                .limit(1)
            ).scalar()
            inserted = conn.execute(
                db.insert(conn, documents)
                .values(
                    id=doc_id,
                    source=doc.source,
                    format=doc.format,
                    title=doc.title,
                    date=doc.date.isoformat() if doc.date else None,
                    date_source=doc.date_source,
                    publisher=doc.publisher,
                    author=doc.author,
                    language=doc.language,
                    subject_state=doc.subject_state,
                    text=doc.text,
                    warnings=doc.warnings,
                    previous_id=previous,
                    ingested_at=datetime.now(UTC),
                    ingested_by=user,
                )
                .on_conflict_do_nothing(index_elements=[documents.c.id])
                .returning(documents.c.id)
            ).first()
            if inserted is None:
                return doc_id, False, 0
            if doc.paragraphs:
                conn.execute(
                    paragraphs.insert(),
                    [dict(doc_id=doc_id, n=i, **vars(p)) for i, p in enumerate(doc.paragraphs)],
                )
            if doc.footnotes:
                conn.execute(
                    footnotes.insert(), [dict(doc_id=doc_id, **vars(f)) for f in doc.footnotes.values()]
                )
            if doc.markers:
                conn.execute(markers.insert(), [dict(doc_id=doc_id, **vars(m)) for m in doc.markers])
            added = insert_facts(conn, new_facts, user or "extractor") if new_facts else 0
        return doc_id, True, added

    @db.retrying
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    @db.retrying
    def document(self, doc_id: str) -> Document | None:
        """Rebuild a stored document with its paragraphs, footnotes and markers."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            doc = Document(
                text=row["text"],
                source=row["source"],
                format=row["format"],
                title=row["title"],
                date=date.fromisoformat(row["date"]) if row["date"] else None,
                date_source=row["date_source"],
                publisher=row["publisher"],
                author=row["author"],
                language=row["language"],
                subject_state=row["subject_state"],
                warnings=list(row["warnings"] or []),
            )
            cols = [c for c in paragraphs.c if c.name not in ("doc_id", "n")]
            doc.paragraphs = [
                Paragraph(**r)
                for r in conn.execute(
                    sa.select(*cols).where(paragraphs.c.doc_id == doc_id).order_by(paragraphs.c.n)
                ).mappings()
            ]
            doc.footnotes = {
                r["number"]: Footnote(**r)
                for r in conn.execute(
                    sa.select(footnotes.c.number, footnotes.c.text, footnotes.c.start, footnotes.c.end)
                    .where(footnotes.c.doc_id == doc_id)
                    .order_by(footnotes.c.number)
                ).mappings()
            }
            doc.markers = [
                Marker(**r)
                for r in conn.execute(
                    sa.select(markers.c.number, markers.c.start, markers.c.end)
                    .where(markers.c.doc_id == doc_id)
                    .order_by(markers.c.start)
                ).mappings()
            ]
        return doc

    @db.retrying
    def documents(self) -> list[dict]:
        """Every document without its text, newest first."""
        cols = [c for c in documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(sa.select(*cols).order_by(documents.c.ingested_at.desc())).mappings()
            ]
