"""Review writes: accept, reject and edit with optimistic locking; the queue page and its keys."""

from __future__ import annotations

import re

from minewatch.review.merge import same_fact
from tests.web.conftest import bearer, login


def test_a_stale_version_gets_409_with_a_clear_message(client, web_store, candidates) -> None:
    f = web_store.fact(candidates())
    first = client.post(
        f"/api/facts/{f.id}/accept", json={"version": f.version}, headers=bearer(web_store, "editor")
    )
    assert first.status_code == 200 and first.json()["version"] == f.version + 1
    late = client.post(
        f"/api/facts/{f.id}/reject",
        json={"version": f.version, "reason": "no"},
        headers=bearer(web_store, "editor"),
    )
    assert late.status_code == 409
    assert "changed this fact while you were reviewing" in late.json()["detail"]
    assert web_store.fact(f.id).status == "accepted"


def test_the_form_path_says_409_on_a_page(client, web_store, candidates) -> None:
    token = login(client, "editor")
    f = web_store.fact(candidates())
    web_store.update_fact(f.id, {"approx": "about"}, "someone", "meanwhile", f.version)
    r = client.post(f"/review/{f.id}", data={"action": "accept", "version": f.version, "csrf_token": token})
    assert r.status_code == 409 and "Reload it" in r.text and "<html" in r.text


def test_accepting_a_fact_twice_is_refused(client, web_store, candidates) -> None:
    f = web_store.fact(candidates())
    h = bearer(web_store, "editor")
    client.post(f"/api/facts/{f.id}/accept", json={}, headers=h)
    again = client.post(f"/api/facts/{f.id}/accept", json={}, headers=h)
    assert again.status_code == 409 and "accepted" in again.json()["detail"]


def test_edit_goes_through_the_lifecycle_and_is_validated(client, web_store, candidates) -> None:
    f = web_store.fact(candidates())
    h = bearer(web_store, "researcher")
    bad = client.patch(
        f"/api/facts/{f.id}", json={"changes": {"indicator": "nonsense"}, "reason": "x"}, headers=h
    )
    assert bad.status_code == 422
    ok = client.patch(
        f"/api/facts/{f.id}", json={"changes": {"when": "2014"}, "reason": "the passage says 2014"}, headers=h
    )
    assert ok.status_code == 200 and ok.json()["when"]["start"] == "2014-01-01"
    last = web_store.revisions(f.id)[-1]
    assert (last["action"], last["user"], last["reason"]) == ("edit", "researcher", "the passage says 2014")


def test_queue_lists_candidates_with_forms_and_keys(client, web_store) -> None:
    login(client, "editor")
    html = client.get("/review", params={"state": "USA"}).text
    items = re.findall(r'<li class="item" id="item-(\d+)"', html)
    assert items and all(web_store.fact(int(i)).status == "candidate" for i in items)
    assert html.count('data-key="a"') == len(items) and 'src="/static/review.js"' in html
    first_back = re.search(r'name="back" value="([^"]+)"', html).group(1)
    assert first_back.endswith(f"#item-{items[1]}")  # after a decision the next item is in view
    assert client.get("/static/review.js").status_code == 200


def test_viewers_see_the_queue_without_decision_buttons(client) -> None:
    login(client, "viewer")
    html = client.get("/review").text
    assert '<li class="item"' in html and 'value="accept"' not in html


def test_queue_api_lists_only_candidates(client) -> None:
    rows = client.get("/api/review/queue", params={"state": "USA", "limit": 10}).json()
    assert len(rows) == 10 and {r["status"] for r in rows} == {"candidate"}


def test_bulk_accept_takes_candidates_above_a_threshold(client, web_store) -> None:
    sure = [f for f in web_store.facts(state="USA", indicator="treaty_status", status="candidate")]
    threshold = max(f.confidence for f in sure)
    r = client.post(
        "/api/review/bulk-accept",
        json={"threshold": threshold, "state": "USA", "indicator": "treaty_status", "reason": "bulk test"},
        headers=bearer(web_store, "editor"),
    )
    assert r.status_code == 200
    accepted = r.json()["accepted"]
    assert sorted(accepted) == sorted(f.id for f in sure if f.confidence >= threshold)
    assert all(web_store.fact(i).status == "accepted" for i in accepted)


def test_bulk_accept_form_accepts_the_filtered_candidates(client, web_store) -> None:
    token = login(client, "editor")
    sure = web_store.facts(state="USA", indicator="treaty_status", status="candidate")
    threshold = max(f.confidence for f in sure)
    r = client.post(
        "/review/bulk-accept",
        data={"threshold": threshold, "state": "USA", "indicator": "treaty_status", "csrf_token": token},
    )
    expected = [f.id for f in sure if f.confidence >= threshold]
    assert r.status_code == 200 and f"Accepted {len(expected)} candidate" in r.text
    assert all(web_store.fact(i).status == "accepted" for i in expected)
    assert web_store.revisions(expected[0])[-1]["user"] == "editor"


def test_bulk_accept_form_needs_an_editor(client, web_store) -> None:
    token = login(client, "researcher")
    before = len(web_store.facts(status="candidate"))
    r = client.post("/review/bulk-accept", data={"threshold": 0, "csrf_token": token})
    assert r.status_code == 403 and len(web_store.facts(status="candidate")) == before


def test_merge_form_folds_another_fact_into_this_one(client, web_store, candidates) -> None:
    token = login(client, "editor")
    f = web_store.fact(candidates())
    other = web_store.fact(candidates())
    while same_fact(f, other):
        other = web_store.fact(candidates())
    assert f'action="/facts/{f.id}/merge"' in client.get(f"/facts/{f.id}").text
    refused = client.post(f"/facts/{f.id}/merge", data={"other": other.id, "csrf_token": token})
    assert refused.status_code == 409 and "differ" in refused.text
    assert web_store.fact(other.id).status == "candidate"
    r = client.post(
        f"/facts/{f.id}/merge",
        data={"other": other.id, "force": "true", "reason": "one statement", "csrf_token": token},
    )
    assert r.status_code == 200
    assert web_store.fact(other.id).status == "superseded"
    assert web_store.fact(other.id).attributes["merged_into"] == f.id
    assert [s["start"] for s in web_store.fact(f.id).attributes["sources"]] == [other.start]
