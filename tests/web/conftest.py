"""Web fixtures: a store of its own per module (these tests write), users of every role, clients."""

from __future__ import annotations

import re
from itertools import count

import pytest
from fastapi.testclient import TestClient

from minewatch import pipeline
from minewatch.store import Store, open_store
from minewatch.store.search import HashingEmbedder
from minewatch.store.users import ROLES
from minewatch.web.app import create_app
from tests.conftest import ANALYSIS, PROFILE

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def web_store(tmp_path_factory) -> Store:
    """The corpus ingested into a fresh store, one user per role, and a bearer token for each."""
    s = open_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'minewatch.db'}")
    report = pipeline.ingest_paths(s, [PROFILE, ANALYSIS])
    assert report.ok, report.failed
    s.tokens = {}  # role → token, for the tests
    for role in ROLES:
        user = s.add_user(role, PASSWORD, role)
        s.tokens[role] = s.create_token(user.id, f"{role} tests")
    yield s
    s.close()


@pytest.fixture(scope="module")
def app(web_store):
    return create_app(web_store, secret_key="test-secret", embedder=HashingEmbedder())


@pytest.fixture
def client(app) -> TestClient:
    """A fresh browser: no cookies."""
    return TestClient(app)


@pytest.fixture(scope="module")
def candidates(web_store):
    """Hands out a different candidate fact to each test that writes, so tests do not collide."""
    ids = iter([f.id for f in web_store.facts(status="candidate")])
    return lambda: next(ids)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "the page has no CSRF field"
    return m.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log ``client`` in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf_of(client.get("/account").text)


def bearer(store, role: str) -> dict:
    return {"Authorization": f"Bearer {store.tokens[role]}"}


serial = count(1)
