"""What every route needs from the app: the store, the vocabulary, and a page renderer.

They live on ``app.state`` (set by :func:`minewatch.web.app.create_app`) so
that one process can serve several stores, as the tests do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from minewatch.store import Store
from minewatch.store.search import Embedder, default_embedder
from minewatch.vocab import Vocabulary


def store(request: Request) -> Store:
    return request.app.state.store


def vocab(request: Request) -> Vocabulary:
    return request.app.state.vocab


_embedder_lock = threading.Lock()


def embedder(request: Request) -> Embedder:
    """The app's embedder, loaded on the first semantic search (a model takes seconds to load)."""
    state = request.app.state
    with _embedder_lock:
        if state.embedder is None:
            state.embedder = default_embedder()
    return state.embedder


def known_state(request: Request, code: str) -> str:
    """The ISO3 code for ``code`` (a code or a name), else 404."""
    c = vocab(request).state_code(code)
    if c is None:
        raise HTTPException(404, f"unknown state {code!r}")
    return c


class LazyToken:
    """The session's CSRF token, made only if a template prints it: a reader who sees no form gets no
    session cookie, which keeps public pages cacheable."""

    def __init__(self, make: Callable[[], str]):
        self._make = make

    def __str__(self) -> str:
        return self._make()

    def __html__(self) -> str:
        return self._make()


def render(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
    """A page from ``templates/``, given the user and the form token as well as ``ctx``."""
    from minewatch.web.auth import csrf_token, user_of

    try:
        user = user_of(request)
    except HTTPException:  # a bad token on an error page: show the page to nobody in particular
        user = None
    base = {"vocab": vocab(request), "user": user, "csrf": LazyToken(lambda: csrf_token(request))}
    return request.app.state.templates.TemplateResponse(request, name, base | ctx, status_code=status_code)
