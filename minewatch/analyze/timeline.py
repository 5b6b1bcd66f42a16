"""Timelines: per state and indicator, the figures, events and denials over time, as plain data.

Each point is one fact (merged duplicates appear once, citing all their
passages): a ``figure`` (a number), an ``event`` (an act or a dated
statement), a ``denial`` ("no use since 1991") or a ``restraint`` (a
moratorium). Undated facts are left off the line and listed apart.
"""

from __future__ import annotations

from datetime import date

from minewatch.analyze.evidence import evidence
from minewatch.model import Fact
from minewatch.review.periods import as_of_date, label
from minewatch.review.readings import is_last, is_restraint
from minewatch.store import Store
from minewatch.vocab import load as load_vocab


def kind(f: Fact) -> str:
    if f.polarity == "denied":
        return "denial"
    if is_restraint(f):
        return "restraint"
    return "figure" if isinstance(f.value, int | float) else "event"


def point(f: Fact, as_of: date | str | None = None) -> dict:
    w = f.when
    return dict(
        start=w.start if w else None,
        end=w.end if w else None,
        precision=w.precision if w else None,
        period=label(w),
        kind=kind(f),
        value=f.value,
        unit=f.unit,
        approx=f.approx,
        polarity=f.polarity,
        mine_types=list(f.mine_types),
        scope=f.attributes.get("scope"),
        last=is_last(f),
        evidence=evidence(f, as_of),
    )


def timeline_facts(facts: list[Fact], state: str, indicator: str, as_of: date | str | None = None) -> dict:
    as_of = as_of_date(as_of)
    dated = [f for f in facts if f.when is not None and (f.when.start or f.when.end)]
    dated.sort(key=lambda f: (f.when.start or f.when.end, f.id or 0))
    return dict(
        state=state,
        indicator=indicator,
        label=load_vocab().indicators[indicator].label,
        points=[point(f, as_of) for f in dated],
        undated=[evidence(f, as_of) for f in facts if f.when is None or not (f.when.start or f.when.end)],
    )


def timeline(
    store: Store,
    state: str,
    indicator: str,
    statuses: tuple[str, ...] | list[str] = ("accepted",),
    as_of: date | str | None = None,
) -> dict:
    """The series for one state and indicator, oldest first, every point with its evidence."""
    vocab = load_vocab()
    code = vocab.state_code(state)
    if code is None:
        raise ValueError(f"unknown state {state!r}")
    if indicator not in vocab.indicators:
        raise ValueError(f"unknown indicator {indicator!r}")
    facts = store.state_facts(code, list(statuses), [indicator])
    return timeline_facts(facts, code, indicator, as_of)
