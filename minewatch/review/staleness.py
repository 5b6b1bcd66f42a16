"""Freshness: a fact older than its indicator's window is flagged stale wherever it is shown.

The window is ``freshness_years`` in the vocabulary's indicators; an indicator
without one (treaty status, policy) never goes stale. An undated fact cannot be
judged and is not flagged stale, but :func:`staleness` says it is undated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from minewatch.model import Fact
from minewatch.review.periods import as_of_date, ref_date
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab


@dataclass(frozen=True)
class Staleness:
    stale: bool
    as_of: str
    holds_until: str | None  # the last day the fact is known to hold
    window_years: int | None
    fresh_until: str | None  # the day after which it counts as stale
    reason: str

    def to_dict(self) -> dict:
        return dict(vars(self))


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@lru_cache(maxsize=8192)
def _judge(holds: str, window: int, when: date) -> Staleness:
    """One verdict per (date, window, day of judgement): analyses judge thousands of facts sharing them."""
    until = _add_years(date.fromisoformat(holds), window)
    stale = until < when
    reason = f"last known to hold {holds}, older than {window} years" if stale else f"within {window} years"
    return Staleness(stale, when.isoformat(), holds, window, until.isoformat(), reason)


def staleness(fact: Fact, as_of: date | str | None = None, vocab: Vocabulary | None = None) -> Staleness:
    """How old ``fact`` is against its indicator's freshness window, as of ``as_of`` (default today)."""
    vocab = vocab or load_vocab()
    when = as_of_date(as_of)
    ind = vocab.indicators.get(fact.indicator)
    window = ind.freshness_years if ind else None
    holds = ref_date(fact)
    if window is None:
        return Staleness(False, when.isoformat(), holds, None, None, "indicator has no freshness window")
    if holds is None:
        return Staleness(False, when.isoformat(), None, window, None, "undated: freshness cannot be judged")
    return _judge(holds, window, when)


def is_stale(fact: Fact, as_of: date | str | None = None, vocab: Vocabulary | None = None) -> bool:
    """Whether ``fact`` is older than its indicator's freshness window as of ``as_of`` (default today)."""
    return staleness(fact, as_of, vocab).stale


def stale_facts(facts: list[Fact], as_of: date | str | None = None) -> list[Fact]:
    vocab = load_vocab()
    return [f for f in facts if is_stale(f, as_of, vocab)]
