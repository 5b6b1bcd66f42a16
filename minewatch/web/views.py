"""The data behind each page, shared by the HTML pages and the JSON API."""

from __future__ import annotations

from minewatch.cli.facts import fact_row
from minewatch.model import Fact
from minewatch.report.phrasing import sentence
from minewatch.store import Store
from minewatch.vocab import Vocabulary


def states(store: Store, vocab: Vocabulary) -> list[dict]:
    """Every state in the vocabulary, with its counts of facts by status."""
    counts = store.fact_counts()
    return [
        dict(
            code=s.code,
            name=s.name,
            status=s.status,
            facts=counts.get(s.code, {}),
            total=sum(counts.get(s.code, {}).values()),
        )
        for s in sorted(vocab.states.values(), key=lambda s: s.name)
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


def fact_view(f: Fact, vocab: Vocabulary) -> dict:
    return fact_row(f) | dict(sentence=sentence(f, vocab))
