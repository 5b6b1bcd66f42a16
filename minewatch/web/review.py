"""Review: the queue page and its forms, and the same writes as JSON endpoints.

Every write goes through :mod:`minewatch.review.lifecycle` (or ``merge``) with
the version the reviewer saw, so of two reviewers acting at once the second
gets HTTP 409 and a reason, not a silent overwrite.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from minewatch.review import lifecycle
from minewatch.review.lifecycle import ReviewError
from minewatch.review.merge import merge as merge_facts
from minewatch.store import StaleVersion
from minewatch.store.users import User
from minewatch.web import highlight, views
from minewatch.web.auth import can_read, require
from minewatch.web.deps import render, store, vocab

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["review"])
DEFAULT_REJECT = "the passage does not support it"


class Decision(BaseModel):
    version: int | None = Field(None, description="The version you reviewed; a newer one gives 409.")
    reason: str | None = Field(None, description="Why; required to reject.")


class Edit(Decision):
    changes: dict = Field(
        ..., description="Fields to change: value, unit, approx, when, state, indicator, mine_types …"
    )


class BulkAccept(BaseModel):
    threshold: float = Field(..., ge=0, le=1, description="Accept candidates at or above this confidence.")
    state: str | None = None
    indicator: str | None = None
    reason: str | None = None


class Merge(BaseModel):
    survivor: int
    other: int
    reason: str | None = None
    force: bool = False


def _apply(fn, *args, **kwargs):
    """Run a lifecycle step, turning its refusals into HTTP answers."""
    try:
        return fn(*args, **kwargs)
    except StaleVersion as e:
        raise HTTPException(
            409, f"Someone changed this fact while you were reviewing it ({e}). Reload it and decide again."
        ) from e
    except ReviewError as e:
        msg = str(e)
        invalid = any(w in msg for w in ("unknown", "not editable", "needs", "must", "is one of"))
        raise HTTPException(404 if msg.startswith("no fact") else 422 if invalid else 409, msg) from e
    except KeyError as e:
        raise HTTPException(404, f"no fact {e}") from e


def decide(request: Request, fact_id: int, action: str, user: User, version: int | None, reason: str | None):
    """Accept or reject ``fact_id`` as ``user``; editors only."""
    st = store(request)
    if action == "accept":
        return _apply(lifecycle.accept, st, fact_id, user.username, reason or None, version)
    if action == "reject":
        return _apply(lifecycle.reject, st, fact_id, user.username, reason or DEFAULT_REJECT, version)
    raise HTTPException(400, f"unknown action {action!r}: accept or reject")


def change(
    request: Request, fact_id: int, changes: dict, user: User, version: int | None, reason: str | None
):
    """Edit a fact: researchers may correct candidates; changing an accepted fact takes an editor."""
    st = store(request)
    fact = st.fact(fact_id)
    if fact is None:
        raise HTTPException(404, f"no fact {fact_id}")
    if fact.status != "candidate" and not user.can("editor"):
        raise HTTPException(403, f"fact {fact_id} is {fact.status}; only an editor may change it")
    return _apply(
        lifecycle.edit,
        st,
        fact_id,
        changes,
        user.username,
        reason or "corrected against the passage",
        version,
    )


def bulk_accept(
    request: Request,
    threshold: float,
    user: User,
    state: str | None,
    indicator: str | None,
    reason: str | None,
) -> lifecycle.BulkResult:
    """Accept every candidate at or above ``threshold``, within a state and indicator when given."""
    code = vocab(request).state_code(state) if state else None
    if state and code is None:
        raise HTTPException(404, f"unknown state {state!r}")
    return _apply(lifecycle.bulk_accept, store(request), threshold, user.username, reason, code, indicator)


# --- pages ---------------------------------------------------------------------------------------


@pages.get("/review", response_class=HTMLResponse, dependencies=[Depends(can_read)])
def queue(
    request: Request,
    state: str | None = None,
    indicator: str | None = None,
    offset: int = 0,
    accepted: int | None = None,
    skipped: int | None = None,
):
    st, vc = store(request), vocab(request)
    code = vc.state_code(state) if state else None
    facts = st.facts(code, indicator or None, "candidate", limit=25, offset=max(offset, 0))
    docs = {}
    items = []
    for f in facts:
        if f.doc not in docs:
            docs[f.doc] = st.document(f.doc)
        doc = docs[f.doc]
        passage = [
            p
            for p, raw in zip(highlight.paragraphs(doc, [f], focus=f.id), doc.paragraphs, strict=True)
            if raw.start <= f.end and f.start <= raw.end
        ]
        items.append(dict(f=views.fact_view(f, vc), passage=passage, title=doc.title or doc.source))
    here = "/review?" + urlencode({k: v for k, v in dict(state=state, indicator=indicator).items() if v})
    return render(
        request,
        "review.html",
        items=items,
        state=state,
        indicator=indicator,
        offset=offset,
        here=here,
        accepted=accepted,
        skipped=skipped,
    )


@pages.post("/review/bulk-accept")
def bulk_accept_form(
    request: Request,
    threshold: float = Form(..., ge=0, le=1),
    state: str = Form(""),
    indicator: str = Form(""),
    reason: str = Form(""),
    user: User = Depends(require("editor")),
):
    """Accept the filtered candidates at or above a confidence, then show the queue with a count."""
    result = bulk_accept(request, threshold, user, state or None, indicator or None, reason or None)
    done = dict(state=state, indicator=indicator, accepted=len(result.accepted), skipped=len(result.skipped))
    return RedirectResponse(
        "/review?" + urlencode({k: v for k, v in done.items() if v != ""}), status_code=303
    )


@pages.post("/facts/{fact_id}/merge")
def merge_form(
    request: Request,
    fact_id: int,
    other: int = Form(...),
    reason: str = Form(""),
    force: bool = Form(False),
    user: User = Depends(require("editor")),
):
    """Fold fact ``other`` into this one; back to this fact, now citing both passages."""
    _apply(merge_facts, store(request), fact_id, other, user.username, reason or None, force)
    return RedirectResponse(f"/facts/{fact_id}", status_code=303)


@pages.post("/review/{fact_id}")
def review_form(
    request: Request,
    fact_id: int,
    action: str = Form(...),
    version: int = Form(...),
    reason: str = Form(""),
    back: str = Form("/review"),
    user: User = Depends(require("editor")),
):
    decide(request, fact_id, action, user, version, reason)
    target = back if back.startswith("/") and not back.startswith("//") else "/review"
    return RedirectResponse(target, status_code=303)


@pages.post("/facts/{fact_id}/edit")
def edit_form(
    request: Request,
    fact_id: int,
    version: int = Form(...),
    reason: str = Form(""),
    value: str = Form(""),
    unit: str = Form(""),
    approx: str = Form(""),
    when: str = Form(""),
    polarity: str = Form(""),
    user: User = Depends(require("researcher")),
):
    fact = store(request).fact(fact_id)
    if fact is None:
        raise HTTPException(404, f"no fact {fact_id}")
    changes: dict = {}
    if value.strip() and value.strip() != str(fact.value):
        v = value.strip().replace(",", "")
        try:
            changes["value"] = int(v) if v.isdigit() else float(v)
        except ValueError:
            changes["value"] = value.strip()
    for name, given, now in (
        ("unit", unit, fact.unit),
        ("approx", approx, fact.approx),
        ("polarity", polarity, fact.polarity),
    ):
        if given.strip() and given.strip() != (now or ""):
            changes[name] = given.strip()
    if when.strip() and (fact.when is None or when.strip() != fact.when.text):
        changes["when"] = when.strip()
    if changes:
        change(request, fact_id, changes, user, version, reason)
    return RedirectResponse(f"/facts/{fact_id}", status_code=303)


# --- JSON ----------------------------------------------------------------------------------------


@api.get("/review/queue", dependencies=[Depends(can_read)])
def api_queue(
    request: Request, state: str | None = None, indicator: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict]:
    """Candidate facts waiting for review, oldest first."""
    vc = vocab(request)
    code = vc.state_code(state) if state else None
    facts = store(request).facts(code, indicator, "candidate", limit=min(limit, 500), offset=offset)
    return [views.fact_view(f, vc) for f in facts]


@api.post("/facts/{fact_id}/accept")
def api_accept(
    request: Request, fact_id: int, body: Decision, user: User = Depends(require("editor"))
) -> dict:
    """Accept a candidate (editor). 409 when the fact changed since ``version``."""
    return views.fact_view(
        decide(request, fact_id, "accept", user, body.version, body.reason), vocab(request)
    )


@api.post("/facts/{fact_id}/reject")
def api_reject(
    request: Request, fact_id: int, body: Decision, user: User = Depends(require("editor"))
) -> dict:
    """Reject a fact the passage does not support (editor)."""
    return views.fact_view(
        decide(request, fact_id, "reject", user, body.version, body.reason), vocab(request)
    )


@api.patch("/facts/{fact_id}")
def api_edit(request: Request, fact_id: int, body: Edit, user: User = Depends(require("researcher"))) -> dict:
    """Correct a fact's fields (researcher for candidates, editor for accepted facts)."""
    return views.fact_view(
        change(request, fact_id, body.changes, user, body.version, body.reason), vocab(request)
    )


@api.post("/facts/merge")
def api_merge(request: Request, body: Merge, user: User = Depends(require("editor"))) -> dict:
    """Fold a duplicate into the fact that survives (editor); the duplicate becomes superseded."""
    f = _apply(merge_facts, store(request), body.survivor, body.other, user.username, body.reason, body.force)
    return views.fact_view(f, vocab(request))


@api.post("/review/bulk-accept")
def api_bulk_accept(request: Request, body: BulkAccept, user: User = Depends(require("editor"))) -> dict:
    """Accept every candidate at or above ``threshold`` (editor), each as its own revision."""
    result = bulk_accept(request, body.threshold, user, body.state, body.indicator, body.reason)
    return dict(accepted=result.accepted, skipped=result.skipped)
