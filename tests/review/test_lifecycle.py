from __future__ import annotations

import pytest

from minewatch import review
from minewatch.model import Period
from minewatch.review import ReviewError
from minewatch.store import StaleVersion
from tests.review.make import document, fact, save


@pytest.fixture
def store(any_store):
    """The review steps run on SQLite and on PostgreSQL."""
    return any_store


@pytest.fixture
def ids(store):
    doc = document(store)
    return save(
        store,
        fact(doc, confidence=0.9, start=0),
        fact(doc, value=10_400_000, when="2002", confidence=0.6, start=30),
        fact(doc, "use", "use", "1991", confidence=0.8, start=60),
    )


def test_accept_reject_edit_leave_revisions_and_delete_nothing(store, ids):
    a, b, c = ids
    counts = [store.row_counts()]
    review.accept(store, a, "ana", "matches the briefing")
    counts.append(store.row_counts())
    review.reject(store, b, "ben", "figure belongs to another state")
    counts.append(store.row_counts())
    edited = review.edit(
        store, c, {"when": "2002", "mine_types": ["M16A1"]}, "ana", "the passage dates it 2002"
    )
    counts.append(store.row_counts())

    assert store.fact(a).status == "accepted"
    assert store.fact(b).status == "rejected"
    assert edited.status == "candidate" and edited.when == Period("2002-01-01", "2002-12-31", "year", "2002")
    assert edited.mine_types == ["M16A1"]
    for before, after in zip(counts, counts[1:], strict=False):
        assert after["facts"] == before["facts"]
        assert after["fact_revisions"] == before["fact_revisions"] + 1

    hist = review.history(store, c)
    assert [h["action"] for h in hist] == ["extract", "edit"]
    assert hist[1]["user"] == "ana" and hist[1]["reason"] == "the passage dates it 2002"
    assert hist[1]["changed"]["when"]["from"]["start"] == "1991-01-01"
    assert hist[1]["changed"]["mine_types"] == {"from": [], "to": ["M16A1"]}
    assert hist[1]["at"]
    rejected = review.history(store, b)
    assert rejected[-1]["action"] == "reject" and rejected[-1]["status"] == "rejected"


def test_rejected_fact_can_be_accepted_later_and_history_keeps_both(store, ids):
    a = ids[0]
    review.reject(store, a, "ben", "looked wrong")
    review.accept(store, a, "ana", "checked footnote: it is right")
    assert [h["action"] for h in review.history(store, a)] == ["extract", "reject", "accept"]
    assert store.fact(a).status == "accepted"


def test_steps_need_user_and_reason_and_respect_status(store, ids):
    a, b, _ = ids
    with pytest.raises(ReviewError):
        review.reject(store, a, "ben", "")
    with pytest.raises(ReviewError):
        review.accept(store, a, "", None)
    review.accept(store, a, "ana")
    with pytest.raises(ReviewError, match="accepted"):
        review.accept(store, a, "ana")
    with pytest.raises(ReviewError, match="unknown indicator"):
        review.edit(store, b, {"indicator": "weather"}, "ana", "typo")
    with pytest.raises(ReviewError, match="not editable"):
        review.edit(store, b, {"quote": "other words"}, "ana", "typo")
    with pytest.raises(ReviewError, match="unknown state"):
        review.edit(store, b, {"state": "Atlantis"}, "ana", "typo")
    assert review.edit(store, b, {"state": "Russia"}, "ana", "the passage is about Russia").state == "RUS"


def test_two_reviewers_at_once_one_wins(store, ids):
    a = ids[0]
    seen = store.fact(a).version
    review.accept(store, a, "ana", "ok", expected_version=seen)
    with pytest.raises(StaleVersion):
        review.edit(store, a, {"value": 3_100_000}, "ben", "rounding", expected_version=seen)
    assert store.fact(a).value == 3_000_000


def test_bulk_accept_takes_only_candidates_at_threshold(store, ids):
    a, b, c = ids
    review.reject(store, c, "ben", "not a use")
    result = review.bulk_accept(store, 0.8, "ana")
    assert result.accepted == [a]
    assert {store.fact(i).status for i in (b, c)} == {"candidate", "rejected"}
    assert review.history(store, a)[-1]["reason"] == "bulk accept: confidence >= 0.8"
    assert review.bulk_accept(store, 0.5, "ana").accepted == [b]
    with pytest.raises(ReviewError):
        review.bulk_accept(store, 1.5, "ana")
