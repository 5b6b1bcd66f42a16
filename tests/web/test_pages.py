"""The reading pages and their JSON twins, through an HTTP client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from minewatch.web.app import create_app


@pytest.fixture(scope="module")
def client(corpus_store) -> TestClient:
    return TestClient(create_app(corpus_store))


def test_states_overview_is_a_sortable_table(client) -> None:
    html = client.get("/").text
    assert 'href="/states/USA"' in html
    assert "198 states and areas" in html
    rows = client.get("/api/states", params={"sort": "facts", "desc": True}).json()
    assert len(rows) == 198 and rows[0]["code"] == "USA"
    assert rows[0]["by_status"]["candidate"] == rows[0]["total"] > 0
    assert rows[0]["last_updated"] == "2021-07-01"  # the newer source, not a future deadline a fact names
    by_facts = client.get("/", params={"sort": "facts", "desc": 1}).text
    first = re.search(r'<tbody>\s*<tr[^>]*><td><a href="/states/(\w+)"', by_facts).group(1)
    assert first == "USA"
    assert 'aria-sort="descending"' in by_facts
    assert client.get("/", params={"sort": "nonsense"}).status_code == 400


def test_state_page_shows_profile_sections_charts_and_review_panels(client, corpus_store) -> None:
    from minewatch.vocab import load

    html = client.get("/states/USA").text
    parts = re.findall(r'<section class="part" id="part-(\w+)">', html)
    assert parts == [section.id for section in load().profile]
    refs = re.findall(r'<sup><a href="#note-(\d+)">', html)
    notes = re.findall(r'<li id="note-(\d+)">', html)
    assert refs == notes and len(refs) == len(
        corpus_store.facts(state="USA", status=["accepted", "candidate"])
    )
    for panel in ("charts", "scorecard", "conflicts", "stale"):
        assert f'<section id="{panel}"' in html, panel
    assert '<figure class="chart" id="chart-stockpile">' in html and "<svg" in html
    data = client.get("/api/states/USA").json()
    assert {"stockpile", "production", "use", "policy"} <= {g["indicator"] for g in data["groups"]}
    assert "stockpile" in data["timelines"] and data["scorecard"]["state"] == "USA"
    assert client.get("/states/Atlantis").status_code == 404


def test_fact_page_highlights_the_passage_and_its_footnote(client) -> None:
    facts = client.get("/api/facts", params={"state": "USA", "indicator": "stockpile", "limit": 50}).json()
    fact = next(f for f in facts if f["value"] == 3_000_000 and f["cites"] == "24")
    html = client.get(f"/facts/{fact['id']}").text
    marked = re.search(r'<mark class="fact focus"[^>]*>(.*?)</mark>', html, re.S).group(1)
    assert "3 million" in marked
    assert re.search(r'<li value="24" id="note-24">[^<]*Kirby', html)


def test_document_viewer_marks_every_fact_and_anchors_paragraphs(client) -> None:
    fact = client.get("/api/facts", params={"limit": 1}).json()[0]
    doc = client.get(f"/api/documents/{fact['doc']}").json()
    html = client.get(f"/documents/{fact['doc']}").text
    n_facts = len(client.get("/api/facts", params={"doc": fact["doc"], "limit": 1000}).json())
    assert 1 <= html.count('<mark class="fact"') <= n_facts
    assert doc["missing_footnotes"] == [1, 5, 12, 21, 33]
    assert 'id="p-0"' in html and re.search(r'<a href="#note-24">', html)


def test_profile_pages(client) -> None:
    html = client.get("/states/USA/profile").text
    assert "Last updated:" in html and "<figcaption>" in html
    pdf = client.get("/states/USA/profile.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    data = client.get("/api/states/USA/profile").json()
    assert data["parts"][0]["title"] == "Mine Ban Policy" and data["notes"][0]["number"] == 1


def test_compare_and_policy_diff_pages(client) -> None:
    html = client.get(
        "/compare", params={"state": "USA", "start": "2014", "end": "2021", "include": "candidate"}
    ).text
    assert "What changed and what did not" in html and "<th>Stockpile</th>" in html
    data = client.get(
        "/api/compare", params={"state": "USA", "start": "2014", "end": "2021", "include": "candidate"}
    ).json()
    assert {r["indicator"] for r in data["indicators"]} >= {"use", "stockpile", "production"}
    assert client.get("/policy-diff", params={"state": "USA", "include": "candidate"}).status_code == 200
    assert (
        client.get("/api/compare", params={"state": "Atlantis", "start": "2014", "end": "2021"}).status_code
        == 404
    )


def test_openapi_lists_every_view_ingest_and_review(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/states",
        "/api/states/{code}",
        "/api/states/{code}/profile",
        "/api/facts",
        "/api/facts.{fmt}",
        "/api/facts/{fact_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/search",
        "/api/compare",
        "/api/policy-diff",
        "/api/review/queue",
        "/api/facts/{fact_id}/accept",
        "/api/facts/{fact_id}/reject",
        "/api/facts/merge",
        "/api/users",
        "/api/tokens",
        "/feeds/changes.json",
    } <= set(paths)
    assert "post" in paths["/api/documents"] and "patch" in paths["/api/facts/{fact_id}"]
    reference = client.get("/api").text  # a server-rendered reference: no CDN-loaded Swagger UI
    assert "<code>/api/facts/{fact_id}/accept</code>" in reference and "<script" not in reference
    assert client.get("/docs").status_code == 404


def test_facts_api_paginates_and_filters(client) -> None:
    everything = client.get("/api/facts", params={"limit": 1000}).json()
    page = client.get("/api/facts", params={"limit": 5, "offset": 5}).json()
    assert [f["id"] for f in page] == [f["id"] for f in everything[5:10]]
    stock = client.get("/api/facts", params={"indicator": "stockpile"}).json()
    assert stock and {f["indicator"] for f in stock} == {"stockpile"}
    assert client.get("/api/facts", params={"indicator": "nonsense"}).status_code == 422
    assert client.get("/api/facts", params={"limit": 5000}).status_code == 422


def test_anonymous_readers_get_no_session_and_a_page_that_follows_writes(web_store, candidates) -> None:
    client = TestClient(create_app(web_store))
    first = client.get("/states/USA")
    assert "set-cookie" not in first.headers
    assert first.text == client.get("/states/USA").text
    f = web_store.fact(candidates())
    row = re.compile(rf'<a href="/facts/{f.id}">.*?</tr>', re.S)

    def profile_part(html: str) -> str:
        return html[html.index('<section class="part"') :]

    assert "badge candidate" in row.search(profile_part(first.text)).group(0)
    web_store.update_fact(f.id, {"status": "accepted"}, "tester", "cache test", f.version, action="accept")
    assert "badge accepted" in row.search(profile_part(client.get("/states/USA").text)).group(0)
