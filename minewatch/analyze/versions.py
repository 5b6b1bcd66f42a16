"""Versions of a source: what appeared, disappeared or changed value between two editions.

A yearly profile is rewritten every year. Versions are found through
``documents.previous_id`` (same path) or a shared title and subject state.
Facts are matched across editions by what they state, not where: same state,
indicator, polarity, mine types and scope, then the same time ("as of the
document's date" and "since 1992 until now" match across editions).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from minewatch.analyze.evidence import evidence
from minewatch.model import Fact
from minewatch.store import Store

DEFAULT_STATUSES = ("candidate", "accepted", "superseded")  # what each edition says; rejected = misread


def _when(f: Fact) -> tuple:
    w = f.when
    if w is None:
        return ("undated",)
    if w.text == "as of document date":
        return ("current",)
    if w.precision == "since":
        return ("since", w.start)
    return (w.start, w.end)


def _subject(f: Fact) -> tuple:
    return (f.state, f.indicator, f.polarity, tuple(sorted(f.mine_types)), f.attributes.get("scope"))


def _pair_off(
    old: list[Fact], new: list[Fact], key
) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    pool: dict[tuple, list[Fact]] = defaultdict(list)
    for f in new:
        pool[key(f)].append(f)
    pairs, left = [], []
    for f in old:
        match = pool.get(key(f))
        if match:
            pairs.append((f, match.pop(0)))
        else:
            left.append(f)
    return pairs, left, [f for fs in pool.values() for f in fs]


def diff_facts(old: list[Fact], new: list[Fact], as_of: date | str | None = None) -> dict:
    """Appeared, disappeared, changed (value or period) and unchanged facts between two editions."""
    same, old_rest, new_rest = _pair_off(old, new, lambda f: (*_subject(f), _when(f), str(f.value)))
    by_value, old_rest, new_rest = _pair_off(old_rest, new_rest, lambda f: (*_subject(f), _when(f)))
    by_time, old_rest, new_rest = _pair_off(old_rest, new_rest, lambda f: (*_subject(f), str(f.value)))

    def changed(pairs: list[tuple[Fact, Fact]], what: str) -> list[dict]:
        return [dict(what=what, old=evidence(a, as_of), new=evidence(b, as_of)) for a, b in pairs]

    return dict(
        appeared=[evidence(f, as_of) for f in new_rest],
        disappeared=[evidence(f, as_of) for f in old_rest],
        changed=changed(by_value, "value") + changed(by_time, "period"),
        unchanged=[dict(old=a.id, new=b.id) for a, b in same],
    )


def versions(store: Store, doc_id: str) -> list[dict]:
    """Every stored edition of ``doc_id``'s source, oldest first, without text."""
    return store.document_versions(doc_id)


def compare_documents(
    store: Store,
    old_id: str,
    new_id: str | None = None,
    statuses: tuple[str, ...] = DEFAULT_STATUSES,
    as_of: date | str | None = None,
) -> dict:
    """Diff edition ``old_id`` against ``new_id`` (default: the next edition after it)."""
    editions = versions(store, old_id)
    ids = [d["id"] for d in editions]
    if old_id not in ids:
        raise KeyError(f"no document {old_id}")
    if new_id is None:
        i = ids.index(old_id)
        if i + 1 >= len(ids):
            raise KeyError(f"document {old_id[:12]} has no later edition")
        new_id = ids[i + 1]
    info = {d["id"]: d for d in editions}
    if new_id not in info:
        extra = store.document_info(new_id)
        if extra is None:
            raise KeyError(f"no document {new_id}")
        info[new_id] = extra
    old = store.facts(doc=old_id, status=list(statuses))
    new = store.facts(doc=new_id, status=list(statuses))
    out = diff_facts(old, new, as_of)

    def meta(d: dict) -> dict:
        return {k: d.get(k) for k in ("id", "title", "date", "subject_state", "source", "previous_id")}

    return dict(old=meta(info[old_id]), new=meta(info[new_id]), **out)
