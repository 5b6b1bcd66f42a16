"""Revision rows hold the whole fact, as the model itself gives it."""

from __future__ import annotations

from minewatch.store.facts import _snapshot
from tests.store.make import document, facts_for


def test_a_revision_snapshot_is_the_fact_less_its_id():
    doc = document(1)
    for fact in facts_for(doc, 12):  # with and without a period, mine types, attributes
        fact.id = 7
        expected = fact.to_dict()
        del expected["id"]
        assert _snapshot(fact) == expected
        assert list(_snapshot(fact)) == list(expected)  # the same field order in the stored JSON


def test_each_stored_fact_has_its_revision_with_the_whole_fact(any_store):
    doc = document(2)
    given = facts_for(doc, 6)
    any_store.save_document_and_facts(doc, given)
    for fact in any_store.facts(doc=doc.id):
        (rev,) = any_store.revisions(fact.id)
        assert rev["action"] == "extract" and rev["version"] == 1
        expected = fact.to_dict()
        del expected["id"]
        assert rev["data"] == expected
