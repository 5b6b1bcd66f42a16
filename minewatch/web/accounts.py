"""Accounts: an admin manages users; anyone logged in makes API tokens for their scripts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from minewatch.store.users import ROLES, User
from minewatch.web.auth import require
from minewatch.web.deps import render, store

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["accounts"])


class NewUser(BaseModel):
    username: str = Field(..., min_length=1, max_length=64)
    password: str = Field(..., min_length=8)
    role: str = Field("viewer", description=f"One of {', '.join(ROLES)}.")


class NewToken(BaseModel):
    name: str | None = Field(None, description="What the token is for, to recognise it later.")


def _add(request: Request, body: NewUser) -> User:
    try:
        return store(request).add_user(body.username, body.password, body.role)
    except ValueError as e:
        raise HTTPException(409 if "exists" in str(e) else 422, str(e)) from e


@pages.get("/account", response_class=HTMLResponse)
def account(request: Request, user: User = Depends(require("viewer"))):
    return render(request, "account.html", token=None)


@pages.post("/account/tokens", response_class=HTMLResponse)
def account_token(request: Request, name: str = Form(""), user: User = Depends(require("viewer"))):
    token = store(request).create_token(user.id, name or None)
    return render(request, "account.html", token=token)


@pages.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, user: User = Depends(require("admin"))):
    return render(request, "users.html", users=store(request).users(), roles=ROLES, message=None)


@pages.post("/admin/users", response_class=HTMLResponse)
def users_form(
    request: Request,
    username: str = Form(...),
    password: str = Form(...),
    role: str = Form("viewer"),
    user: User = Depends(require("admin")),
):
    added = _add(request, NewUser(username=username, password=password, role=role))
    return render(
        request,
        "users.html",
        users=store(request).users(),
        roles=ROLES,
        message=f"Added {added.username} ({added.role}).",
    )


@api.get("/me")
def me(user: User = Depends(require("viewer"))) -> dict:
    """Who the token or session belongs to, and their role."""
    return dict(username=user.username, role=user.role)


@api.post("/users", status_code=201)
def api_add_user(request: Request, body: NewUser, user: User = Depends(require("admin"))) -> dict:
    """Create an account (admin)."""
    added = _add(request, body)
    return dict(id=added.id, username=added.username, role=added.role)


@api.post("/tokens", status_code=201)
def api_token(request: Request, body: NewToken, user: User = Depends(require("viewer"))) -> dict:
    """A new API token for yourself; it is shown once and stored only as a digest."""
    return dict(token=store(request).create_token(user.id, body.name), username=user.username, role=user.role)
