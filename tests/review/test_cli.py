"""``minewatch review …`` drives the same lifecycle from the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from minewatch.cli import app
from tests.review.make import document, fact, save

runner = CliRunner()


@pytest.fixture
def db(store):
    d1, d2 = document(store, "a"), document(store, "b")
    ids = save(
        store,
        fact(d1, value=3_000_000, when="2014", start=0, confidence=0.9),
        fact(d2, value=3_000_000, when="2014-06-27", start=10, confidence=0.9),
        fact(d2, value=10_400_000, when="2014", start=20, confidence=0.5),
        fact(d1, value=7_200_000, when="2010", start=30, confidence=0.5),
    )
    return store.url, ids


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_review_commands_end_to_end(store, db):
    url, (a, b, c, d) = db
    before = store.row_counts()
    assert "accepted 2" in run("review", "bulk-accept", "--threshold", "0.85", "--user", "ana", "--db", url)
    rows = jsonl(
        run("review", "reject", str(c), "-r", "misread", "--user", "ben", "--db", url, "-f", "jsonl")
    )
    assert rows[0]["status"] == "rejected"
    edited = jsonl(
        run("review", "edit", str(d), "--period", "2010-06", "--value", "7,200,000", "-r", "month given",
            "--db", url, "-f", "jsonl")
    )  # fmt: skip
    assert edited[0]["when"]["precision"] == "month" and edited[0]["value"] == 7_200_000
    merged = jsonl(run("review", "merge", str(a), str(b), "-r", "same figure", "--db", url, "-f", "jsonl"))
    assert merged[0]["attributes"]["sources"][0]["fact_id"] == b
    hist = jsonl(run("review", "history", str(a), "--db", url, "-f", "jsonl"))
    assert [h["action"] for h in hist] == ["extract", "accept", "merge"]
    assert hist[1]["user"] == "ana" and hist[2]["reason"] == "same figure"
    stale = jsonl(run("review", "stale", "--as-of", "2020-12-31", "--db", url, "-f", "jsonl"))
    assert [r["id"] for r in stale] == sorted([a, d])  # c is rejected, b superseded
    after = store.row_counts()
    assert after["facts"] == before["facts"] and after["fact_revisions"] == before["fact_revisions"] + 6


def test_conflicts_and_duplicates_commands(store, db):
    url, (a, b, c, _) = db
    conflicts = jsonl(run("review", "conflicts", "--state", "USA", "--db", url, "-f", "jsonl"))
    assert [sorted(r["fact_ids"]) for r in conflicts] == [sorted([a, c])]  # b is from c's own document
    assert all(p["sources"][0]["quote"] for p in conflicts[0]["passages"])
    dups = jsonl(run("review", "duplicates", "--db", url, "-f", "jsonl"))
    assert dups[0]["ids"] == " ".join(map(str, sorted([a, b])))


def test_errors_exit_non_zero_with_a_message(store, db):
    url, (a, *_) = db
    run("review", "reject", str(a), "-r", "wrong", "--db", url)
    result = runner.invoke(app, ["review", "reject", str(a), "-r", "again", "--db", url])
    assert result.exit_code == 1 and "rejected" in result.output
    result = runner.invoke(app, ["review", "edit", str(a), "--indicator", "weather", "-r", "x", "--db", url])
    assert result.exit_code == 1 and "unknown indicator" in result.output
