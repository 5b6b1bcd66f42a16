from __future__ import annotations

import pytest

from minewatch import review
from minewatch.review import ReviewError
from minewatch.review.merge import merge_all
from tests.review.make import document, fact, save


def test_same_fact_from_two_sources_merges_citing_both(store):
    d1, d2 = document(store, "profile"), document(store, "analysis")
    one = fact(d1, "use", "use", "2002", start=5, location=["AFG"], exception=True)
    two = fact(d2, "use", "use", "2002", start=50, location=["AFG"])
    other = fact(d2, "use", "use", "1991", start=90)
    a, b, _ = save(store, one, two, other)
    review.accept(store, a, "ana", "ok")
    before = store.row_counts()

    groups = review.duplicates(store, "USA")
    assert [sorted(f.id for f in g) for g in groups] == [sorted([a, b])]
    merged = review.merge(store, a, b, "ana", "both report the mine used in 2002")

    assert merged.status == "accepted"
    assert [(s["doc"], s["start"]) for s in review.sources(merged)] == [(d1, 5), (d2, 50)]
    assert merged.attributes["sources"][0]["citations"] == [{"number": 51, "text": "Note 51."}]
    gone = store.fact(b)
    assert gone.status == "superseded" and gone.attributes["merged_into"] == a
    after = store.row_counts()
    assert after["facts"] == before["facts"] and after["fact_revisions"] == before["fact_revisions"] + 2
    assert [h["action"] for h in review.history(store, a)][-1] == "merge"
    assert [h["action"] for h in review.history(store, b)][-1] == "supersede"
    assert review.duplicates(store, "USA") == []
    with pytest.raises(ReviewError, match="superseded"):
        review.merge(store, a, b, "ana", "again")


def test_different_facts_do_not_merge_unless_forced(store):
    d1, d2 = document(store, "x"), document(store, "y")
    a, b, c = save(
        store,
        fact(d1, value=3_000_000, when="2014"),
        fact(d2, value=10_400_000, when="2002", start=40),
        fact(d2, value=3_000_000, when="2014-06-27", start=80),
    )
    with pytest.raises(ReviewError, match="differ"):
        review.merge(store, a, b, "ana", "same?")
    # A day inside the year is the same time: 27 June 2014 is "in 2014".
    assert (
        review.merge(store, a, c, "ana", "briefing and profile agree").attributes["sources"][0]["fact_id"]
        == c
    )
    forced = review.merge(store, a, b, "ana", "reviewer: same stock counted differently", force=True)
    assert len(forced.attributes["sources"]) == 2


def test_policy_facts_with_different_provisions_are_not_duplicates(store):
    d1, d2 = document(store, "x"), document(store, "y")
    save(
        store,
        fact(d1, "policy", "2020 policy", "2020", version=2020, provisions={"geographic_scope": "anywhere"}),
        fact(
            d2, "policy", "2020 policy", "2020", start=9, version=2020, provisions={"production": "allowed"}
        ),
        fact(
            d2, "policy", "2020 policy", "2020", start=30, version=2020, provisions={"production": "allowed"}
        ),
    )
    groups = review.duplicates(store)
    assert len(groups) == 1 and [f.start for f in groups[0]] == [9, 30]
    assert merge_all(store, "ana") == [(groups[0][0].id, [groups[0][1].id])]


def test_a_merge_that_loses_a_race_changes_neither_fact(store, monkeypatch):
    from minewatch.store import StaleVersion

    d1, d2 = document(store, "x"), document(store, "y")
    a, b = save(
        store, fact(d1, value=3_000_000, when="2014"), fact(d2, value=3_000_000, when="2014", start=40)
    )
    before = store.row_counts()
    real = store.fact

    def stale_read(i):  # the other fact changes between the reviewer's read and the save
        f = real(i)
        if i == b:
            f.version -= 1
        return f

    monkeypatch.setattr(store, "fact", stale_read)
    with pytest.raises(StaleVersion):
        review.merge(store, a, b, "ana", "same figure")
    monkeypatch.undo()
    assert store.row_counts() == before
    assert "sources" not in store.fact(a).attributes and store.fact(b).status == "candidate"
