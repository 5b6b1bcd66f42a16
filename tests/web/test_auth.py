"""Who may write what: every write endpoint against every role, CSRF on forms, login limits, tokens."""

from __future__ import annotations

import sqlite3

import pytest

from minewatch.store.users import ROLES
from tests.web.conftest import PASSWORD, bearer, csrf_of, login, serial

ANONYMOUS = "anonymous"


def _call(client, store, candidates, endpoint: str, headers: dict):
    """Make one well-formed request to ``endpoint`` (fresh facts and names each time)."""
    if endpoint == "upload":
        body = f"Test note {next(serial)}: in 2014 Atlantis destroyed 1,200 antipersonnel mines.".encode()
        return client.post(
            "/api/documents", files={"file": ("note.txt", body, "text/plain")}, headers=headers
        )
    if endpoint in ("accept", "reject"):
        f = store.fact(candidates())
        return client.post(
            f"/api/facts/{f.id}/{endpoint}",
            json={"version": f.version, "reason": "role test"},
            headers=headers,
        )
    if endpoint == "edit":
        f = store.fact(candidates())
        return client.patch(
            f"/api/facts/{f.id}",
            json={"version": f.version, "reason": "role test", "changes": {"approx": "about"}},
            headers=headers,
        )
    if endpoint == "merge":
        a, b = candidates(), candidates()
        return client.post(
            "/api/facts/merge",
            json={"survivor": a, "other": b, "force": True, "reason": "role test"},
            headers=headers,
        )
    if endpoint == "bulk-accept":  # a state with no facts: checks the role, accepts nothing
        return client.post(
            "/api/review/bulk-accept", json={"threshold": 1.0, "state": "NZL"}, headers=headers
        )
    if endpoint == "users":
        body = {"username": f"u{next(serial)}", "password": "long enough", "role": "viewer"}
        return client.post("/api/users", json=body, headers=headers)
    if endpoint == "tokens":
        return client.post("/api/tokens", json={"name": "role test"}, headers=headers)
    raise AssertionError(endpoint)


NEEDS = {
    "upload": "researcher",
    "accept": "editor",
    "reject": "editor",
    "edit": "researcher",
    "merge": "editor",
    "bulk-accept": "editor",
    "users": "admin",
    "tokens": "viewer",
}


@pytest.mark.parametrize("role", [ANONYMOUS, *ROLES])
@pytest.mark.parametrize("endpoint", list(NEEDS))
def test_each_write_endpoint_admits_exactly_the_roles_it_needs(client, web_store, candidates, endpoint, role):
    headers = {} if role == ANONYMOUS else bearer(web_store, role)
    r = _call(client, web_store, candidates, endpoint, headers)
    if role == ANONYMOUS:
        assert r.status_code == 401, r.text
    elif ROLES.index(role) < ROLES.index(NEEDS[endpoint]):
        assert r.status_code == 403, r.text
        assert NEEDS[endpoint] in r.json()["detail"]
    else:
        assert r.status_code in (200, 201), r.text


def test_a_researcher_may_not_change_an_accepted_fact(client, web_store, candidates) -> None:
    f = web_store.fact(candidates())
    ok = client.post(
        f"/api/facts/{f.id}/accept", json={"version": f.version}, headers=bearer(web_store, "editor")
    )
    assert ok.status_code == 200 and ok.json()["status"] == "accepted"
    r = client.patch(
        f"/api/facts/{f.id}",
        json={"version": f.version + 1, "reason": "x", "changes": {"approx": "about"}},
        headers=bearer(web_store, "researcher"),
    )
    assert r.status_code == 403 and "editor" in r.json()["detail"]


def test_a_form_post_without_the_csrf_token_is_refused(client, web_store, candidates) -> None:
    login(client, "editor")
    f = web_store.fact(candidates())
    r = client.post(f"/review/{f.id}", data={"action": "accept", "version": f.version})
    assert r.status_code == 403
    assert "CSRF" in r.text
    assert web_store.fact(f.id).status == "candidate"


def test_a_form_post_with_a_wrong_csrf_token_is_refused(client, web_store, candidates) -> None:
    login(client, "editor")
    f = web_store.fact(candidates())
    r = client.post(
        f"/review/{f.id}", data={"action": "accept", "version": f.version, "csrf_token": "forged"}
    )
    assert r.status_code == 403 and web_store.fact(f.id).status == "candidate"


def test_the_same_form_with_its_token_is_accepted(client, web_store, candidates) -> None:
    token = login(client, "editor")
    f = web_store.fact(candidates())
    r = client.post(
        f"/review/{f.id}",
        data={"action": "accept", "version": f.version, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert web_store.fact(f.id).status == "accepted"
    assert web_store.revisions(f.id)[-1]["user"] == "editor"


def test_session_json_calls_need_the_csrf_header_but_bearer_calls_do_not(
    client, web_store, candidates
) -> None:
    token = login(client, "editor")
    f = web_store.fact(candidates())
    assert client.post(f"/api/facts/{f.id}/accept", json={"version": f.version}).status_code == 403
    r = client.post(f"/api/facts/{f.id}/accept", json={"version": f.version}, headers={"X-CSRF-Token": token})
    assert r.status_code == 200


def test_login_form_itself_needs_its_token(client) -> None:
    r = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert r.status_code == 403


def test_wrong_passwords_are_rate_limited(app, client) -> None:
    token = csrf_of(client.get("/login").text)
    codes = [
        client.post(
            "/login", data={"username": "viewer", "password": "wrong!", "csrf_token": token}
        ).status_code
        for _ in range(app.state.login_limiter.attempts + 1)
    ]
    assert codes[:-1] == [401] * app.state.login_limiter.attempts
    assert codes[-1] == 429
    # even the right password waits now
    r = client.post("/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and "Retry-After" in r.headers
    app.state.login_limiter.clear("testclient|viewer")


def test_writes_without_login_redirect_pages_to_the_login_form(client) -> None:
    r = client.get("/upload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/upload")


def test_a_bad_token_is_refused_not_ignored(client) -> None:
    assert client.get("/api/me", headers={"Authorization": "Bearer mw_nonsense"}).status_code == 401


def test_only_digests_of_passwords_and_tokens_are_stored(web_store) -> None:
    path = web_store.engine.url.database
    with sqlite3.connect(path) as db:
        hashes = [h for (h,) in db.execute("SELECT password_hash FROM users")]
        digests = [d for (d,) in db.execute("SELECT token_hash FROM api_tokens")]
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    assert set(web_store.tokens.values()).isdisjoint(digests)
    assert all(len(d) == 64 for d in digests)


def test_private_reading_needs_a_login(web_store) -> None:
    from fastapi.testclient import TestClient

    from minewatch.web.app import create_app

    private = TestClient(create_app(web_store, public_read=False, secret_key="k"))
    assert private.get("/api/states").status_code == 401
    assert private.get("/states/USA", follow_redirects=False).status_code == 303
    assert private.get("/api/states", headers=bearer(web_store, "viewer")).status_code == 200
    login(private, "viewer")
    assert private.get("/states/USA").status_code == 200
