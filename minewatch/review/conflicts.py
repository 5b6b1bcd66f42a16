"""Sources that disagree about the same state, indicator and time, shown side by side.

Three kinds of disagreement are surfaced (from two different documents; one
document's own wording is the extractor's business):

- ``value``: two figures for the same time, unit, scope and mine types that
  differ by more than :data:`TOLERANCE` ("just over 3 million" and "3.1
  million" agree; 3 million and 10 million do not);
- ``polarity``: one source says it happened, another that it did not, over
  overlapping periods (for acts, ``readings.yaml``, any denial counts; an
  event the denying source itself names as an exception,
  ``attributes["exception"]``, is not a disagreement, nor is an act in the
  very year a "not since" names);
- ``provision``: two sources give one policy version different values for
  the same provision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from minewatch.model import Fact
from minewatch.review.merge import LIVE, sources
from minewatch.review.periods import POINTLIKE, label, overlaps, same_time
from minewatch.review.readings import is_act, is_restraint
from minewatch.review.staleness import is_stale
from minewatch.store import Store

TOLERANCE = 0.10


@dataclass
class Conflict:
    state: str
    indicator: str
    kind: str  # value, polarity or provision
    when: str
    detail: str
    facts: tuple[Fact, Fact]

    def to_dict(self, as_of: date | str | None = None) -> dict:
        """Plain data with both passages; each side flagged stale as of ``as_of`` (default today)."""
        return dict(
            state=self.state,
            indicator=self.indicator,
            kind=self.kind,
            when=self.when,
            detail=self.detail,
            fact_ids=[f.id for f in self.facts],
            passages=[
                dict(
                    fact_id=f.id,
                    value=f.value,
                    polarity=f.polarity,
                    status=f.status,
                    stale=is_stale(f, as_of),
                    sources=sources(f),
                )
                for f in self.facts
            ],
        )


def _number(f: Fact) -> float | None:
    return float(f.value) if isinstance(f.value, int | float) else None


def _value_conflict(a: Fact, b: Fact) -> str | None:
    x, y = _number(a), _number(b)
    if x is None or y is None or a.polarity != b.polarity or a.unit != b.unit:
        return None
    if sorted(a.mine_types) != sorted(b.mine_types) or a.attributes.get("scope") != b.attributes.get("scope"):
        return None
    if not same_time(a.when, b.when):
        return None
    if abs(x - y) <= TOLERANCE * max(abs(x), abs(y)):
        return None
    return f"{a.approx or ''} {x:,.0f} vs {b.approx or ''} {y:,.0f} {a.unit or ''}".strip()


def _denial_covers(no: Fact, yes: Fact) -> bool:
    """A denial's period covers an act; "not since 1991" does not cover an act in 1991 itself."""
    if no.when is None or yes.when is None:
        return False
    if not overlaps(no.when, yes.when.start or "0000", yes.when.end or "9999"):
        return False
    if no.when.precision == "since" and no.when.start and yes.when.start:
        return yes.when.start[:4] > no.when.start[:4]
    return True


def _polarity_conflict(a: Fact, b: Fact) -> str | None:
    if a.polarity == b.polarity or a.attributes.get("exception") or b.attributes.get("exception"):
        return None
    yes, no = (a, b) if a.polarity == "affirmed" else (b, a)
    if is_act(yes):
        pass  # any denial of the act disagrees, whatever words it used
    elif str(a.value) != str(b.value) or _number(a) is not None or is_restraint(yes):
        return None
    if not _denial_covers(no, yes):
        return None
    return f"{yes.value!r} affirmed for {label(yes.when)}, denied for {label(no.when)}"


def _provision_conflict(a: Fact, b: Fact) -> str | None:
    if a.attributes.get("version") is None or a.attributes.get("version") != b.attributes.get("version"):
        return None
    pa, pb = a.attributes.get("provisions") or {}, b.attributes.get("provisions") or {}
    differ = [f"{k}: {pa[k]!r} vs {pb[k]!r}" for k in sorted(set(pa) & set(pb)) if pa[k] != pb[k]]
    return "; ".join(differ) or None


def _pairs(indicator: str, group: list[Fact]) -> Iterator[tuple[Fact, Fact]]:
    """Pairs worth testing, found by blocking rather than trying all: a state may hold thousands of facts."""
    blocks: dict[tuple, list[Fact]] = defaultdict(list)
    for f in group:
        if indicator == "policy" and f.attributes.get("version") is not None:
            blocks[("version", f.attributes["version"])].append(f)
        if _number(f) is not None and f.when and f.when.precision in POINTLIKE and f.when.start:
            key = (
                f.polarity,
                f.unit,
                f.attributes.get("scope"),
                tuple(sorted(f.mine_types)),
                f.when.start[:4],
            )
            blocks[("value", *key)].append(f)
    for block in blocks.values():
        yield from combinations(block, 2)
    denials = [f for f in group if f.polarity == "denied" and f.when]
    if not denials:
        return
    yes = [f for f in group if f.polarity == "affirmed" and f.when and not f.attributes.get("exception")]
    points = sorted(
        (f for f in yes if f.when.precision in POINTLIKE and f.when.start), key=lambda f: f.when.start
    )
    starts = [f.when.start for f in points]
    stretches = [f for f in yes if not (f.when.precision in POINTLIKE and f.when.start)]
    for no in denials:
        lo = bisect_left(starts, no.when.start or "0000")
        hi = bisect_right(starts, no.when.end or "9999")
        for f in points[lo:hi] + stretches:
            yield f, no


def conflicts_among(facts: list[Fact]) -> list[Conflict]:
    """Every disagreeing pair among ``facts`` (live facts of any states and indicators)."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.status in LIVE:
            groups[(f.state, f.indicator)].append(f)
    out = []
    for (state, indicator), group in sorted(groups.items()):
        seen: set[tuple[int, int]] = set()
        for a, b in _pairs(indicator, group):
            pair = (min(id(a), id(b)), max(id(a), id(b)))
            if a.doc == b.doc or pair in seen:
                continue
            seen.add(pair)
            for kind, test in (
                ("provision", _provision_conflict if indicator == "policy" else None),
                ("value", _value_conflict),
                ("polarity", _polarity_conflict),
            ):
                detail = test(a, b) if test else None
                if detail:
                    when = (
                        label(a.when)
                        if a.when and b.when and same_time(a.when, b.when)
                        else (f"{label(a.when)} / {label(b.when)}")
                    )
                    out.append(
                        Conflict(state, indicator, kind, when, detail, tuple(sorted((a, b), key=_order)))
                    )
                    break
    return sorted(out, key=lambda c: (c.state, c.indicator, *(_order(f) for f in c.facts)))


def _order(f: Fact) -> tuple:
    return (f.id or 0, f.start)


def find_conflicts(store: Store, state: str | None = None, indicator: str | None = None) -> list[Conflict]:
    """Conflicts among a state's (or every state's) candidate and accepted facts."""
    if state is None:
        return conflicts_among(store.facts(indicator=indicator, status=list(LIVE)))
    facts = store.state_facts(state, list(LIVE), [indicator] if indicator else None, passages=False)
    found = conflicts_among(facts)
    store.fill_passages([f for c in found for f in c.facts])
    return found
