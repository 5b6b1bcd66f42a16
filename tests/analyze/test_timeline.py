"""Timelines on the reviewed corpus: stockpile figures, last use, end of production; the chart as SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import matplotlib.pyplot as plt
import pytest

from minewatch.analyze.charts import timeline_figure, timeline_svg
from minewatch.analyze.timeline import timeline
from tests.review.make import document, fact, save


def figures(tl: dict) -> list[tuple[str, float, str | None]]:
    return [(p["period"], p["value"], p["approx"]) for p in tl["points"] if p["kind"] == "figure"]


def test_stockpile_series_with_staleness(reviewed):
    tl = timeline(reviewed, "USA", "stockpile", as_of="2016-06-30")
    active = [p for p in tl["points"] if p["kind"] == "figure" and p["scope"] == "active"]
    assert [(p["period"][:4], p["value"], p["approx"]) for p in active] == [("2014", 3_000_000, "just over")]
    assert len(active[0]["evidence"]["sources"]) == 2  # the profile's sentence and the briefing it cites
    old = next(p for p in tl["points"] if p["value"] == 7_200_000)
    assert old["period"] == "2010" and old["evidence"]["stale"]  # 2010 + 5 years < mid-2016
    assert not active[0]["evidence"]["stale"]


def test_stockpile_2002_figure(reviewed):
    tl = timeline(reviewed, "USA", "stockpile")
    assert ("2002", 10_400_000, "approximately") in figures(tl)


def test_use_last_in_1991_and_one_mine_in_2002(reviewed):
    tl = timeline(reviewed, "USA", "use")
    assert ("1991", 117_634, None) in figures(tl)
    assert ("2002", 1, None) in figures(tl)
    events = [p for p in tl["points"] if p["kind"] == "event"]
    assert all(p["start"] < "2014" for p in events)  # nothing after the 2002 mine but rejected misreadings
    assert any(p["kind"] == "denial" and p["period"].startswith("1991") for p in tl["points"])
    starts = [p["start"] for p in tl["points"]]
    assert starts == sorted(starts)


def test_production_ends_in_1997(reviewed):
    tl = timeline(reviewed, "USA", "production")
    acts = [p for p in tl["points"] if p["kind"] in ("figure", "event")]
    assert max(p["start"][:4] for p in acts) == "1997"
    assert ("1997", 450_000, None) in figures(tl)
    assert any(p["last"] and p["period"] == "1997" for p in acts)  # "last produced in 1997"
    assert any(p["kind"] == "denial" and p["start"] <= "2021-06-30" <= p["end"] for p in tl["points"])


def test_chart_is_svg_with_title_and_a_mark_per_point(store):
    doc = document(store)
    save(
        store,
        fact(doc, value=10_400_000, when="2002", start=0),
        fact(doc, value=3_000_000, when="2014", start=10, approx="just over"),
        fact(doc, "stockpile", "persistent mines", "2020", polarity="denied", start=20),
    )
    tl = timeline(store, "USA", "stockpile", statuses=["candidate"], as_of="2020-12-31")
    assert [p["kind"] for p in tl["points"]] == ["figure", "figure", "denial"]
    svg = timeline_svg(tl)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "Stockpile" in svg and "stale" in svg  # both figures are stale by the end of 2020
    empty = timeline_svg(timeline(store, "USA", "use", statuses=["candidate"]))
    assert "no dated evidence" in empty


def test_unknown_names_fail_clearly(store):
    with pytest.raises(ValueError, match="indicator"):
        timeline(store, "USA", "weather")


def test_figures_of_the_same_year_and_size_get_labels_a_line_apart(store):
    doc = document(store)
    save(
        store,
        fact(doc, value=3_000_000, when="2014", start=0),
        fact(doc, value=3_100_000, when="2014", start=10),
        fact(doc, value=10_400_000, when="2002", start=20),
    )
    fig = timeline_figure(timeline(store, "USA", "stockpile", statuses=["candidate"]))
    try:
        offsets = {t.get_text(): t.xyann[1] for ax in fig.axes for t in ax.texts}
    finally:
        plt.close(fig)
    assert offsets["3m"] != offsets["3.1m"]  # one of the two 2014 labels moved down a line
    assert offsets["10.4m"] == 4
