"""Named queries over documents and their structure."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from minewatch.model import STRUCTURE, Document, Fact, structure_rows
from minewatch.store import db, search
from minewatch.store.facts import insert_facts
from minewatch.store.schema import documents, facts

HEAVY = ("text", "paragraphs", "footnotes", "markers")  # what a listing of documents leaves out


class DocumentQueries:
    engine: sa.Engine

    def save_document(self, doc: Document, user: str | None = None) -> tuple[str, bool]:
        """Store ``doc`` unless its content hash is known; returns (id, created).

        A different text from a source already stored is a new version: it is
        kept beside the old one and linked to it through ``previous_id``.
        Safe to call from concurrent workers: of two saving the same text,
        exactly one gets ``created``.
        """
        return db.retry(lambda: self._save_batch([(doc, [])], user, fill_missing=False))[0][:2]

    def save_document_and_facts(
        self, doc: Document, new_facts: list[Fact], user: str | None = None
    ) -> tuple[str, bool, int]:
        """Store a document and its extracted facts in one transaction.

        Returns (id, created, facts added). A crash leaves either both or
        neither, so a re-run that skips known documents loses nothing.
        """
        return db.retry(lambda: self._save_batch([(doc, new_facts)], user, fill_missing=False))[0]

    def save_documents(
        self, batch: list[tuple[Document, list[Fact] | None]], user: str | None = None
    ) -> list[tuple[str, bool, int]]:
        """Store many documents with their facts in one transaction: (id, created, facts added) each.

        One commit per batch rather than per document is what lets a single
        writer keep up with many readers. A crash leaves the whole batch or
        none of it. A known document that has no facts yet (a documents-only
        run, or a store written before documents and facts shared a
        transaction) gets the facts given with it; ``None`` means none to give.
        """
        return db.retry(lambda: self._save_batch(batch, user, fill_missing=True))

    def _save_batch(
        self, batch: list[tuple[Document, list[Fact] | None]], user: str | None, fill_missing: bool
    ) -> list[tuple[str, bool, int]]:
        items = [(doc.id, doc, given) for doc, given in batch]  # ``Document.id`` hashes the text each time
        with db.write(self.engine) as conn:
            known = set(
                conn.execute(
                    sa.select(documents.c.id).where(documents.c.id.in_({i for i, _, _ in items}))
                ).scalars()
            )
            latest = _latest_versions(conn, {doc.source for _, doc, _ in items})
            rows, new = [], {}
            stamp = datetime.now(UTC)
            for doc_id, doc, _ in items:
                if doc_id in known or doc_id in new:
                    continue
                new[doc_id] = doc
                rows.append(_document_row(doc_id, doc, latest.get(doc.source), stamp, user))
                latest[doc.source] = doc_id
                stamp += timedelta(microseconds=1)  # versions of a source in one batch keep their order
            created: set[str] = set()
            if rows:
                created = set(
                    conn.execute(
                        db.insert(conn, documents)
                        .on_conflict_do_nothing(index_elements=[documents.c.id])
                        .returning(documents.c.id),
                        rows,
                    ).scalars()
                )
            search.index_documents(conn, [(doc_id, doc) for doc_id, doc in new.items() if doc_id in created])
            to_fill: set[str] = set()
            if fill_missing:
                wanting = {doc_id for doc_id, _, given in items if given and doc_id not in created}
                if wanting:
                    with_facts = conn.execute(
                        sa.select(facts.c.doc_id).where(facts.c.doc_id.in_(wanting)).distinct()
                    ).scalars()
                    to_fill = wanting - set(with_facts)
            todo: list[Fact] = []
            taken: set[str] = set()  # a document given twice has its facts saved once
            for doc_id, _, given in items:
                if given and doc_id not in taken and (doc_id in created or doc_id in to_fill):
                    todo.extend(given)
                    taken.add(doc_id)
            added = {id(f) for f in insert_facts(conn, todo, user or "extractor")} if todo else set()
            out: list[tuple[str, bool, int]] = []
            seen: set[str] = set()
            for doc_id, _, given in items:
                out.append(
                    (
                        doc_id,
                        doc_id in created and doc_id not in seen,
                        sum(id(f) in added for f in given or ()),
                    )
                )
                seen.add(doc_id)
        return out

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
                **{name: from_rows(row[name]) for name, (_, from_rows) in STRUCTURE.items()},
                warnings=list(row["warnings"] or []),
            )
        return doc

    @db.retrying
    def documents(self) -> list[dict]:
        """Every document without its text and structure, newest first."""
        cols = [c for c in documents.c if c.name not in HEAVY]
        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(sa.select(*cols).order_by(documents.c.ingested_at.desc())).mappings()
            ]


def _latest_versions(conn: sa.Connection, sources: set[str]) -> dict[str, str]:
    """source → id of its newest stored version, for ``previous_id``."""
    newest: dict[str, tuple] = {}
    q = sa.select(documents.c.source, documents.c.ingested_at, documents.c.id).where(
        documents.c.source.in_(sources)
    )
    for source, at, doc_id in conn.execute(q):
        if source not in newest or at > newest[source][0]:
            newest[source] = (at, doc_id)
    return {source: doc_id for source, (_, doc_id) in newest.items()}


def _document_row(doc_id: str, doc: Document, previous: str | None, at: datetime, user: str | None) -> dict:
    return dict(
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
        ingested_at=at,
        ingested_by=user,
        **{name: structure_rows(doc, name) for name in STRUCTURE},
    )
