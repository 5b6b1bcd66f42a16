"""Saving documents a batch per transaction, on both engines: what one-by-one saving would store."""

from __future__ import annotations

import pickle

import pytest
import sqlalchemy as sa

from minewatch.store.schema import documents, fact_revisions, facts
from tests.store.make import document, facts_for


def rows(store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_a_batch_stores_each_document_with_its_facts(any_store):
    docs = [document(n) for n in range(5)]
    given = [facts_for(d, 3, offset=n) for n, d in enumerate(docs)]
    saved = any_store.save_documents(list(zip(docs, given, strict=True)), user="ana")
    assert saved == [(d.id, True, 3) for d in docs]
    assert rows(any_store, documents) == 5
    assert [any_store.document(d.id).paragraphs for d in docs] == [d.paragraphs for d in docs]
    assert rows(any_store, facts) == rows(any_store, fact_revisions) == 15
    # Ids follow the order given: document by document, each in reading order.
    assert [(f.doc, f.start) for f in any_store.facts()] == [(f.doc, f.start) for g in given for f in g]
    assert {r["ingested_by"] for r in any_store.documents()} == {"ana"}
    assert any_store.document(docs[2].id).footnotes == docs[2].footnotes
    assert any_store.document(docs[2].id).markers == docs[2].markers


def test_repeats_and_known_documents_are_not_stored_twice(any_store):
    first, second = document(1), document(2)
    any_store.save_document_and_facts(first, facts_for(first, 2))
    again = document(2)  # the same text read from a second path
    again.source = "elsewhere/report-2.txt"
    saved = any_store.save_documents(
        [(first, facts_for(first, 4)), (second, facts_for(second, 2)), (again, facts_for(second, 2))]
    )
    assert saved == [(first.id, False, 0), (second.id, True, 2), (second.id, False, 0)]
    assert rows(any_store, documents) == 2 and rows(any_store, facts) == 4
    assert any_store.document(second.id).source == second.source


def test_a_known_document_without_facts_gets_them(any_store):
    doc = document(3)
    any_store.save_document(doc)  # a documents-only run
    assert any_store.save_documents([(doc, facts_for(doc, 3))]) == [(doc.id, False, 3)]
    assert any_store.save_documents([(doc, facts_for(doc, 5))]) == [(doc.id, False, 0)]
    assert any_store.save_documents([(doc, None)]) == [(doc.id, False, 0)]
    assert rows(any_store, facts) == rows(any_store, fact_revisions) == 3


def test_versions_of_one_source_in_one_batch_are_linked_in_order(any_store):
    old, mid, new = (document(n, source="profiles/x.txt") for n in (4, 5, 6))
    any_store.save_document(old)
    any_store.save_documents([(mid, []), (new, [])])
    by_id = {r["id"]: r for r in any_store.documents()}
    assert by_id[mid.id]["previous_id"] == old.id and by_id[new.id]["previous_id"] == mid.id
    assert any_store.documents()[0]["id"] == new.id  # newest first


def test_a_failed_batch_leaves_nothing(any_store):
    docs = [document(n) for n in range(7, 10)]
    bad = facts_for(docs[2], 2)
    bad[1].doc = "no-such-document"  # breaks the foreign key inside the transaction
    with pytest.raises(Exception, match="(?i)foreign key"):
        any_store.save_documents([(docs[0], facts_for(docs[0], 2)), (docs[1], []), (docs[2], bad)])
    assert rows(any_store, documents) == 0 and any_store.facts() == []


def test_a_document_crosses_processes_whole():
    doc = document(7)
    doc_id = doc.id
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.id == doc_id
    assert back.footnotes == doc.footnotes and back.markers == doc.markers
    assert back.paragraphs[1] is not doc.paragraphs[1] and back.paragraphs[1] == doc.paragraphs[1]


def test_an_unpickled_document_is_stored_from_its_rows_as_it_came(any_store):
    doc = document(8)
    back = pickle.loads(pickle.dumps(doc))
    any_store.save_document(back)
    assert "paragraphs" not in back.__dict__  # the writer never built the records
    stored = any_store.document(doc.id)
    assert stored.paragraphs == doc.paragraphs and stored.footnotes == doc.footnotes
    assert stored.markers == doc.markers
    again = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(doc))))  # passed on unread
    assert again == doc
