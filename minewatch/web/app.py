"""The FastAPI application: pages under ``/``, JSON under ``/api/``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from minewatch import __version__
from minewatch.store import Store, open_store
from minewatch.vocab import load
from minewatch.web import highlight, views

HERE = Path(__file__).parent


def create_app(store: Store | str | None = None) -> FastAPI:
    """An app over ``store`` (a Store, a database URL, or the configured default)."""
    st = store if isinstance(store, Store) else open_store(store)
    vocab = load()
    app = FastAPI(title="minewatch", version=__version__, description="Evidence-backed mine ban monitor.")
    app.state.store, app.state.vocab = st, vocab
    templates = Jinja2Templates(directory=HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def known(code: str) -> str:
        c = vocab.state_code(code)
        if c is None:
            raise HTTPException(404, f"unknown state {code!r}")
        return c

    def page(request: Request, name: str, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx | {"vocab": vocab})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        return page(request, "states.html", states=views.states(st, vocab), documents=st.documents())

    @app.get("/states/{code}", response_class=HTMLResponse, include_in_schema=False)
    def state_page(request: Request, code: str):
        return page(request, "state.html", s=views.state(st, vocab, known(code)))

    @app.get("/facts/{fact_id}", response_class=HTMLResponse, include_in_schema=False)
    def fact_page(request: Request, fact_id: int):
        f = st.fact(fact_id)
        if f is None:
            raise HTTPException(404, f"no fact {fact_id}")
        doc = st.document(f.doc)
        paras = highlight.paragraphs(doc, [f], focus=f.id)
        shown = [
            p
            for p, raw in zip(paras, doc.paragraphs, strict=True)
            if raw.start <= f.end and f.start <= raw.end
        ]
        notes = [(c.number, c.text) for c in f.citations]
        return page(
            request,
            "fact.html",
            f=views.fact_view(f, vocab),
            doc=doc,
            doc_id=f.doc,
            shown=shown,
            notes=notes,
            revisions=st.revisions(fact_id),
        )

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        doc = st.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        facts = st.facts(doc=doc_id)
        return page(
            request,
            "document.html",
            doc=doc,
            doc_id=doc_id,
            paras=highlight.paragraphs(doc, facts),
            facts=facts,
        )

    @app.get("/api/states", tags=["states"])
    def api_states() -> list[dict]:
        """Every state with its counts of facts by status."""
        return views.states(st, vocab)

    @app.get("/api/states/{code}", tags=["states"])
    def api_state(code: str) -> dict:
        """A state's facts grouped by indicator."""
        return views.state(st, vocab, known(code))

    @app.get("/api/facts", tags=["facts"])
    def api_facts(
        state: str | None = None,
        indicator: str | None = None,
        status: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict]:
        """Facts with every field of the fact model, filtered and paginated."""
        code = known(state) if state else None
        return [
            views.fact_view(f, vocab)
            for f in st.facts(code, indicator, status, limit=min(limit, 1000), offset=offset)
        ]

    @app.get("/api/facts/{fact_id}", tags=["facts"])
    def api_fact(fact_id: int) -> dict:
        """One fact with its revisions."""
        f = st.fact(fact_id)
        if f is None:
            raise HTTPException(404, f"no fact {fact_id}")
        return views.fact_view(f, vocab) | {"revisions": st.revisions(fact_id)}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(doc_id: str) -> dict:
        """A document's metadata, paragraphs and footnotes (missing bodies are null)."""
        doc = st.document(doc_id)
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

    return app
