from __future__ import annotations

from datetime import date

from minewatch.review import is_stale, staleness
from minewatch.review.staleness import stale_facts
from tests.review.make import document, fact


def test_stockpile_figure_from_2010_is_stale_by_2020_but_not_in_2013(store):
    doc = document(store)
    old = fact(doc, value=7_200_000, when="2010")
    assert is_stale(old, "2020")
    assert is_stale(old, date(2016, 1, 1))  # end of 2010 + 5 years = end of 2015
    assert not is_stale(old, "2015-12-31")
    st = staleness(old, "2020-06-30")
    assert st.window_years == 5 and st.holds_until == "2010-12-31" and st.fresh_until == "2015-12-31"


def test_window_comes_from_the_vocabulary_per_indicator(store):
    doc = document(store)
    vote = fact(doc, "diplomacy", "abstain", "2017")  # freshness_years: 2
    stock = fact(doc, value=3_000_000, when="2017")  # freshness_years: 5
    treaty = fact(doc, "treaty_status", "accession", "1997", polarity="denied")  # never stale
    assert is_stale(vote, "2020") and not is_stale(stock, "2020")
    assert not is_stale(treaty, "2030")
    assert stale_facts([vote, stock, treaty], "2020") == [vote]


def test_a_denial_since_a_year_holds_until_its_source_date_and_undated_facts_are_not_judged(store):
    doc = document(store)
    since = fact(doc, "use", "antipersonnel mines", "1991..", polarity="denied")  # holds to 2021-07-01
    assert not is_stale(since, "2024") and is_stale(since, "2027")
    undated = fact(doc, "use", "use", None)
    assert not is_stale(undated, "2030") and staleness(undated, "2030").reason.startswith("undated")
