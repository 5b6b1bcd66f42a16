"""Who may do what: sessions, API tokens, roles, CSRF, and a rate-limited login.

A request is someone either by a signed session cookie (people in a browser)
or by ``Authorization: Bearer <token>`` (scripts). Every write names the
least role it needs; browser writes also carry the session's CSRF token (a
hidden form field or an ``X-CSRF-Token`` header), bearer calls are exempt
because a browser never adds that header by itself.
"""

from __future__ import annotations

import secrets
import time
from collections import defaultdict, deque
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from minewatch.store.users import ROLES, User
from minewatch.web.deps import render, store

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_UNKNOWN = object()
router = APIRouter(include_in_schema=False)


class LoginLimiter:
    """At most ``attempts`` failed logins per client and name within ``window`` seconds."""

    def __init__(self, attempts: int = 5, window: float = 300.0):
        self.attempts, self.window = attempts, window
        self.failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str) -> deque[float]:
        q, now = self.failures[key], time.monotonic()
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def wait(self, key: str) -> float:
        """Seconds until ``key`` may try again (0: now)."""
        q = self._recent(key)
        return max(0.0, q[0] + self.window - time.monotonic()) if len(q) >= self.attempts else 0.0

    def fail(self, key: str) -> None:
        self._recent(key).append(time.monotonic())

    def clear(self, key: str) -> None:
        self.failures.pop(key, None)


def user_of(request: Request) -> User | None:
    """The user making ``request``, from its bearer token or its session (cached on the request)."""
    known = getattr(request.state, "user", _UNKNOWN)
    if known is not _UNKNOWN:
        return known
    user, via_token = None, False
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        via_token = True
        user = store(request).user_for_token(auth[7:].strip())
        if user is None:
            raise HTTPException(401, "invalid API token", headers={"WWW-Authenticate": "Bearer"})
    elif "session" in request.scope and (uid := request.session.get("uid")):
        user = store(request).user(uid)
        if user is None or not user.active:
            request.session.clear()
            user = None
    request.state.user, request.state.via_token = user, via_token
    return user


def csrf_token(request: Request) -> str:
    """The session's form token, made on first use."""
    if "session" not in request.scope:
        return ""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


async def check_csrf(request: Request) -> None:
    """403 unless the request carries the session's token (bearer-token calls need none)."""
    if request.method in SAFE_METHODS or getattr(request.state, "via_token", False):
        return
    sent = request.headers.get("x-csrf-token")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent = (await request.form()).get("csrf_token")
    expected = request.session.get("csrf") if "session" in request.scope else None
    if not (isinstance(sent, str) and expected and secrets.compare_digest(sent, expected)):
        raise HTTPException(403, "missing or outdated form token (CSRF); reload the page and try again")


def can_read(request: Request) -> User | None:
    """Reading is open when MINEWATCH_PUBLIC_READ is 1; otherwise any logged-in user may read."""
    user = user_of(request)
    if user is None and not request.app.state.public_read:
        raise HTTPException(401, "log in to read", headers={"WWW-Authenticate": "Bearer"})
    return user


def require(role: str) -> Callable[[Request], Coroutine[Any, Any, User]]:
    """A dependency admitting users with ``role`` or a stronger one, with CSRF checked on writes."""
    if role not in ROLES:
        raise ValueError(role)

    async def check(request: Request) -> User:
        user = user_of(request)
        if user is None:
            raise HTTPException(401, "log in first", headers={"WWW-Authenticate": "Bearer"})
        await check_csrf(request)
        if not user.can(role):
            raise HTTPException(403, f"this needs the {role} role; {user.username} is a {user.role}")
        return user

    check.__name__ = f"require_{role}"
    return check


def _safe_next(target: str | None) -> str:
    """Only paths on this site: a login must not bounce a user elsewhere."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
async def login(
    request: Request,
    username: str = Form(...),
    password: str = Form(...),
    next: str = Form("/"),
):
    await check_csrf(request)
    limiter: LoginLimiter = request.app.state.login_limiter
    key = f"{request.client.host if request.client else '?'}|{username.lower()}"
    wait = limiter.wait(key)
    if wait:
        raise HTTPException(
            429,
            f"too many failed logins; try again in {int(wait) + 1} s",
            headers={"Retry-After": str(int(wait) + 1)},
        )
    user = store(request).authenticate(username, password)
    if user is None:
        limiter.fail(key)
        return render(request, "login.html", 401, next=_safe_next(next), error="Wrong name or password.")
    limiter.clear(key)
    request.session.clear()
    request.session["uid"] = user.id
    request.session["csrf"] = secrets.token_urlsafe(24)  # a new token per login
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
async def logout(request: Request):
    await check_csrf(request)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
