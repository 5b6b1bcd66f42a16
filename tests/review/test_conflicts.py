from __future__ import annotations

from minewatch.review import find_conflicts
from tests.review.make import document, fact, save


def test_figures_that_disagree_for_the_same_time_are_a_conflict_with_both_passages(store):
    d1, d2 = document(store, "dod"), document(store, "ngo")
    a, b, _, _ = save(
        store,
        fact(d1, value=3_000_000, when="2014", approx="just over"),
        fact(d2, value=10_400_000, when="2014", start=40),
        fact(d2, value=3_100_000, when="2014", start=80),  # within 10%: agrees with the first
        fact(d2, value=10_400_000, when="2002", start=120),  # another time
    )
    found = find_conflicts(store, "USA")
    assert [(c.kind, sorted(f.id for f in c.facts)) for c in found] == [("value", sorted([a, b]))]
    data = found[0].to_dict(as_of="2016")
    assert data["when"] == "2014"
    assert [p["stale"] for p in data["passages"]] == [False, False]
    assert [p["stale"] for p in found[0].to_dict(as_of="2020")["passages"]] == [True, True]
    assert {p["sources"][0]["doc"] for p in data["passages"]} == {d1, d2}
    assert all(p["sources"][0]["quote"] for p in data["passages"])


def test_an_act_against_a_denial_covering_it_is_a_conflict_but_named_exceptions_are_not(store):
    d1, d2 = document(store, "a"), document(store, "b")
    denial, act, exception, same_year, _ = save(
        store,
        fact(d1, "use", "antipersonnel mines", "1991..", polarity="denied"),
        fact(d2, "use", "use", "2020-05-06", start=10),
        fact(d2, "use", "use", "2002", start=20, exception=True),
        fact(d2, "use", 117634, "1991", start=30),  # "not since 1991" does not deny 1991 itself
        fact(d2, "transfer", "export moratorium", "1992..", start=40),
    )
    found = find_conflicts(store, "USA")
    assert [(c.kind, {f.id for f in c.facts}) for c in found] == [("polarity", {denial, act})]
    assert exception not in {f.id for c in found for f in c.facts}
    assert same_year not in {f.id for c in found for f in c.facts}


def test_two_sources_giving_one_policy_version_different_provisions(store):
    d1, d2 = document(store, "a"), document(store, "b")
    save(
        store,
        fact(
            d1, "policy", "2020 policy", "2020", version=2020, provisions={"use_authorization": "President"}
        ),
        fact(
            d2,
            "policy",
            "2020 policy",
            "2020",
            start=5,
            version=2020,
            provisions={"use_authorization": "combatant commanders"},
        ),
    )
    (c,) = find_conflicts(store, "USA", "policy")
    assert c.kind == "provision" and "use_authorization" in c.detail


def test_same_document_and_rejected_facts_raise_no_conflict(store):
    from minewatch import review

    d1, d2 = document(store, "a"), document(store, "b")
    _, _, c = save(
        store,
        fact(d1, value=3_000_000, when="2014"),
        fact(d1, value=10_400_000, when="2014", start=40),
        fact(d2, value=10_400_000, when="2014", start=80),
    )
    assert len(find_conflicts(store)) == 1
    review.reject(store, c, "ana", "misread table")
    assert find_conflicts(store) == []
