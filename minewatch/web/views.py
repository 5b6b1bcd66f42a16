"""The data behind each page, shared by the HTML pages and the JSON API.

What a state page shows is derived from many facts but changes only when a
fact or document is saved, so it is cached per process on the store's change
marker (one cheap query per request) and recomputed after any write.
"""

from __future__ import annotations

import functools
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import TypeVar

from minewatch.analyze.overview import select, state_overview
from minewatch.analyze.scorecard import scorecard
from minewatch.model import Fact
from minewatch.report import charts
from minewatch.report import profile as profiles
from minewatch.report.phrasing import sentence
from minewatch.review.conflicts import find_conflicts
from minewatch.review.staleness import staleness
from minewatch.store import Store
from minewatch.store.search import HIT_END, HIT_START, Embedder
from minewatch.vocab import Vocabulary

SCORECARD_YEARS = 8  # columns on the state page
CACHE_SIZE = 256
T = TypeVar("T")
_cache: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()


_computing: dict[tuple, threading.Event] = {}


def remember(store: Store, key: tuple, make: Callable[[], T]) -> T:
    """``make()``, computed once per ``key`` until the store changes (or the day does).

    Readers arriving while it is being computed wait for that result rather than each
    computing it again (fifty readers of a cold page would otherwise draw its charts fifty times).
    """
    full = (store.url, store.change_marker(), date.today(), *key)
    with _lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]  # type: ignore[return-value]
        running = _computing.get(full)
        if running is None:
            running = _computing[full] = threading.Event()
            leader = True
        else:
            leader = False
    if not leader:
        running.wait(60)
        with _lock:
            if full in _cache:
                return _cache[full]  # type: ignore[return-value]
        return make()  # the leader failed: compute it here and let the error speak
    try:
        value = make()
        with _lock:
            _cache[full] = value
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        return value
    finally:
        with _lock:
            _computing.pop(full, None)
        running.set()


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Memoise ``fn(store, vocab, *args)`` with :func:`remember`. Callers must not mutate what it returns."""

    @functools.wraps(fn)
    def wrapper(store: Store, vocab: Vocabulary, *args) -> T:
        return remember(store, (fn.__name__, *args), lambda: fn(store, vocab, *args))

    return wrapper


def states(
    store: Store, vocab: Vocabulary, sort: str = "name", descending: bool = False, status: str | None = None
) -> list[dict]:
    """Every state with its treaty standing, newest fact, and counts of facts by review status."""
    by_status = store.fact_counts()
    updated = store.last_updated()
    rows = select(state_overview(store, vocab), status=status, sort=sort, descending=descending)
    return [
        asdict(r)
        | dict(
            code=r.state,
            treaty_status=r.status,
            last_updated=updated.get(r.state),
            by_status=by_status.get(r.state, {}),
            total=sum(by_status.get(r.state, {}).values()),
        )
        for r in rows
    ]


@cached
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


@cached
def state_review(store: Store, vocab: Vocabulary, code: str) -> dict:
    """What a reviewer should look at for a state: scorecard, open conflicts, stale facts."""
    facts = store.facts(state=code, status=["accepted", "candidate"])
    stale = []
    for f in facts:
        s = staleness(f, vocab=vocab)
        if s.stale:
            stale.append(fact_view(f, vocab) | {"staleness": s.reason})
    return dict(
        conflicts=[
            c.to_dict() | {"sentences": [sentence(f, vocab) for f in c.facts]}
            for c in find_conflicts(store, code)
        ],
        stale=stale,
        scorecard=scorecard(store, code, date.today().year - SCORECARD_YEARS + 1, date.today().year),
    )


@cached
def state_charts(store: Store, vocab: Vocabulary, code: str) -> list[charts.Chart]:
    """The state page's timeline charts; drawing is slow, so only pages ask for it."""
    return charts.charts(store.facts(state=code, status=["accepted", "candidate"]))


@cached
def profile(store: Store, vocab: Vocabulary, code: str) -> profiles.Profile:
    return profiles.build(store, code, vocab)


@cached
def facts_json(store: Store, vocab: Vocabulary, *query) -> bytes:
    """``GET /api/facts`` for (state, indicator, status, doc, limit, offset), serialised once per change."""
    state, indicator, status, doc, limit, offset = query
    rows = [
        fact_view(f, vocab)
        for f in store.facts(state, indicator, status, doc=doc, limit=limit, offset=offset)
    ]
    return json.dumps(rows, ensure_ascii=False, default=str).encode()


@cached
def search(
    store: Store, vocab: Vocabulary, text: str, kinds: tuple[str, ...], limit: int, offset: int
) -> list[dict]:
    return store.search(text, kinds, limit, offset)


def semantic(store: Store, embedder: Embedder, text: str, kinds: tuple[str, ...], limit: int) -> list[dict]:
    """Nearest passages in meaning, with fact details added to fact hits."""
    hits = store.semantic_search(text, embedder, kinds, limit)
    for h in hits:
        if h["kind"] == "fact" and (f := store.fact(h["ref"])) is not None:
            h.update(state=f.state, indicator=f.indicator, status=f.status)
    return hits


@cached
def search_json(
    store: Store, vocab: Vocabulary, text: str, kinds: tuple[str, ...], limit: int, offset: int
) -> bytes:
    """``GET /api/search``: each hit with a link to the passage or fact and its text without markers."""
    return linked_json(search(store, vocab, text, kinds, limit, offset))


def linked_json(hits: list[dict]) -> bytes:
    """Search hits as JSON, each with a link to its passage or fact and its text without markers."""
    out = []
    for h in hits:
        url = f"/facts/{h['ref']}" if h["kind"] == "fact" else f"/documents/{h['doc_id']}#p-{h['ref']}"
        out.append(h | {"url": url, "text": h["snippet"].replace(HIT_START, "").replace(HIT_END, "")})
    return json.dumps(out, ensure_ascii=False).encode()


def fact_view(f: Fact, vocab: Vocabulary) -> dict:
    """Every field of the fact (as ``minewatch facts --format jsonl`` prints it) and its sentence."""
    return f.record() | {"sentence": sentence(f, vocab)}
