"""The change feed and the fact exports."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from tests.web.conftest import bearer

ATOM = "{http://www.w3.org/2005/Atom}"


def test_accepting_a_fact_appears_in_the_feeds_and_the_delta(client, web_store, candidates) -> None:
    before = client.get("/feeds/changes.json").json()
    f = web_store.fact(candidates())
    client.post(
        f"/api/facts/{f.id}/accept", json={"reason": "feed test"}, headers=bearer(web_store, "editor")
    )
    delta = client.get(
        "/feeds/changes.json", params={"since": before["until"]} if before["until"] else {}
    ).json()
    assert [c["fact_id"] for c in delta["changes"]][-1] == f.id
    assert delta["changes"][-1]["action"] == "accept" and delta["changes"][-1]["reason"] == "feed test"
    assert client.get("/feeds/changes.json", params={"since": delta["until"]}).json()["changes"] == []
    feed = ET.fromstring(client.get("/feeds/changes.atom").content)
    assert any(
        e.find(f"{ATOM}link").get("href").endswith(f"/facts/{f.id}") for e in feed.iter(f"{ATOM}entry")
    )
    state_feed = ET.fromstring(client.get(f"/feeds/{f.state}.atom").content)
    assert state_feed.find(f"{ATOM}title").text.startswith("minewatch: accepted changes for")
    assert client.get("/feeds/Atlantis.atom").status_code == 404


def test_candidates_and_rejections_stay_out_of_the_feed(client, web_store, candidates) -> None:
    f = web_store.fact(candidates())
    client.post(f"/api/facts/{f.id}/reject", json={"reason": "no"}, headers=bearer(web_store, "editor"))
    ids = [c["fact_id"] for c in client.get("/feeds/changes.json").json()["changes"]]
    assert f.id not in ids


def test_csv_and_jsonl_exports_carry_provenance(client, web_store) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/facts.csv", params={"state": "USA"}).text)))
    lines = [json.loads(x) for x in client.get("/api/facts.jsonl", params={"state": "USA"}).text.splitlines()]
    assert len(rows) == len(lines) == len(web_store.facts(state="USA"))
    stock = next(r for r in lines if r["value"] == 3_000_000 and r["indicator"] == "stockpile")
    assert stock["doc_title"] and stock["doc_date"] == "2020-11-16" and "3 million" in stock["quote"]
    assert stock["citations"][0]["number"] == 24 and "Kirby" in stock["citations"][0]["text"]
    row = next(r for r in rows if r["id"] == str(stock["id"]))
    assert json.loads(row["citations"])[0]["number"] == 24 and row["start"] == str(stock["start"])
    assert client.get("/api/facts.json").json()[0]["id"] == 1
    assert client.get("/api/facts.xml").status_code == 404


def test_accepted_changes_and_the_change_marker_on_both_engines(any_store) -> None:
    from datetime import UTC, datetime

    from minewatch import pipeline
    from tests.conftest import PROFILE

    assert any_store.change_marker() == (0, 0)
    pipeline.ingest_paths(any_store, [PROFILE])
    marker = any_store.change_marker()
    assert marker[1] == 1 and marker[0] > 0
    f = any_store.facts(status="candidate")[0]
    any_store.update_fact(f.id, {"status": "accepted"}, "ed", "checked", f.version, action="accept")
    any_store.update_fact(f.id, {"approx": "about"}, "ed", "wording", f.version + 1, action="edit")
    assert any_store.change_marker()[0] == marker[0] + 2
    changes = any_store.accepted_changes(state=f.state)
    assert [(c["fact_id"], c["action"]) for c in changes] == [(f.id, "edit"), (f.id, "accept")]
    since = changes[-1]["at"]
    if any_store.engine.dialect.name == "postgresql":
        since = since.astimezone(UTC)
    assert [c["action"] for c in any_store.accepted_changes(since=since)] == ["edit"]
    now = datetime.now(UTC)
    assert any_store.accepted_changes(since=now if since.tzinfo else now.replace(tzinfo=None)) == []
