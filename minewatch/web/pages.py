"""The reading pages: states overview, a state, a fact with its passage, a document, search."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from minewatch.analyze.overview import SORTS, STATUSES
from minewatch.report import pdf
from minewatch.report import profile as profiles
from minewatch.review.merge import LIVE, twins
from minewatch.store.search import HIT_END, HIT_START
from minewatch.web import highlight, views
from minewatch.web.auth import can_read, user_of
from minewatch.web.deps import embedder, known_state, render, store, vocab

router = APIRouter(dependencies=[Depends(can_read)], include_in_schema=False)


def snippet_html(text: str) -> Markup:
    """A search snippet with its match markers turned into <mark>, everything else escaped."""
    return Markup(str(escape(text)).replace(HIT_START, '<mark class="hit">').replace(HIT_END, "</mark>"))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, sort: str = "name", desc: bool = False, status: str | None = None):
    if sort not in SORTS:
        raise HTTPException(400, f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    if status and status not in STATUSES:
        raise HTTPException(400, f"unknown treaty status {status!r}: one of {', '.join(STATUSES)}")
    rows = views.states(store(request), vocab(request), sort, desc, status)
    return render(
        request,
        "states.html",
        states=rows,
        sort=sort,
        desc=desc,
        status=status,
        statuses=STATUSES,
        documents=store(request).documents(),
    )


@router.get("/states/{code}", response_class=HTMLResponse)
def state_page(request: Request, code: str):
    c = known_state(request, code)
    st, vc = store(request), vocab(request)

    def page() -> HTMLResponse:
        return render(
            request,
            "state.html",
            s=views.state(st, vc, c),
            r=views.state_review(st, vc, c) | {"charts": views.state_charts(st, vc, c)},
            p=views.profile(st, vc, c),
        )

    if user_of(request) is not None:
        return page()
    # Every anonymous reader sees the same page: render it once per change of the store.
    return HTMLResponse(views.remember(st, ("state page", c), lambda: bytes(page().body)))


@router.get("/states/{code}/profile", response_class=HTMLResponse)
def profile_html(request: Request, code: str):
    """The printable profile, as the CLI writes it."""
    p = profiles.build(store(request), known_state(request, code), vocab(request))
    return HTMLResponse(profiles.render(p, "html"))


@router.get("/states/{code}/profile.pdf")
def profile_pdf(request: Request, code: str) -> Response:
    p = profiles.build(store(request), known_state(request, code), vocab(request))
    return Response(
        pdf.render_pdf(p),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{p.state}-profile.pdf"'},
    )


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: int):
    st = store(request)
    f = st.fact(fact_id)
    if f is None:
        raise HTTPException(404, f"no fact {fact_id}")
    doc = st.document(f.doc)
    paras = highlight.paragraphs(doc, [f], focus=f.id)
    shown = [
        p for p, raw in zip(paras, doc.paragraphs, strict=True) if raw.start <= f.end and f.start <= raw.end
    ]
    return render(
        request,
        "fact.html",
        f=views.fact_view(f, vocab(request)),
        doc=doc,
        doc_id=f.doc,
        shown=shown,
        notes=[(c.number, c.text) for c in f.citations],
        revisions=st.revisions(fact_id),
        twins=twins(st, f) if f.status in LIVE and (u := user_of(request)) and u.can("editor") else [],
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    st = store(request)
    doc = st.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    facts = st.facts(doc=doc_id)
    return render(
        request,
        "document.html",
        doc=doc,
        doc_id=doc_id,
        paras=highlight.paragraphs(doc, facts),
        facts=facts,
    )


@router.get("/api", response_class=HTMLResponse)
def api_reference(request: Request):
    """Every JSON endpoint from the OpenAPI schema: method, path, parameters, and who may call it."""
    schema = request.app.openapi()
    endpoints = [
        dict(
            method=method.upper(),
            path=path,
            tag=(op.get("tags") or ["other"])[0],
            summary=op.get("summary", ""),
            description=op.get("description", ""),
            params=[
                (p["name"], p["in"], p.get("required", False), p.get("description", ""))
                for p in op.get("parameters", [])
            ],
            body="requestBody" in op,
        )
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    endpoints.sort(key=lambda e: (e["tag"], e["path"], e["method"]))
    return render(request, "api.html", endpoints=endpoints, version=schema["info"]["version"])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", kind: str = "all", mode: str = "words", offset: int = 0):
    kinds = ("paragraph", "fact") if kind not in ("paragraph", "fact") else (kind,)
    if not q.strip():
        found = []
    elif mode == "meaning":
        found = views.semantic(store(request), embedder(request), q, kinds, 20)
    else:
        found = views.search(store(request), vocab(request), q, kinds, 20, max(offset, 0))
    hits = [h | {"html": snippet_html(h["snippet"])} for h in found]
    return render(request, "search.html", q=q, kind=kind, mode=mode, hits=hits, offset=offset)
