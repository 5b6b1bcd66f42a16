"""The development profile yields the facts a researcher would pull out, with spans and footnotes."""

from __future__ import annotations

import pytest

from minewatch.model import Fact
from tests.conftest import ANALYSIS, PROFILE


def _doc_id(store, path) -> str:
    return next(d["id"] for d in store.documents() if d["source"] == str(path))


def _find(facts: list[Fact], **want) -> list[Fact]:
    out = []
    for f in facts:
        if all(
            (f.when.year if k == "year" and f.when else getattr(f, k, None)) == v
            or (k == "cites" and v in [c.number for c in f.citations])
            or (k == "mine_type" and v in f.mine_types)
            or (k == "location" and v in (f.attributes.get("location") or []))
            for k, v in want.items()
        ):
            out.append(f)
    return out


@pytest.fixture(scope="module")
def profile_facts(corpus_store) -> list[Fact]:
    return corpus_store.facts(doc=_doc_id(corpus_store, PROFILE))


@pytest.mark.parametrize(
    "want",
    [
        dict(indicator="stockpile", value=3_000_000, approx="just over", year=2014, cites=24),
        dict(indicator="stockpile", value=10_400_000, approx="approximately", year=2002, cites=25),
        dict(indicator="production", value=450_000, year=1997, mine_type="ADAM"),
        dict(indicator="production", value=13_200, year=1997, mine_type="CBU-89"),
        dict(indicator="production", value=80_000, approx="nearly", year=1990, mine_type="M16A1"),
        dict(indicator="transfer", value=5_600_000, approx="more than", unit="mines"),
        dict(indicator="use", value=117_634, year=1991, cites=15, location="IRQ", state="USA"),
    ],
    ids=lambda d: f"{d['indicator']}-{d['value']}",
)
def test_profile_quantities(profile_facts, want) -> None:
    found = _find(profile_facts, **want)
    assert found, f"no fact like {want}"
    f = found[0]
    assert f.state == "USA"
    assert f.polarity == "affirmed"
    assert f.unit == "mines"


def test_costs_and_ranges_are_kept(profile_facts) -> None:
    adam = _find(profile_facts, indicator="production", value=450_000)[0]
    assert adam.attributes["cost_usd"] == 120_000_000
    m16 = _find(profile_facts, indicator="production", value=80_000)[0]
    assert m16.attributes["cost_usd"] == 1_900_000
    exports = _find(profile_facts, indicator="transfer", value=5_600_000)[0]
    assert (exports.when.start[:4], exports.when.end[:4]) == ("1969", "1992")
    assert exports.attributes["countries"] == 38


def test_every_span_is_exact(corpus_store, profile_facts) -> None:
    doc = corpus_store.document(_doc_id(corpus_store, PROFILE))
    for f in profile_facts:
        assert doc.text[f.start : f.end] == f.quote
    stock = _find(profile_facts, indicator="stockpile", value=3_000_000, cites=24)[0]
    assert "3 million" in stock.quote
    assert stock.citations[0].text and "Kirby" in stock.citations[0].text


def test_denied_facts(corpus_store) -> None:
    facts = corpus_store.facts(doc=_doc_id(corpus_store, ANALYSIS))
    no_use = [
        f for f in facts if f.indicator == "use" and f.polarity == "denied" and f.when and f.when.year == 1991
    ]
    assert no_use and no_use[0].when.precision == "since"
    no_persistent = [f for f in facts if f.indicator == "stockpile" and f.polarity == "denied"]
    assert no_persistent and "persistent" in str(no_persistent[0].value)
    assert not [
        f
        for f in facts
        if f.indicator == "use" and f.polarity == "affirmed" and f.when and f.when.year == 1994
    ]


def test_missing_footnotes_are_reported(corpus_store) -> None:
    doc = corpus_store.document(_doc_id(corpus_store, PROFILE))
    assert doc.missing_footnotes == [1, 5, 12, 21, 33]
    assert any("1, 5, 12, 21, 33" in w for w in doc.warnings)
    assert doc.date.isoformat() == "2020-11-16"


def test_same_file_twice_adds_nothing(corpus_store) -> None:
    from minewatch import pipeline

    before = (len(corpus_store.documents()), len(corpus_store.facts()))
    report = pipeline.ingest_paths(corpus_store, [PROFILE])
    assert report.duplicates == [str(PROFILE)] and not report.ingested
    assert (len(corpus_store.documents()), len(corpus_store.facts())) == before


def test_compare_on_unreviewed_candidates_reproduces_the_finding(corpus_store) -> None:
    """Even before review: US policy loosened in 2020 while practice held, 2014 to mid-2021."""
    from minewatch.analyze.compare import compare

    r = compare(corpus_store, "USA", "2014-01-01", "2021-06-30", ("accepted", "candidate"))
    assert (r["policy"]["old"], r["policy"]["new"], r["policy"]["direction"]) == (2014, 2020, "loosened")
    practice = {row["indicator"]: row["practice"]["verdict"] for row in r["indicators"]}
    for indicator in ("use", "production", "transfer", "diplomacy", "mine_action"):
        assert practice[indicator] == "unchanged", indicator
    assert r["practice"]["changed"] == []
