"""Compare on the development corpus must reproduce the 2021 analysis: policy loosened, practice did not move."""

from __future__ import annotations

import pytest

from minewatch.analyze.compare import compare
from tests.review.make import document, fact, save

EXPECTED_PRACTICE = {
    # the analysis's findings
    "use": "unchanged",  # no use since 1991 save one mine in 2002
    "production": "unchanged",  # none since 1997; nothing in the FY2021 budget
    "transfer": "unchanged",  # none since 1992
    "mine_action": "unchanged",  # top funder of clearance in 2019 and 2020
    "diplomacy": "unchanged",  # observer at treaty meetings, review conference 2020
    # by the documented rules, from the profile
    "treaty_status": "unchanged",  # outside the treaty before and after
    "stockpile": "no evidence",  # no figure after the 2014 one
    "retained": "no evidence",
}


@pytest.fixture(scope="module")
def us(reviewed):
    return compare(reviewed, "United States", "2014", "mid-2021")


def row(result: dict, indicator: str) -> dict:
    return next(r for r in result["indicators"] if r["indicator"] == indicator)


def test_policy_loosened_from_2014_to_2020(us):
    assert (us["start"], us["end"]) == ("2014-01-01", "2021-06-30")
    assert (us["policy"]["old"], us["policy"]["new"]) == (2014, 2020)
    assert us["policy"]["direction"] == "loosened"
    use = row(us, "use")["policy"]
    assert use["verdict"] == "changed" and use["direction"] == "loosened"
    assert {p["provision"] for p in use["provisions"] if p["status"] == "changed"} >= {
        "geographic_scope",
        "use_authorization",
    }
    assert row(us, "production")["policy"]["direction"] == "loosened"
    assert row(us, "transfer")["policy"]["verdict"] in ("changed", "new")  # 2020 states its transfer rule
    assert row(us, "retained")["policy"]["verdict"] == "no evidence"


@pytest.mark.parametrize("indicator,verdict", sorted(EXPECTED_PRACTICE.items()))
def test_practice_verdict(us, indicator, verdict):
    assert row(us, indicator)["verdict"] == verdict


def test_practice_did_not_change_anywhere(us):
    assert us["practice"]["verdict"] == "unchanged"
    assert us["practice"]["changed"] == []


def _periods(items: list[dict]) -> set[str]:
    return {e["period"] for e in items}


def test_evidence_behind_each_finding(us):
    use = row(us, "use")["practice"]
    assert use["changes"] == []
    assert any(
        e["period"].startswith("1991-01-01..") and e["polarity"] == "denied" for e in use["continuity"]
    )
    production = row(us, "production")["practice"]
    assert "1997" in _periods(production["continuity"])  # "last produced in 1997", said in 2020
    fy2021 = [e for e in production["continuity"] if e["polarity"] == "denied" and "2021" in e["period"]]
    assert fy2021 and max(len(e["sources"]) for e in fy2021) >= 2  # budget: profile and analysis, merged
    assert any(e["period"].startswith("1992") for e in row(us, "transfer")["practice"]["continuity"])
    diplomacy = row(us, "diplomacy")["practice"]["continuity"]
    assert any(e["period"] == "2020-11" and e["value"] == "attended" for e in diplomacy)
    assert row(us, "mine_action")["practice"]["continuity"][0]["value"] == "top funder"
    for r in us["indicators"]:
        for e in r["practice"]["changes"] + r["practice"]["continuity"] + r["practice"]["baseline"]:
            assert e["quote"] and e["doc"] and e["status"] == "accepted"


def test_candidates_count_only_when_asked(corpus_store):
    assert compare(corpus_store, "USA", "2014", "mid-2021")["practice"]["verdict"] == "no evidence"
    raw = compare(corpus_store, "USA", "2014", "mid-2021", statuses=("candidate", "accepted"))
    assert raw["policy"]["direction"] == "loosened"


def test_event_rule_on_built_facts(any_store):
    store = any_store
    d1, d2 = document(store, "a"), document(store, "b", title="Later source")
    save(
        store,
        fact(d1, "use", "use", "2002", start=0),
        fact(d1, "use", "antipersonnel mines", "1991..", polarity="denied", start=10),
        fact(d2, "production", "last production", "1997", start=20),
        fact(d2, "transfer", "export moratorium", "1992..", start=30),
    )
    for f in store.facts():
        store.update_fact(f.id, {"status": "accepted"}, "t", "test", action="accept")
    r = compare(store, "USA", "2014", "2020")
    assert {x["indicator"]: x["verdict"] for x in r["indicators"]} | {} == {
        "treaty_status": "no evidence",
        "use": "unchanged",
        "production": "unchanged",
        "transfer": "unchanged",
        "stockpile": "no evidence",
        "destruction": "no evidence",
        "retained": "no evidence",
        "alternatives": "no evidence",
        "diplomacy": "no evidence",
        "mine_action": "no evidence",
    }
    assert row(r, "use")["practice"]["baseline"][0]["period"] == "2002"
    (act,) = save(store, fact(d2, "use", "use", "2018", start=40, location=["SYR"]))
    store.update_fact(act, {"status": "accepted"}, "t", "test", action="accept")
    changed = compare(store, "USA", "2014", "2020")
    assert row(changed, "use")["verdict"] == "changed"
    assert [e["id"] for e in row(changed, "use")["practice"]["changes"]] == [act]
    assert row(compare(store, "USA", "2019", "2020"), "use")["verdict"] == "unchanged"


def test_level_rule_uses_a_tolerance_and_stale_figures_are_flagged(store):
    doc = document(store)
    save(
        store,
        fact(doc, value=3_000_000, when="2014", start=0, scope="active"),
        fact(doc, value=3_100_000, when="2018", start=10, scope="active"),
        fact(doc, value=7_200_000, when="2010", start=20, scope="unserviceable"),
    )
    for f in store.facts():
        store.update_fact(f.id, {"status": "accepted"}, "t", "test", action="accept")
    r = compare(store, "USA", "2014", "2020", as_of="2020-12-31")
    stock = row(r, "stockpile")
    assert stock["verdict"] == "unchanged"
    assert [e["stale"] for e in stock["practice"]["baseline"]] == [True]  # 2014 + 5 years < end of 2020
    (later,) = save(store, fact(doc, value=1_000_000, when="2019", start=30, scope="active"))
    store.update_fact(later, {"status": "accepted"}, "t", "test", action="accept")
    assert row(compare(store, "USA", "2014", "2020"), "stockpile")["verdict"] == "changed"


def test_bad_arguments_say_what_is_wrong(store):
    with pytest.raises(ValueError, match="unknown state"):
        compare(store, "Atlantis", "2014", "2020")
    with pytest.raises(ValueError, match="starts after"):
        compare(store, "USA", "2020", "2014")
    with pytest.raises(ValueError, match="not a date"):
        compare(store, "USA", "last year", "2014")
