"""Upload: the file keeps its own name as source, facts are extracted, a known text is not duplicated."""

from __future__ import annotations

from tests.conftest import PROFILE
from tests.web.conftest import bearer, csrf_of, login

NOTE = (
    "Atlantis mine ban note\n\nIn 2015, Atlantis reported a stockpile of 12,000 antipersonnel mines.\n\n"
    "In March 2016 Atlantis destroyed 2,500 stockpiled antipersonnel mines.\n"
)


def test_api_upload_stores_under_the_uploaded_name(client, web_store) -> None:
    r = client.post(
        "/api/documents",
        files={"file": ("../../etc/atlantis note.txt", NOTE.encode(), "text/plain")},
        headers=bearer(web_store, "researcher"),
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["source"] == "atlantis note.txt" and body["created"] is True
    doc = web_store.document(body["id"])
    assert doc.source == "atlantis note.txt" and "12,000" in doc.text
    assert web_store.documents()[0]["ingested_by"] == "researcher"
    again = client.post(
        "/api/documents", files={"file": ("copy.txt", NOTE.encode())}, headers=bearer(web_store, "researcher")
    )
    assert again.json()["created"] is False and again.json()["id"] == body["id"]


def test_form_upload_redirects_to_the_highlighted_document(client, web_store) -> None:
    login(client, "researcher")
    token = csrf_of(client.get("/upload").text)
    r = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"file": (PROFILE.name, PROFILE.read_bytes(), "text/plain")},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/documents/")
    page = client.get(r.headers["location"]).text
    assert '<mark class="fact"' in page


def test_binary_junk_is_refused_with_the_file_named(client, web_store) -> None:
    r = client.post(
        "/api/documents",
        files={"file": ("junk.pdf", b"\x00\x01not a pdf at all\xff" * 50)},
        headers=bearer(web_store, "researcher"),
    )
    assert r.status_code == 422 and "junk.pdf" in r.json()["detail"]
    assert "minewatch-upload-" not in r.json()["detail"]


def test_an_upload_over_the_size_limit_is_refused(client, web_store, monkeypatch) -> None:
    monkeypatch.setenv("MINEWATCH_MAX_FILE_MB", "0.001")  # about 1 kB
    r = client.post(
        "/api/documents",
        files={"file": ("big.txt", b"mines " * 2000)},
        headers=bearer(web_store, "researcher"),
    )
    assert r.status_code == 413 and "big.txt" in r.json()["detail"]
