"""The same behaviour on SQLite and PostgreSQL: documents, facts, revisions."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from minewatch.store import StaleVersion, db
from minewatch.store.schema import facts as facts_table
from tests.store.make import document, facts_for


def test_migrated_to_head(any_store):
    assert db.current_revision(any_store.engine) == db.head_revision()
    any_store.migrate()  # a second run changes nothing and does not fail
    assert db.current_revision(any_store.engine) == db.head_revision()


def test_document_round_trip(any_store):
    doc = document(1)
    doc_id, created = any_store.save_document(doc, user="ana")
    assert (doc_id, created) == (doc.id, True)
    assert any_store.save_document(document(1)) == (doc.id, False)
    back = any_store.document(doc_id)
    assert back.text == doc.text
    assert back.paragraphs == doc.paragraphs
    assert back.footnotes == doc.footnotes
    assert back.markers == doc.markers
    assert back.date == doc.date and back.warnings == doc.warnings
    assert [d["id"] for d in any_store.documents()] == [doc_id]


def test_new_text_from_same_source_links_previous(any_store):
    first, _ = any_store.save_document(document(1, source="a.txt"))
    second, created = any_store.save_document(document(2, source="a.txt"))
    assert created
    rows = {d["id"]: d for d in any_store.documents()}
    assert rows[second]["previous_id"] == first
    assert rows[first]["previous_id"] is None


def test_facts_round_trip_and_dedupe(any_store):
    doc = document(3)
    any_store.save_document(doc)
    facts = facts_for(doc, 6)
    assert any_store.save_facts(facts) == 6
    assert any_store.save_facts(facts_for(doc, 8)) == 2  # six known keys, two new
    stored = any_store.facts(doc=doc.id)
    assert len(stored) == 8
    # Look facts up by the key stored at insert: SQLite gives an integral float back as an int.
    with any_store.engine.connect() as conn:
        ids = dict(conn.execute(sa.select(facts_table.c.key, facts_table.c.id)).all())
    by_key = {key: any_store.fact(i) for key, i in ids.items()}
    for f in facts:
        got = by_key[f.key]
        assert (got.value, got.unit, got.when, got.citations, got.attributes, got.mine_types) == (
            f.value,
            f.unit,
            f.when,
            f.citations,
            f.attributes,
            f.mine_types,
        )
    assert all(len(any_store.revisions(f.id)) == 1 for f in stored)


def test_save_document_and_facts_is_one_unit(any_store):
    doc = document(4)
    assert any_store.save_document_and_facts(doc, facts_for(doc, 5)) == (doc.id, True, 5)
    # A known document adds nothing, even with facts it never had.
    assert any_store.save_document_and_facts(doc, facts_for(doc, 7)) == (doc.id, False, 0)
    assert len(any_store.facts(doc=doc.id)) == 5


def test_failed_save_leaves_nothing(any_store):
    doc = document(5)
    bad = facts_for(doc, 2)
    bad[1].doc = "no-such-document"  # breaks the foreign key inside the transaction
    with pytest.raises(Exception, match="(?i)foreign key"):
        any_store.save_document_and_facts(doc, bad)
    assert not any_store.has_document(doc.id)
    assert any_store.facts() == []


def test_update_fact_keeps_every_revision(any_store):
    doc = document(6)
    any_store.save_document(doc)
    any_store.save_facts(facts_for(doc, 1))
    (fact,) = any_store.facts()
    edited = any_store.update_fact(fact.id, {"value": 42.0}, user="ana", expected_version=1)
    assert edited.version == 2 and edited.value == 42.0
    with pytest.raises(StaleVersion):
        any_store.update_fact(fact.id, {"status": "accepted"}, user="bo", expected_version=1)
    accepted = any_store.update_fact(fact.id, {"status": "accepted"}, user="bo", expected_version=2)
    revs = any_store.revisions(fact.id)
    assert [(r["version"], r["action"], r["user"]) for r in revs] == [
        (1, "extract", "extractor"),
        (2, "edit", "ana"),
        (3, "edit", "bo"),
    ]
    assert revs[-1]["data"]["status"] == "accepted" and accepted.value == 42.0
    assert any_store.fact_counts() == {fact.state: {"accepted": 1}}


def test_fact_ids_follow_the_order_facts_were_given(any_store):
    """Extractors give facts in reading order; listing a document's facts by id keeps it."""
    doc = document(7)
    any_store.save_document(doc)
    given = list(reversed(facts_for(doc, 12)))
    given.append(given[0])  # a repeat in the same batch is stored once
    assert any_store.save_facts(given) == 12
    assert [f.id for f in given[:12]] == sorted(f.id for f in given[:12])
    assert [(f.start, f.end) for f in any_store.facts(doc=doc.id)] == [(f.start, f.end) for f in given[:12]]
