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


EDITION = "Finland\n\nMine Ban Policy\n\nLast updated: {date}\n\n{body}\n"


def test_two_ingested_editions_under_different_paths(store, tmp_path):
    from minewatch import pipeline

    old, new = tmp_path / "2020" / "finland.txt", tmp_path / "2021" / "finland.txt"
    for path, day, lines in (
        (old, "10 November 2020", ["a stockpile of 1,200,000", "not used antipersonnel mines since 1945"]),
        (
            new,
            "12 November 2021",
            ["a stockpile of 1,100,000", "exported 500 antipersonnel mines to Estonia in 2021"],
        ),
    ):
        path.parent.mkdir()
        body = "\n\n".join(
            [
                f"In 2019, Finland reported {lines[0]} antipersonnel mines."
                if "stockpile" in lines[0]
                else "",
                "Finland last produced antipersonnel mines in 1985.",
                f"Finland has {lines[1]}." if "not used" in lines[1] else f"Finland {lines[1]}.",
            ]
        )
        path.write_text(EDITION.format(date=day, body=body), encoding="utf-8")
    assert pipeline.ingest_paths(store, [new, old]).ok  # the newer edition first: order comes from the dates
    editions = versions(store, store.documents()[0]["id"])
    assert [d["date"] for d in editions] == ["2020-11-10", "2021-11-12"]
    diff = compare_documents(store, editions[0]["id"])
    assert [(c["old"]["value"], c["new"]["value"]) for c in diff["changed"]] == [(1_200_000, 1_100_000)]
    assert [e["indicator"] for e in diff["appeared"]] == ["transfer"]
    assert [e["indicator"] for e in diff["disappeared"]] == ["use"]
    assert len(diff["unchanged"]) == 1  # last produced in 1985


def test_versions_command_lists_the_changes(store, editions):
    import json

    from typer.testing import CliRunner

    from minewatch.cli import app

    old, _ = editions
    result = CliRunner().invoke(app, ["versions", old[:12], "--db", store.url, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert sorted(r["change"] for r in rows) == ["appeared", "changed value", "disappeared"]
