"""The analysis read path (``state_facts``, ``fill_passages``) returns what the plain fact queries return."""

from __future__ import annotations

from minewatch.store.review import _json
from tests.review.make import document, fact, save


def test_state_facts_match_the_plain_query(any_store):
    store = any_store
    doc = document(store)
    save(
        store,
        fact(doc, value=3_000_000, when="2014", scope="active"),
        fact(doc, "use", 'naïve "quoted" value', "1991..", polarity="denied", start=10),
        fact(doc, "policy", "2020 policy", "2020", start=20, version=2020, provisions={"use": "allowed"}),
        fact(doc, "use", "use", None, start=30, mine_types=["M16A1"]),
        fact(doc, state="RUS", start=40),
    )
    plain = store.facts(state="USA", status="candidate")
    assert store.state_facts("USA", ["candidate"]) == plain
    light = store.state_facts("USA", ["candidate"], passages=False)
    assert all(f.quote == "" and f.citations == [] for f in light)
    store.fill_passages(light)
    assert light == plain
    assert [f.indicator for f in store.state_facts("USA", ["candidate"], ["use"], until="2000-01-01")] == [
        "use",
        "use",
    ]  # the undated fact is kept; callers decide what it may say
    assert store.state_facts("USA", ["accepted"]) == []


def test_json_fast_paths_agree_with_the_parser():
    import json

    for text in ['"party"', '"a\\"b"', "[1, 2]", '{"a": {"b": []}}', '""', '"caf\\u00e9"', "[]", "{}"]:
        assert _json(text) == json.loads(text)
    assert _json(3.5) == 3.5 and _json(None) is None
