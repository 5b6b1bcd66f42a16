"""The data behind each page, shared by the HTML pages and the JSON API."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from minewatch.analyze.overview import select, state_overview
from minewatch.analyze.scorecard import scorecard
from minewatch.cli.facts import fact_row
from minewatch.model import Fact
from minewatch.report import charts
from minewatch.report.phrasing import sentence
from minewatch.review.conflicts import find_conflicts
from minewatch.review.staleness import staleness
from minewatch.store import Store
from minewatch.vocab import Vocabulary

SCORECARD_YEARS = 8  # columns on the state page


def states(
    store: Store, vocab: Vocabulary, sort: str = "name", descending: bool = False, status: str | None = None
) -> list[dict]:
    """Every state with its treaty standing, newest fact, and counts of facts by review status."""
    by_status = store.fact_counts()
    rows = select(state_overview(store, vocab), status=status, sort=sort, descending=descending)
    return [
        asdict(r)
        | dict(
            code=r.state,
            treaty_status=r.status,
            by_status=by_status.get(r.state, {}),
            total=sum(by_status.get(r.state, {}).values()),
        )
        for r in rows
    ]


def state(store: Store, vocab: Vocabulary, code: str) -> dict:
    """A state's facts grouped by indicator, in the vocabulary's order."""
    facts = store.facts(state=code)
    groups = []
    for ind in vocab.indicators.values():
        chosen = [f for f in facts if f.indicator == ind.id]
        if chosen:
            groups.append(
                dict(indicator=ind.id, label=ind.label, facts=[fact_view(f, vocab) for f in chosen])
            )
    return dict(code=code, name=vocab.states[code].name, groups=groups, total=len(facts))


def state_review(store: Store, vocab: Vocabulary, code: str) -> dict:
    """What a reviewer should look at for a state: charts, scorecard, open conflicts, stale facts."""
    facts = store.facts(state=code, status=["accepted", "candidate"])
    stale = []
    for f in facts:
        s = staleness(f, vocab=vocab)
        if s.stale:
            stale.append(fact_view(f, vocab) | {"staleness": s.reason})
    return dict(
        charts=charts.charts(facts),
        conflicts=[
            c.to_dict() | {"sentences": [sentence(f, vocab) for f in c.facts]}
            for c in find_conflicts(store, code)
        ],
        stale=stale,
        scorecard=scorecard(store, code, date.today().year - SCORECARD_YEARS + 1, date.today().year),
    )


def fact_view(f: Fact, vocab: Vocabulary) -> dict:
    return fact_row(f) | dict(sentence=sentence(f, vocab))
