"""Full-text search over passages and fact quotes, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import sqlite3
import subprocess
from shutil import which

import pytest

from minewatch import pipeline
from minewatch.store.search import HIT_END, HIT_START, HashingEmbedder, fts5_query, marked_paragraphs, snippet
from tests.conftest import ANALYSIS, PROFILE


def test_query_words_are_quoted_so_syntax_cannot_break_fts5() -> None:
    assert fts5_query('Claymore AND "3 million" -x') == '"Claymore" "AND" "3 million" "-x"'
    assert fts5_query("  ") == ""


def test_index_follows_every_save_on_both_engines(any_store) -> None:
    assert any_store.search("Claymore") == []
    pipeline.ingest_paths(any_store, [PROFILE])
    hits = any_store.search("Claymore")
    kinds = {h["kind"] for h in hits}
    assert kinds == {"paragraph", "fact"}
    assert all(f"{HIT_START}Claymore{HIT_END}" in h["snippet"] for h in hits)
    fact = next(h for h in hits if h["kind"] == "fact")
    assert fact["state"] == "USA" and any_store.fact(fact["ref"]).quote.count("Claymore") >= 1
    assert any_store.search("Claymore", kinds=("paragraph",)) and all(
        h["kind"] == "paragraph" for h in any_store.search("Claymore", kinds=("paragraph",))
    )
    assert any_store.search("zzzunheardofword") == []


def test_search_page_marks_matches_and_links_to_them(client) -> None:
    html = client.get("/search", params={"q": "Claymore"}).text
    assert '<mark class="hit">Claymore</mark>' in html
    assert 'href="/facts/' in html and "#p-" in html
    api = client.get("/api/search", params={"q": "Claymore", "kind": "paragraph"}).json()
    assert api and all(h["url"].startswith("/documents/") and "#p-" in h["url"] for h in api)
    doc = client.get(api[0]["url"].split("#")[0]).text
    assert f'id="{api[0]["url"].split("#")[1]}"' in doc


def test_hostile_input_is_just_words(client) -> None:
    r = client.get("/search", params={"q": 'mines" OR NEAR( *'})
    assert r.status_code == 200


def test_the_sqlite_file_stays_readable_by_standard_tools(web_store) -> None:
    path = web_store.engine.url.database
    with sqlite3.connect(path) as db:
        n = db.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'Claymore'").fetchone()[0]
        facts = db.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert n > 0 and facts > 0
    if which("sqlite3") is None:
        pytest.skip("the sqlite3 command-line tool is not installed")
    out = subprocess.run(["sqlite3", path, "SELECT count(*) FROM documents"], capture_output=True, text=True)
    assert out.returncode == 0 and int(out.stdout) >= 2


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    e = HashingEmbedder(64)
    a, b = e.embed(["Stockpiled mines destroyed", "stockpiled mine destroyed"])
    assert abs(float(a @ a) - 1) < 1e-6 and abs(float(a @ b) - 1) < 1e-6  # plural and case folded
    assert (e.embed(["Stockpiled mines destroyed"])[0] == a).all()
    assert float(a @ e.embed(["votes in the General Assembly"])[0]) < 0.5


def test_semantic_search_ranks_by_meaning_and_grows_with_the_store(store) -> None:
    e = HashingEmbedder()
    pipeline.ingest_paths(store, [PROFILE])
    hits = store.semantic_search("stockpile of antipersonnel mines", e, limit=5)
    assert len(hits) == 5 and hits[0]["score"] >= hits[-1]["score"] > 0
    assert any("stockpile" in h["snippet"].lower() for h in hits[:3])
    before = {(h["kind"], h["doc_id"]) for h in store.semantic_search("policy", e, limit=200)}
    pipeline.ingest_paths(store, [ANALYSIS])
    after = {(h["kind"], h["doc_id"]) for h in store.semantic_search("policy", e, limit=200)}
    assert {d for _, d in after} > {d for _, d in before}
    assert all(h["kind"] == "fact" for h in store.semantic_search("policy", e, kinds=("fact",), limit=10))


def test_search_by_meaning_on_the_page_and_the_api(client) -> None:
    html = client.get("/search", params={"q": "how many mines are stockpiled", "mode": "meaning"}).text
    assert "Nearest passages in meaning" in html and '<li class="hit' in html
    api = client.get("/api/search", params={"q": "landmine stockpile", "mode": "meaning", "limit": 5}).json()
    assert len(api) == 5 and all(h["url"].startswith(("/facts/", "/documents/")) for h in api)
    assert client.get("/api/search", params={"q": "x", "mode": "vibes"}).status_code == 422


def test_matches_in_a_whole_document_land_in_their_paragraphs() -> None:
    text = "Mines were laid.\n\nNo mines since 1991.\n\nNothing here."
    paragraphs = [[0, 16, "body"], [18, 38, "body"], [40, 53, "body"]]
    marked = text.replace("Mines", "\x02Mines\x03").replace("mines", "\x02mines\x03")
    found = marked_paragraphs(marked, paragraphs)
    assert [(n, t, spans) for n, t, spans in found] == [
        (0, "Mines were laid.", [(0, 5)]),
        (1, "No mines since 1991.", [(3, 8)]),
    ]


def test_a_snippet_keeps_its_marks_whole_at_a_cut() -> None:
    text = " ".join(f"w{i}" for i in range(60)) + " anti personnel mines"
    start = text.index("anti")
    cut = snippet(text, [(start, len(text))], words=8)
    assert cut.startswith("…") and not cut.endswith("…")
    assert cut.count(HIT_START) == cut.count(HIT_END) == 1
    assert cut.endswith(f"{HIT_START}anti personnel mines{HIT_END}")
    assert snippet("a b c d", [(2, 3)], words=2) == f"…{HIT_START}b{HIT_END} c…"
