"""Real threads against one store, on both engines: one winner, clear conflicts, nothing lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from minewatch.store import StaleVersion
from minewatch.store.schema import documents, fact_revisions, facts
from tests.store.make import document, facts_for


def together(n: int, fn: Callable[[int], object]) -> list[object]:
    """Run ``fn(i)`` in ``n`` threads released at the same instant; exceptions are returned."""
    gate = threading.Barrier(n)

    def run(i: int) -> object:
        gate.wait()
        try:
            return fn(i)
        except Exception as e:  # the caller sorts winners from losers
            return e

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def count(store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_two_reviewers_one_wins_one_conflicts(any_store):
    doc = document(1)
    any_store.save_document_and_facts(doc, facts_for(doc, 10))
    for fact in any_store.facts():
        results = together(
            2,
            lambda i, f=fact: any_store.update_fact(
                f.id, {"value": f"reviewer {i}"}, user=f"r{i}", expected_version=f.version
            ),
        )
        winners = [r for r in results if not isinstance(r, Exception)]
        losers = [r for r in results if isinstance(r, Exception)]
        assert len(winners) == 1 and len(losers) == 1, results
        assert isinstance(losers[0], StaleVersion) and "version" in str(losers[0])
        stored = any_store.fact(fact.id)
        assert stored.version == 2 and stored.value == winners[0].value
        revs = any_store.revisions(fact.id)
        assert [r["version"] for r in revs] == [1, 2]
        assert revs[1]["data"]["value"] == winners[0].value


def test_many_reviewers_retrying_lose_no_revision(any_store):
    doc = document(2)
    any_store.save_document_and_facts(doc, facts_for(doc, 1))
    (fact,) = any_store.facts()
    per_thread, threads = 5, 6

    def edit(i: int) -> int:
        conflicts = 0
        for k in range(per_thread):
            while True:
                current = any_store.fact(fact.id)
                try:
                    any_store.update_fact(
                        fact.id,
                        {"attributes": {"by": i, "k": k}},
                        user=f"r{i}",
                        expected_version=current.version,
                    )
                    break
                except StaleVersion:
                    conflicts += 1
        return conflicts

    results = together(threads, edit)
    assert all(isinstance(r, int) for r in results), results
    revs = any_store.revisions(fact.id)
    assert [r["version"] for r in revs] == list(range(1, threads * per_thread + 2))
    assert sorted((r["data"]["attributes"]["by"], r["data"]["attributes"]["k"]) for r in revs[1:]) == sorted(
        (i, k) for i in range(threads) for k in range(per_thread)
    )
    assert any_store.fact(fact.id).version == threads * per_thread + 1


def test_concurrent_workers_store_a_document_once(any_store):
    doc = document(3)
    results = together(8, lambda i: any_store.save_document_and_facts(document(3), facts_for(doc, 4)))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r[1] for r in results) == [False] * 7 + [True]
    assert count(any_store, documents) == 1
    assert any_store.document(doc.id).paragraphs == doc.paragraphs
    assert count(any_store, facts) == 4 and count(any_store, fact_revisions) == 4


def test_concurrent_overlapping_fact_batches_never_duplicate(any_store):
    doc = document(4)
    any_store.save_document(doc)
    # Eight workers, each saving a window of 30 facts that overlaps its neighbours'.
    results = together(8, lambda i: any_store.save_facts(facts_for(doc, 30, offset=i * 10)))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(results) == 100  # offsets 0..99: every key stored by exactly one worker
    assert count(any_store, facts) == 100
    with any_store.engine.connect() as conn:
        per_fact = conn.execute(
            sa.select(fact_revisions.c.fact_id, sa.func.count()).group_by(fact_revisions.c.fact_id)
        ).all()
    assert len(per_fact) == 100 and {n for _, n in per_fact} == {1}
