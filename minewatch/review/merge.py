"""One fact, two sources: merge them into one fact that cites both.

The surviving fact lists the other's passage under ``attributes["sources"]``
(document, span, quote, footnotes); the other becomes ``superseded`` with
``attributes["merged_into"]``. Both steps are revisions, written in one
transaction, and nothing is deleted, so a merge can be read back, and its
passage is still shown as evidence.
"""

from __future__ import annotations

from collections import defaultdict

from minewatch.model import Fact
from minewatch.review.lifecycle import ReviewError, _require
from minewatch.review.periods import same_time
from minewatch.store import Store

LIVE = ("candidate", "accepted")


def same_value(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, int | float) and isinstance(b.value, int | float):
        return abs(float(a.value) - float(b.value)) <= 1e-9 * max(1.0, abs(float(a.value)))
    return a.value == b.value


IGNORED = ("sources", "merged_into", "exception")  # bookkeeping, or how one source framed it


def same_qualifiers(a: Fact, b: Fact) -> bool:
    """Qualifiers both facts give (location, provisions, scope …) agree."""
    common = (set(a.attributes) & set(b.attributes)) - set(IGNORED)
    return all(a.attributes[k] == b.attributes[k] for k in common)


def same_fact(a: Fact, b: Fact) -> bool:
    """Same state, indicator, value, polarity, mine types, qualifiers and time: one statement told twice."""
    return (
        a.id != b.id
        and a.state == b.state
        and a.indicator == b.indicator
        and a.polarity == b.polarity
        and sorted(a.mine_types) == sorted(b.mine_types)
        and a.attributes.get("scope") == b.attributes.get("scope")
        and same_qualifiers(a, b)
        and same_value(a, b)
        and a.when is not None
        and same_time(a.when, b.when)
        and (a.doc, a.start, a.end) != (b.doc, b.start, b.end)
    )


def source_of(fact: Fact) -> dict:
    """The passage behind ``fact``, in the form kept under ``attributes["sources"]``."""
    return dict(
        fact_id=fact.id,
        doc=fact.doc,
        start=fact.start,
        end=fact.end,
        quote=fact.quote,
        citations=[vars(c) for c in fact.citations],
    )


def sources(fact: Fact) -> list[dict]:
    """Every passage a fact rests on: its own first, then those merged into it."""
    return [source_of(fact), *fact.attributes.get("sources", [])]


def duplicates(store: Store, state: str | None = None, statuses: tuple[str, ...] = LIVE) -> list[list[Fact]]:
    """Groups of live facts that state the same thing (see :func:`same_fact`), oldest id first."""
    buckets: dict[tuple, list[Fact]] = defaultdict(list)
    for f in store.facts(state=state, status=list(statuses)):
        buckets[(f.state, f.indicator, f.polarity, str(f.value))].append(f)
    groups = []
    for facts in buckets.values():
        used: set[int] = set()
        for i, a in enumerate(facts):
            if a.id in used:
                continue
            group = [a] + [b for b in facts[i + 1 :] if b.id not in used and same_fact(a, b)]
            if len(group) > 1:
                used |= {f.id for f in group}
                groups.append(group)
    return groups


def twins(store: Store, fact: Fact) -> list[Fact]:
    """Other live facts that state the same thing as ``fact``: what a reviewer may merge into it."""
    return [f for f in store.facts(fact.state, fact.indicator, list(LIVE)) if same_fact(fact, f)]


def merge(
    store: Store,
    survivor_id: int,
    other_id: int,
    user: str,
    reason: str | None = None,
    force: bool = False,
) -> Fact:
    """Fold ``other_id`` into ``survivor_id``; returns the survivor, now citing both passages.

    Refuses facts that do not state the same thing unless ``force`` (a
    reviewer's judgement, which the reason should explain).
    """
    reason = reason or "same fact from another source"
    _require(user, reason)
    survivor, other = store.fact(survivor_id), store.fact(other_id)
    if survivor is None or other is None:
        raise ReviewError(f"no fact {survivor_id if survivor is None else other_id}")
    for f in (survivor, other):
        if f.status not in LIVE:
            raise ReviewError(f"fact {f.id} is {f.status}; only candidates or accepted facts merge")
    if survivor_id == other_id:
        raise ReviewError("a fact cannot be merged into itself")
    if not force and not same_fact(survivor, other):
        raise ReviewError(
            f"facts {survivor_id} and {other_id} differ in state, indicator, value, polarity or time"
        )
    kept = list(survivor.attributes.get("sources", []))
    for src in [source_of(other), *other.attributes.get("sources", [])]:
        if all((s["doc"], s["start"], s["end"]) != (src["doc"], src["start"], src["end"]) for s in kept):
            kept.append(src)
    merged, _ = store.update_facts_together(
        [
            dict(
                id=survivor_id,
                changes={"attributes": survivor.attributes | {"sources": kept}},
                expected_version=survivor.version,
                action="merge",
            ),
            dict(
                id=other_id,
                changes={
                    "status": "superseded",
                    "attributes": other.attributes | {"merged_into": survivor_id},
                },
                expected_version=other.version,
                action="supersede",
            ),
        ],
        user,
        reason,
    )
    return merged


def merge_all(store: Store, user: str, state: str | None = None) -> list[tuple[int, list[int]]]:
    """Merge every duplicate group into its accepted (else oldest) member; returns (survivor, merged ids)."""
    out = []
    for group in duplicates(store, state):
        survivor = next((f for f in group if f.status == "accepted"), group[0])
        others = [f.id for f in group if f.id != survivor.id]
        for other in others:
            merge(store, survivor.id, other, user, "same fact from another source (merge all)")
        out.append((survivor.id, others))
    return out
