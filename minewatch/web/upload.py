"""Upload: a researcher adds a source document from the browser or a script.

The file is written under its own name in a fresh temporary folder, read and
extracted by the pipeline like any other file, and stored with the name it was
uploaded under as its source (not the temporary path).
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from minewatch import pipeline
from minewatch.store.users import User
from minewatch.web.auth import require
from minewatch.web.deps import render, store

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["ingest"])


def safe_name(name: str | None) -> str:
    """The uploaded file's own name, without any folder part or odd characters."""
    base = Path((name or "").replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return base[:120] or "upload.txt"


def ingest_upload(request: Request, upload: UploadFile, user: User, given: str | None) -> dict:
    """Store and extract one uploaded file; 413 when too large, 422 when unreadable."""
    name = safe_name(upload.filename)
    given_date = None
    if given:
        try:
            given_date = date.fromisoformat(given)
        except ValueError as e:
            raise HTTPException(422, f"date {given!r} is not YYYY-MM-DD") from e
    max_bytes, timeout = pipeline.limits()
    with tempfile.TemporaryDirectory(prefix="minewatch-upload-") as tmp:
        path = Path(tmp) / name
        with path.open("wb") as out:
            size = 0
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > max_bytes:  # stop copying a 2 GB upload at the limit, not after it
                    raise HTTPException(413, f"{name}: larger than {max_bytes // (1024 * 1024)} MB")
                out.write(chunk)
        parsed = pipeline.parse_file(str(path), given_date, max_bytes, timeout)
        if parsed.doc is not None:
            parsed.doc.source = name
        report = pipeline.IngestReport()
        pipeline.save(store(request), parsed, report, user.username)
    errors = [e.replace(str(path), name).replace(tmp, "") for e in report.failed]
    if parsed.doc is None:
        raise HTTPException(422, errors[0] if errors else f"{name}: unreadable")
    doc_id = parsed.doc.id
    return dict(
        id=doc_id,
        source=name,
        title=parsed.doc.title,
        created=bool(report.ingested),
        facts=report.facts,
        errors=errors,
        url=f"/documents/{doc_id}",
    )


@pages.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, user: User = Depends(require("researcher"))):
    return render(request, "upload.html", result=None)


@pages.post("/upload")
def upload_form(
    request: Request,
    file: UploadFile = File(...),
    date_: str = Form("", alias="date"),
    user: User = Depends(require("researcher")),
):
    result = ingest_upload(request, file, user, date_ or None)
    if "application/json" in request.headers.get("accept", ""):
        return result  # the page's script posts here and shows the outcome in place
    return RedirectResponse(result["url"] + ("?new=1" if result["created"] else "?known=1"), status_code=303)


@api.post("/documents", status_code=201)
def api_upload(
    request: Request,
    file: UploadFile = File(..., description="A source file: txt, md, html, pdf or docx."),
    date_: str | None = Form(None, alias="date", description="Date for an undated source, YYYY-MM-DD."),
    user: User = Depends(require("researcher")),
) -> dict:
    """Ingest a document and extract its candidate facts (researcher). A known text is not stored twice."""
    return ingest_upload(request, file, user, date_)
