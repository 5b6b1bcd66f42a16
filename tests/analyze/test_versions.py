"""Two editions of a yearly profile: what appeared, disappeared or changed between them."""

from __future__ import annotations

from datetime import date

import pytest

from minewatch.analyze.versions import compare_documents, versions
from tests.review.make import document, fact, save


@pytest.fixture
def editions(store):
    old = document(
        store,
        "2020",
        date(2020, 11, 16),
        title="United States",
        source="profiles/usa.txt",
        body="United States profile, 2020 edition.\n",
    )
    new = document(
        store,
        "2021",
        date(2021, 11, 10),
        title="United States",
        source="profiles/usa.txt",
        body="United States profile, 2021 edition.\n",
    )
    save(
        store,
        fact(old, value=3_000_000, when="2014", start=0, scope="active"),
        fact(old, "transfer", "export moratorium", "1992..", start=10),
        fact(old, "treaty_status", "accession", "2020-11-16", polarity="denied", start=20),
        fact(old, "use", "use", "2002", start=30),
        fact(new, value=2_900_000, when="2014", start=0, scope="active"),
        fact(new, "transfer", "export moratorium", "1992..", start=10),
        fact(new, "treaty_status", "accession", "2021-11-10", polarity="denied", start=20),
        fact(new, "production", "production or procurement", "2022", polarity="denied", start=30),
    )
    for f in store.facts(doc=old) + store.facts(doc=new):
        if f.indicator == "treaty_status":
            f.when.text = "as of document date"
            store.update_fact(f.id, {"when": f.when}, "t", "as of the edition's date")
    return old, new


def test_editions_are_linked_and_diffed(store, editions):
    old, new = editions
    assert [d["id"] for d in versions(store, new)] == [old, new]
    assert store.document_info(new)["previous_id"] == old
    diff = compare_documents(store, old)
    assert diff["new"]["id"] == new and diff["old"]["date"] == "2020-11-16"
    assert [(c["what"], c["old"]["value"], c["new"]["value"]) for c in diff["changed"]] == [
        ("value", 3_000_000, 2_900_000)
    ]
    assert [e["indicator"] for e in diff["appeared"]] == ["production"]
    assert [e["indicator"] for e in diff["disappeared"]] == ["use"]
    assert len(diff["unchanged"]) == 2  # the moratorium "since 1992", non-accession "as of" each edition


def test_same_title_and_state_under_another_path_is_an_edition(store):
    a = document(
        store,
        "x",
        date(2019, 11, 1),
        title="Myanmar",
        state="MMR",
        source="2019/mmr.txt",
        body="Myanmar 2019.\n",
    )
    b = document(
        store,
        "y",
        date(2020, 11, 1),
        title="Myanmar",
        state="MMR",
        source="2020/mmr.txt",
        body="Myanmar 2020.\n",
    )
    document(
        store, "z", date(2020, 11, 1), title="Myanmar", state="THA", source="2020/tha.txt", body="Other.\n"
    )
    assert [d["id"] for d in versions(store, a)] == [a, b]
    assert compare_documents(store, a)["new"]["id"] == b
    with pytest.raises(KeyError, match="no later edition"):
        compare_documents(store, b)
