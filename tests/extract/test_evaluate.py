"""The match rule and the scores, on facts built in code."""

from __future__ import annotations

import json

from minewatch.extract.evaluate import PROVISIONS_ROW, Gold, check_spans, load_gold, score, span_digest
from minewatch.model import Fact, Period

Y2014 = Period("2014-01-01", "2014-12-31", "year")


def gold(**kw) -> Gold:
    base = dict(
        file="a.txt",
        state="USA",
        indicator="stockpile",
        value=3_000_000,
        start=10,
        end=40,
        approx="just over",
        when=Y2014,
    )
    return Gold(**(base | kw))


def fact(**kw) -> Fact:
    base = dict(
        state="USA", indicator="stockpile", value=3_000_000, quote="", doc="d", start=0, end=50, when=Y2014
    )
    return Fact(**(base | kw))


def test_a_matching_fact_scores_one() -> None:
    r = score([gold()], {"a.txt": [fact()]})
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 0, 0)
    assert r.overall.f1 == 1.0


def test_tolerance_follows_the_gold_qualifier() -> None:
    assert score([gold()], {"a.txt": [fact(value=3_100_000)]}).overall.tp == 1  # within 5 % of "just over"
    assert score([gold()], {"a.txt": [fact(value=3_400_000)]}).overall.tp == 0
    exact = gold(approx=None, value=117_634)
    assert score([exact], {"a.txt": [fact(value=117_634)]}).overall.tp == 1
    assert score([exact], {"a.txt": [fact(value=118_000)]}).overall.tp == 0


def test_each_condition_can_fail_a_match() -> None:
    for wrong in (
        fact(state="KOR"),
        fact(indicator="use"),
        fact(polarity="denied"),
        fact(start=41, end=60),  # spans do not overlap
        fact(when=Period("2002-01-01", "2002-12-31", "year")),
        fact(when=None),
        fact(value="held"),
    ):
        r = score([gold()], {"a.txt": [wrong]})
        assert (r.overall.tp, r.overall.fp, r.overall.fn) == (0, 1, 1), wrong


def test_a_gold_fact_without_a_period_accepts_any() -> None:
    assert score([gold(when=None)], {"a.txt": [fact(when=None)]}).overall.tp == 1


def test_each_gold_fact_matches_once() -> None:
    r = score([gold()], {"a.txt": [fact(), fact()]})
    assert (r.overall.tp, r.overall.fp) == (1, 1)


def test_policy_provisions_are_scored_pairwise() -> None:
    g = gold(
        indicator="policy",
        value="2014 policy",
        approx=None,
        attributes={"provisions": {"production": "banned", "acquisition": "banned"}},
    )
    f = fact(
        indicator="policy",
        value="2014 policy",
        attributes={"provisions": {"production": "banned", "use_authorization": "President"}},
    )
    r = score([g], {"a.txt": [f]})
    p = r.rows[PROVISIONS_ROW]
    assert (p.tp, p.fp, p.fn) == (1, 1, 1)
    assert r.rows["policy"].tp == 1


def test_gold_lines_and_span_checks(tmp_path) -> None:
    text = "0123456789 the stockpile held 3 million mines."
    line = dict(
        file="a.txt",
        state="USA",
        indicator="stockpile",
        value=3_000_000,
        start=11,
        end=46,
        span_sha1=span_digest(text[11:46]),
    )
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (g,) = load_gold(path)
    assert check_spans([g], {"a.txt": text}) == []
    assert check_spans([g], {"a.txt": "x" + text}) != []
