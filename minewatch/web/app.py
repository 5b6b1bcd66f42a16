"""The FastAPI application: pages under ``/``, JSON under ``/api/``, feeds under ``/feeds/``.

Each router module holds one part of the workbench; this module only wires
them to a store, sessions and the error pages.
"""

from __future__ import annotations

import gc
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from minewatch import __version__, settings
from minewatch.store import Store, open_store
from minewatch.store.search import Embedder
from minewatch.vocab import load
from minewatch.web import accounts, api, auth, compare, feeds, pages, review, upload
from minewatch.web.deps import render

HERE = Path(__file__).parent
DESCRIPTION = """Evidence-backed monitor of the antipersonnel mine ban.

Read endpoints are open when `MINEWATCH_PUBLIC_READ=1`. Writes need a role (viewer < researcher <
editor < admin): send `Authorization: Bearer <token>` (make one at `/account` or `POST /api/tokens`).
"""


def create_app(
    store: Store | str | None = None,
    public_read: bool | None = None,
    secret_key: str | None = None,
    embedder: Embedder | None = None,
) -> FastAPI:
    """An app over ``store`` (a Store, a database URL, or the configured default).

    ``embedder`` ranks semantic search (default: MiniLM if installed, else hashed words).
    """
    st = store if isinstance(store, Store) else open_store(store)
    # No Swagger UI or ReDoc: both load their scripts from a CDN. /api is a server-rendered reference
    # made from the same schema, and /openapi.json is there for tools.
    app = FastAPI(
        title="minewatch",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store, app.state.vocab = st, load()
    app.state.public_read = (
        settings.get("MINEWATCH_PUBLIC_READ") == "1" if public_read is None else public_read
    )
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.login_limiter = auth.LoginLimiter()
    app.state.embedder = embedder
    key = secret_key or settings.get("MINEWATCH_SECRET_KEY") or secrets.token_urlsafe(32)
    app.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie="minewatch",
        same_site="lax",
        max_age=14 * 24 * 3600,
        https_only=settings.get("MINEWATCH_SECURE_COOKIES") == "1",
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (
        auth.router,
        pages.router,
        review.pages,
        upload.pages,
        compare.pages,
        accounts.pages,
        api.router,
        review.api,
        upload.api,
        compare.api,
        accounts.api,
        feeds.router,
    ):
        app.include_router(router)

    @app.exception_handler(StarletteHTTPException)
    async def errors(request: Request, exc: StarletteHTTPException) -> Response:
        """Pages get a page (or the login form); the API and feeds get JSON."""
        path = request.url.path
        if path.startswith(("/api/", "/feeds/", "/static/", "/openapi")):
            return await http_exception_handler(request, exc)
        if exc.status_code == 401 and request.method == "GET":
            return RedirectResponse(f"/login?next={path}", status_code=303)
        page = render(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)
        page.headers.update(exc.headers or {})
        return page

    return app


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """When a server starts the app: what is loaded by then (vocabulary, templates, libraries) lives as
    long as the process, so keep it out of the garbage collector's full passes, which otherwise stall
    requests under load."""
    gc.collect()
    gc.freeze()
    yield
