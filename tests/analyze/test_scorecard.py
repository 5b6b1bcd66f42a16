"""The norm-adherence scorecard: rules per cell, evidence ids in every cell, never a guess."""

from __future__ import annotations

import pytest

from minewatch.analyze.scorecard import scorecard
from tests.review.make import document, fact, save


@pytest.fixture(scope="module")
def us(reviewed):
    sc = scorecard(reviewed, "USA", 2014, 2021, as_of="2021-06-30")
    return sc, {r["indicator"]: r for r in sc["rows"]}


def test_cells_on_the_reviewed_corpus(us, reviewed):
    sc, rows = us
    assert sc["years"] == list(range(2014, 2022))
    assert {y: c["verdict"] for y, c in rows["use"]["cells"].items()} == dict.fromkeys(
        range(2014, 2022), "adheres"
    )
    assert rows["transfer"]["cells"][2016]["verdict"] == "adheres"
    assert rows["production"]["cells"][2021]["verdict"] == "adheres"
    assert rows["mine_action"]["cells"][2019]["verdict"] == "adheres"
    assert rows["mine_action"]["cells"][2016] == {"verdict": "no evidence", "facts": [], "stale": []}
    assert rows["diplomacy"]["cells"][2019]["verdict"] == "mixed"  # attended, but abstained on the resolution
    assert rows["treaty_status"]["cells"][2020]["verdict"] == "departs"
    for row in sc["rows"]:
        assert row["rule"]
        for cell in row["cells"].values():
            assert (cell["verdict"] == "no evidence") == (cell["facts"] == [])
            for i in cell["facts"]:
                f = reviewed.fact(i)
                assert f.status == "accepted" and f.indicator == row["indicator"]


def test_a_denial_since_a_year_does_not_cover_that_year(store):
    doc = document(store)
    save(
        store,
        fact(doc, "use", "antipersonnel mines", "1991..", polarity="denied"),
        fact(doc, "use", 117_634, "1991", start=10),
        fact(doc, "use", "use", "1961..", start=20),  # an act dated by its start
        fact(doc, "transfer", "export moratorium", "1992..", start=30),
        fact(doc, "diplomacy", "abstain", "2019", start=40, kind="UNGA vote"),
        fact(doc, "diplomacy", "sent flowers", "2019", start=50),  # the rule says nothing: no cell
    )
    sc = scorecard(store, "USA", 1990, 1993, statuses=["candidate"])
    rows = {r["indicator"]: r["cells"] for r in sc["rows"]}
    assert [rows["use"][y]["verdict"] for y in (1990, 1991, 1992)] == ["no evidence", "departs", "adheres"]
    assert [rows["transfer"][y]["verdict"] for y in (1991, 1992)] == ["no evidence", "adheres"]
    assert scorecard(store, "USA", 1961, 1962, statuses=["candidate"])["rows"][1]["cells"][1962][
        "verdict"
    ] == ("no evidence")
    late = {
        r["indicator"]: r["cells"]
        for r in scorecard(store, "USA", 2019, 2019, statuses=["candidate"])["rows"]
    }
    assert late["diplomacy"][2019]["verdict"] == "departs" and len(late["diplomacy"][2019]["facts"]) == 1


def test_bad_years(store):
    with pytest.raises(ValueError):
        scorecard(store, "USA", 2021, 2014)
