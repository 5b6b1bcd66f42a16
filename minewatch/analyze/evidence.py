"""The evidence a finding shows: a fact reduced to what a reader needs to check it, staleness included."""

from __future__ import annotations

from datetime import date

from minewatch.model import Fact
from minewatch.review.merge import sources
from minewatch.review.periods import label
from minewatch.review.staleness import staleness
from minewatch.vocab import Vocabulary


def evidence(fact: Fact, as_of: date | str | None = None, vocab: Vocabulary | None = None) -> dict:
    """Plain data for one fact: value, period, passage(s), footnotes, status and staleness."""
    st = staleness(fact, as_of, vocab)
    return dict(
        id=fact.id,
        indicator=fact.indicator,
        value=fact.value,
        unit=fact.unit,
        approx=fact.approx,
        polarity=fact.polarity,
        period=label(fact.when),
        period_start=fact.when.start if fact.when else None,
        period_end=fact.when.end if fact.when else None,
        mine_types=list(fact.mine_types),
        status=fact.status,
        doc=fact.doc,
        start=fact.start,
        end=fact.end,
        quote=fact.quote,
        citations=[c.number for c in fact.citations],
        sources=sources(fact),
        stale=st.stale,
        staleness=st.reason,
    )
