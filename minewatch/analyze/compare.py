"""What changed and what did not: policy against practice, indicator by indicator, with evidence.

For a state and a window [start, end] the policy side diffs the policy
version in force at the start with the one in force at the end; the practice
side applies each indicator's rule (``rules.yaml``, explained in
docs/analysis.md) to the facts and gives a verdict: ``changed``, ``unchanged``
or ``no evidence``. Facts in ``statuses`` count (accepted by default);
undated facts are listed, never weighed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from minewatch.analyze.evidence import evidence
from minewatch.analyze.policy_diff import diff_versions, overall_direction, version_at, versions
from minewatch.analyze.rules import Rule, rules
from minewatch.heap import paused_gc
from minewatch.model import Fact
from minewatch.review.conflicts import TOLERANCE
from minewatch.review.periods import as_of_date, overlaps, parse_bound
from minewatch.review.readings import is_act, is_last, is_restraint
from minewatch.store import Store
from minewatch.vocab import load as load_vocab

VERDICTS = ("changed", "unchanged", "no evidence")
RULE_TEXT = {
    "event": "changed: an act dated in the window; unchanged: none, and a denial, restraint or "
    "'last time' statement covers the window; else no evidence",
    "level": "changed: a figure in the window differs from the one before it by more than "
    f"{TOLERANCE:.0%} (same group); unchanged: figures in the window agree with it; else no evidence",
    "steady": "changed: an observation in the window differs from the one standing at its start "
    "(same group); unchanged: observations in the window agree; else no evidence",
}


@dataclass
class Window:
    start: str
    end: str

    @classmethod
    def of(cls, start: str, end: str) -> Window:
        w = cls(parse_bound(start), parse_bound(end, end=True))
        if w.start > w.end:
            raise ValueError(f"window starts after it ends: {w.start} > {w.end}")
        return w


def _observations(f: Fact, window: Window) -> list[str]:
    """The days a fact observes its value: its start, and the end of a stretch (cut at the window's end)."""
    w = f.when
    if w is None:
        return []
    first = w.start or w.end
    if not first or first > window.end:
        return []
    days = [first]
    if w.precision in ("range", "since") and w.end and w.end != first:
        days.append(min(w.end, window.end))
    return days


def _same(rule: Rule, a: Fact, b: Fact) -> bool:
    if rule.compare_on == "polarity":
        return a.polarity == b.polarity
    if rule.practice == "level":
        x, y = float(a.value), float(b.value)
        return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))
    return (str(a.value), a.polarity) == (str(b.value), b.polarity)


def _series(rule: Rule, facts: list[Fact], window: Window) -> dict:
    """Level and steady rules: per group, the observation standing at the start against those in the window."""
    groups: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
    for f in facts:
        if rule.practice == "level" and (not isinstance(f.value, int | float) or f.mine_types):
            continue  # only whole-stock figures make a level
        key = str(f.attributes.get(rule.group_by)) if rule.group_by else ""
        groups[key].extend((d, f) for d in _observations(f, window))
    baseline, changes, continuity, verdicts = [], [], [], []
    for obs in groups.values():
        obs.sort(key=lambda o: (o[0], o[1].id or 0))
        before = [o for o in obs if o[0] <= window.start]
        inside = [o for o in obs if o[0] > window.start]
        base = before[-1] if before else (inside.pop(0) if inside else None)
        if base is None or not inside:
            verdicts.append("no evidence")
            continue
        baseline.append(base[1])
        differ = [f for _, f in inside if not _same(rule, base[1], f)]
        changes += differ
        continuity += [f for _, f in inside if _same(rule, base[1], f)]
        verdicts.append("changed" if differ else "unchanged")
    return dict(
        verdict=_combine(verdicts),
        baseline=baseline,
        changes=_unique(changes),
        continuity=_unique(continuity),
    )


def _unique(facts: list[Fact]) -> list[Fact]:
    """Each fact once (a stretch observes twice), in first-seen order."""
    seen: set[int | None] = set()
    out = []
    for f in facts:
        if id(f) not in seen:
            seen.add(id(f))
            out.append(f)
    return out


def _policy_verdict(statuses: list[str]) -> str:
    """changed, unchanged, new (a rule only the later version states), else no evidence."""
    for status, verdict in (("changed", "changed"), ("new", "new"), ("unchanged", "unchanged")):
        if status in statuses:
            return verdict
    return "no evidence"


def _combine(verdicts: list[str]) -> str:
    for v in ("changed", "unchanged"):
        if v in verdicts:
            return v
    return "no evidence"


def _events(facts: list[Fact], window: Window, doc_dates: dict[str, str | None]) -> dict:
    """Event rule: acts in the window against denials, restraints and 'last time' statements."""
    changes, continuity, before = [], [], []
    for f in facts:
        w = f.when
        if w is None:
            continue
        if is_act(f):
            starts_inside = w.start is not None and window.start <= w.start <= window.end
            stretch_inside = w.precision == "range" and overlaps(w, window.start, window.end)
            if starts_inside or stretch_inside:
                changes.append(f)
            elif (w.start or w.end or "9999") < window.start:
                before.append(f)
            if is_last(f) and (doc_dates.get(f.doc) or "") >= window.start and (w.end or "") < window.start:
                continuity.append(f)  # "the last one was in 1997", said inside the window
        elif (f.polarity == "denied" or is_restraint(f)) and overlaps(w, window.start, window.end):
            continuity.append(f)
    last = max(before, key=lambda f: (f.when.start or "", f.id or 0)) if before else None
    verdict = "changed" if changes else "unchanged" if continuity else "no evidence"
    return dict(verdict=verdict, baseline=[last] if last else [], changes=changes, continuity=continuity)


def compare_facts(
    facts: list[Fact],
    state: str,
    start: str,
    end: str,
    doc_dates: dict[str, str | None] | None = None,
    as_of: date | str | None = None,
    fill: Callable[[list[Fact]], None] | None = None,
) -> dict:
    """The comparison over already-loaded facts of one state (see :func:`compare`).

    ``fill`` gives passages to facts loaded without them, once the facts to be
    shown as evidence are known.
    """
    window = Window.of(start, end)
    as_of = as_of_date(as_of or window.end)
    vocab = load_vocab()
    by_indicator: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_indicator[f.indicator].append(f)
    practices = {
        ind: _events(by_indicator.get(ind, []), window, doc_dates or {})
        if rule.practice == "event"
        else _series(rule, by_indicator.get(ind, []), window)
        for ind, rule in rules().items()
    }
    if fill:
        shown = [f for p in practices.values() for k in ("baseline", "changes", "continuity") for f in p[k]]
        fill(shown + by_indicator.get("policy", []))
    vs = versions(by_indicator.get("policy", []))
    old, new = version_at(vs, window.start), version_at(vs, window.end)
    diff = diff_versions(vs, old.version, new.version, as_of) if old and new else None
    rows = []
    for ind, rule in rules().items():
        mine = by_indicator.get(ind, [])
        practice = practices[ind]
        provisions = [r for r in diff["provisions"] if r["provision"] in rule.provisions] if diff else []
        changed = [r for r in provisions if r["status"] == "changed"]
        directions = [r["direction"] for r in changed]
        policy = dict(
            verdict=_policy_verdict([r["status"] for r in provisions]),
            direction=overall_direction(directions) if changed else None,
            provisions=provisions,
        )
        rows.append(
            dict(
                indicator=ind,
                label=vocab.indicators[ind].label,
                policy=policy,
                practice=dict(
                    verdict=practice["verdict"],
                    rule=RULE_TEXT[rule.practice],
                    baseline=[evidence(f, as_of, vocab) for f in practice["baseline"]],
                    changes=[evidence(f, as_of, vocab) for f in practice["changes"]],
                    continuity=[evidence(f, as_of, vocab) for f in practice["continuity"]],
                ),
                verdict=practice["verdict"],
                undated=[f.id for f in mine if f.when is None],
            )
        )
    judged = [r["verdict"] for r in rows if r["verdict"] != "no evidence"]
    return dict(
        state=state,
        start=window.start,
        end=window.end,
        policy=dict(
            old=old.version if old else None,
            new=new.version if new else None,
            direction=diff["direction"] if diff else "no evidence",
            provisions=diff["provisions"] if diff else [],
        ),
        practice=dict(
            verdict=_combine(judged) if judged else "no evidence",
            changed=[r["indicator"] for r in rows if r["verdict"] == "changed"],
            unchanged=[r["indicator"] for r in rows if r["verdict"] == "unchanged"],
            no_evidence=[r["indicator"] for r in rows if r["verdict"] == "no evidence"],
        ),
        indicators=rows,
    )


def compare(
    store: Store,
    state: str,
    start: str,
    end: str,
    statuses: tuple[str, ...] | list[str] = ("accepted",),
    as_of: date | str | None = None,
) -> dict:
    """What changed and what did not for ``state`` between ``start`` and ``end``, as plain data.

    ``start``/``end`` take "2014", "2021-06", "2021-06-30" or "mid-2021";
    staleness is judged as of ``as_of`` (default: the window's end).
    """
    code = load_vocab().state_code(state)
    if code is None:
        raise ValueError(f"unknown state {state!r}")
    window = Window.of(start, end)
    facts = store.state_facts(code, list(statuses), until=window.end, passages=False)
    docs = {f.doc for f in facts if f.polarity == "affirmed" and is_last(f)}
    doc_dates = {d: (store.document_info(d) or {}).get("date") for d in docs}
    with paused_gc():  # thousands of evidence records, none of them cyclic
        return compare_facts(facts, code, window.start, window.end, doc_dates, as_of, store.fill_passages)
