"""The JSON API for reading, and the fact exports (CSV, JSON, JSON Lines) with their provenance.

Every page has its JSON twin here, so a script sees what a reader sees.
Lists take ``limit`` and ``offset``; exports stream, so a large store does not
have to fit in memory at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from minewatch.analyze.overview import SORTS, STATUSES
from minewatch.analyze.timeline import timeline
from minewatch.model import FACT_STATUSES, Fact
from minewatch.report import profile as profiles
from minewatch.report.charts import CHARTED
from minewatch.web import views
from minewatch.web.auth import can_read
from minewatch.web.deps import embedder, known_state, store, vocab

router = APIRouter(prefix="/api", dependencies=[Depends(can_read)])
PAGE = 1000  # rows per query while an export streams
EXPORT_COLUMNS = [
    "id", "state", "indicator", "value", "unit", "approx", "when_start", "when_end", "when_precision",
    "when_text", "polarity", "mine_types", "status", "confidence", "extractor", "version", "attributes",
    "doc_id", "doc_title", "doc_source", "doc_date", "start", "end", "quote", "citations",
]  # fmt: skip


def _filters(request: Request, state: str | None, indicator: str | None, status: str | None) -> tuple:
    code = known_state(request, state) if state else None
    if indicator and indicator not in vocab(request).indicators:
        raise HTTPException(422, f"unknown indicator {indicator!r}")
    if status and status not in FACT_STATUSES:
        raise HTTPException(422, f"unknown status {status!r}: one of {', '.join(FACT_STATUSES)}")
    return code, indicator, status


@router.get("/states", tags=["states"])
def api_states(
    request: Request,
    sort: str = Query("name", description=f"One of {', '.join(SORTS)}."),
    desc: bool = False,
    status: str | None = Query(None, description=f"Treaty status: {', '.join(STATUSES)}."),
) -> list[dict]:
    """Every state: treaty standing, latest vote and meeting, newest fact, counts of facts by status."""
    if sort not in SORTS or (status and status not in STATUSES):
        raise HTTPException(422, "unknown sort or status")
    return views.states(store(request), vocab(request), sort, desc, status)


@router.get("/states/{code}", tags=["states"])
def api_state(request: Request, code: str) -> dict:
    """A state's facts grouped by indicator, with its conflicts, stale facts, scorecard and charted timelines."""
    c = known_state(request, code)
    review = views.state_review(store(request), vocab(request), c)
    return views.state(store(request), vocab(request), c) | dict(
        conflicts=review["conflicts"],
        stale=review["stale"],
        scorecard=review["scorecard"],
        timelines={
            indicator: timeline(store(request), c, indicator, ("accepted", "candidate"))
            for indicator in CHARTED
        },
    )


@router.get("/states/{code}/profile", tags=["states"])
def api_profile(request: Request, code: str) -> dict:
    """The profile as data: sections of sentences, each with its note number, and the notes."""
    p = profiles.build(store(request), known_state(request, code), vocab(request))
    return dict(
        state=p.state,
        name=p.name,
        updated=p.updated,
        parts=[
            dict(
                id=part.id,
                title=part.title,
                lines=[
                    dict(text=ln.text, note=ln.note, fact_id=ln.fact.id, unreviewed=ln.unreviewed)
                    for ln in part.lines
                ],
            )
            for part in p.parts
        ],
        notes=[asdict(n) for n in p.notes],
    )


@router.get("/facts", tags=["facts"], response_model=list[dict])
def api_facts(
    request: Request,
    state: str | None = None,
    indicator: str | None = None,
    status: str | None = None,
    doc: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> Response:
    """Facts with every field of the fact model, filtered and paginated."""
    code, indicator, status = _filters(request, state, indicator, status)
    body = views.facts_json(store(request), vocab(request), code, indicator, status, doc, limit, offset)
    return Response(body, media_type="application/json")


def export_rows(
    request: Request, state: str | None, indicator: str | None, status: str | None
) -> Iterator[dict]:
    """Every matching fact as a flat record with its document's title, source and date."""
    st = store(request)
    docs = {d["id"]: d for d in st.documents()}
    offset = 0
    while True:
        batch = st.facts(state, indicator, status, limit=PAGE, offset=offset)
        for f in batch:
            yield _export(f, docs.get(f.doc, {}))
        if len(batch) < PAGE:
            return
        offset += PAGE


def _export(f: Fact, doc: dict) -> dict:
    w = f.when
    return dict(
        id=f.id, state=f.state, indicator=f.indicator, value=f.value, unit=f.unit, approx=f.approx,
        when_start=w.start if w else None, when_end=w.end if w else None,
        when_precision=w.precision if w else None, when_text=w.text if w else None,
        polarity=f.polarity, mine_types=f.mine_types, status=f.status, confidence=f.confidence,
        extractor=f.extractor, version=f.version, attributes=f.attributes, doc_id=f.doc,
        doc_title=doc.get("title"), doc_source=doc.get("source"), doc_date=doc.get("date"),
        start=f.start, end=f.end, quote=f.quote, citations=[vars(c) for c in f.citations],
    )  # fmt: skip


def _csv(rows: Iterator[dict]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EXPORT_COLUMNS)
    w.writeheader()
    for r in rows:
        w.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in r.items()}
        )
        if buf.tell() > 1 << 16:
            yield buf.getvalue()
            buf.seek(0), buf.truncate()
    yield buf.getvalue()


def _json(rows: Iterator[dict], lines: bool) -> Iterator[str]:
    if lines:
        for r in rows:
            yield json.dumps(r, ensure_ascii=False) + "\n"
        return
    yield "["
    for i, r in enumerate(rows):
        yield ("," if i else "") + json.dumps(r, ensure_ascii=False)
    yield "]\n"


@router.get("/facts.{fmt}", tags=["exports"])
def api_export(
    request: Request,
    fmt: str,
    state: str | None = None,
    indicator: str | None = None,
    status: str | None = None,
) -> StreamingResponse:
    """Every matching fact with its provenance (document, span, quote, footnotes): csv, json or jsonl."""
    if fmt not in ("csv", "json", "jsonl"):
        raise HTTPException(404, f"no export format {fmt!r}: csv, json or jsonl")
    rows = export_rows(request, *_filters(request, state, indicator, status))
    body = _csv(rows) if fmt == "csv" else _json(rows, lines=fmt == "jsonl")
    media = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson"}[fmt]
    return StreamingResponse(
        body,
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="facts.{fmt}"'},
    )


@router.get("/facts/{fact_id}", tags=["facts"])
def api_fact(request: Request, fact_id: int) -> dict:
    """One fact with its revisions."""
    f = store(request).fact(fact_id)
    if f is None:
        raise HTTPException(404, f"no fact {fact_id}")
    return views.fact_view(f, vocab(request)) | {"revisions": store(request).revisions(fact_id)}


@router.get("/documents", tags=["documents"])
def api_documents(
    request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)
) -> list[dict]:
    """Documents without their text, newest first."""
    return store(request).documents()[offset : offset + limit]


@router.get("/documents/{doc_id}", tags=["documents"])
def api_document(request: Request, doc_id: str) -> dict:
    """A document's metadata, paragraphs and footnotes (missing bodies are null)."""
    doc = store(request).document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return dict(
        id=doc_id,
        title=doc.title,
        date=doc.date,
        source=doc.source,
        format=doc.format,
        warnings=doc.warnings,
        missing_footnotes=doc.missing_footnotes,
        paragraphs=[vars(p) for p in doc.paragraphs],
        footnotes={n: f.text for n, f in doc.footnotes.items()},
        text=doc.text,
    )


@router.get("/search", tags=["search"], response_model=list[dict])
def api_search(
    request: Request,
    q: str = Query(..., description="Words or quoted phrases; every one must match."),
    kind: str = Query("all", description="all, paragraph or fact."),
    mode: str = Query("words", description="words (full text) or meaning (semantic, nearest passages)."),
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
) -> Response:
    """Search document paragraphs and fact passages, best first, with a link to each."""
    kinds = (kind,) if kind in ("paragraph", "fact") else ("paragraph", "fact")
    if mode == "meaning":
        hits = views.semantic(store(request), embedder(request), q, kinds, limit)
        body = views.linked_json(hits)
    elif mode == "words":
        body = views.search_json(store(request), vocab(request), q, kinds, limit, offset)
    else:
        raise HTTPException(422, f"unknown mode {mode!r}: words or meaning")
    return Response(body, media_type="application/json")
