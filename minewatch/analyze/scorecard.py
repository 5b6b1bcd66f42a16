"""Norm-adherence scorecard: per state and year, one cell per indicator, each with its evidence.

A cell's facts are the state's facts whose period overlaps the year ("not
since 1991" covers the years after 1991, not 1991 itself; an act reported
"since 1961" is dated 1961). Each fact gives a
verdict by its indicator's ``scorecard`` rule in ``rules.yaml``: by polarity
(affirmed, denied), or ``restraint`` for a moratorium, optionally by value.
A cell is that verdict when its facts agree, ``mixed`` when they do not, and
``no evidence`` when none apply — never a guess carried over from another year.
"""

from __future__ import annotations

from datetime import date

from minewatch.analyze.rules import Rule, rules
from minewatch.model import Fact
from minewatch.review.periods import as_of_date, overlaps
from minewatch.review.readings import is_act, is_restraint
from minewatch.review.staleness import is_stale
from minewatch.store import Store
from minewatch.vocab import load as load_vocab

NO_EVIDENCE = "no evidence"


def fact_verdict(rule: Rule, f: Fact) -> str | None:
    """What one fact says about adherence in its years, or None when the rule is silent."""
    key = "restraint" if is_restraint(f) and "restraint" in rule.scorecard else f.polarity
    spec = rule.scorecard.get(key)
    if isinstance(spec, dict):
        return spec.get(str(f.value))
    return spec


def covers(f: Fact, year: int) -> bool:
    w = f.when
    if w is None or not overlaps(w, f"{year}-01-01", f"{year}-12-31"):
        return False
    if w.precision == "since" and w.start:
        if f.polarity == "denied":
            return int(w.start[:4]) < year
        if is_act(f):  # "began emplacing in 1961": the act is dated by its start
            return int(w.start[:4]) == year
    return True


def rule_text(rule: Rule) -> str:
    parts = []
    for key, spec in rule.scorecard.items():
        if isinstance(spec, dict):
            parts.append("; ".join(f"{key} {v!r} → {verdict}" for v, verdict in spec.items()))
        else:
            parts.append(f"{key} → {spec}")
    return "; ".join(parts) + "; disagreeing facts → mixed; none → no evidence"


def scorecard_facts(facts: list[Fact], state: str, years: list[int], as_of: date | str | None = None) -> dict:
    """The scorecard over already-loaded facts of one state (see :func:`scorecard`)."""
    vocab = load_vocab()
    as_of = as_of_date(as_of)
    rows = []
    for ind, rule in rules().items():
        if not rule.scorecard:
            continue
        mine = [(f, fact_verdict(rule, f)) for f in facts if f.indicator == ind]
        mine = [(f, v) for f, v in mine if v]
        cells = {}
        for year in years:
            here = [(f, v) for f, v in mine if covers(f, year)]
            verdicts = sorted({v for _, v in here})
            cells[year] = dict(
                verdict=NO_EVIDENCE if not verdicts else verdicts[0] if len(verdicts) == 1 else "mixed",
                facts=[f.id for f, _ in here],
                stale=[f.id for f, _ in here if is_stale(f, as_of, vocab)],
            )
        rows.append(dict(indicator=ind, label=vocab.indicators[ind].label, rule=rule_text(rule), cells=cells))
    return dict(state=state, years=years, rows=rows)


def scorecard(
    store: Store,
    state: str,
    first: int,
    last: int,
    statuses: tuple[str, ...] | list[str] = ("accepted",),
    as_of: date | str | None = None,
) -> dict:
    """Cells for ``state`` from year ``first`` to ``last``; fact ids in every cell, stale ones flagged."""
    code = load_vocab().state_code(state)
    if code is None:
        raise ValueError(f"unknown state {state!r}")
    if first > last:
        raise ValueError(f"first year {first} is after last year {last}")
    indicators = [i for i, r in rules().items() if r.scorecard]
    facts = store.state_facts(code, list(statuses), indicators, until=f"{last}-12-31", passages=False)
    return scorecard_facts(facts, code, list(range(first, last + 1)), as_of)
