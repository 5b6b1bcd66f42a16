"""The web pages and their JSON twins, through an HTTP client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from minewatch.web.app import create_app


@pytest.fixture(scope="module")
def client(corpus_store) -> TestClient:
    return TestClient(create_app(corpus_store))


def test_states_list(client) -> None:
    html = client.get("/").text
    assert 'href="/states/USA"' in html
    assert "All states and areas (198)" in html
    assert len(client.get("/api/states").json()) == 198


def test_state_page_groups_facts_by_indicator(client) -> None:
    html = client.get("/states/USA").text
    sections = re.findall(r'<section class="indicator" id="(\w+)">', html)
    assert {"stockpile", "production", "transfer", "use", "policy"} <= set(sections)
    data = client.get("/api/states/USA").json()
    assert [g["indicator"] for g in data["groups"]] == sections
    assert client.get("/states/Atlantis").status_code == 404


def test_fact_page_highlights_the_passage_and_its_footnote(client) -> None:
    facts = client.get("/api/facts", params={"state": "USA", "indicator": "stockpile", "limit": 50}).json()
    fact = next(f for f in facts if f["value"] == 3_000_000 and f["cites"] == "24")
    html = client.get(f"/facts/{fact['id']}").text
    marked = re.search(r'<mark class="fact focus"[^>]*>(.*?)</mark>', html, re.S).group(1)
    assert "3 million" in marked
    assert re.search(r'<li value="24" id="note-24">[^<]*Kirby', html)


def test_document_viewer_marks_every_fact(client) -> None:
    fact = client.get("/api/facts", params={"limit": 1}).json()[0]
    doc = client.get(f"/api/documents/{fact['doc']}").json()
    html = client.get(f"/documents/{fact['doc']}").text
    n_facts = len(client.get("/api/facts", params={"limit": 1000}).json())
    assert html.count('<mark class="fact"') >= 1
    assert html.count('<mark class="fact"') <= n_facts
    assert doc["missing_footnotes"] == [1, 5, 12, 21, 33]


def test_openapi_lists_the_json_views(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/states", "/api/states/{code}", "/api/facts", "/api/facts/{fact_id}"} <= set(paths)
