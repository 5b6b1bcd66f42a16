"""Compare and policy-diff pages: what changed and what did not for a state, with the evidence.

The analysis is :mod:`minewatch.analyze.compare` and ``policy_diff``; this
module only reads the form and shows the result. Candidates count only when
the reader asks (``include=candidate``), since analyses weigh accepted facts.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from minewatch.analyze import compare as comparing
from minewatch.analyze import policy_diff as diffing
from minewatch.web.auth import can_read
from minewatch.web.deps import known_state, render, store

pages = APIRouter(include_in_schema=False, dependencies=[Depends(can_read)])
api = APIRouter(prefix="/api", tags=["analysis"], dependencies=[Depends(can_read)])


def _statuses(include: str) -> tuple[str, ...]:
    return ("accepted", "candidate") if include == "candidate" else ("accepted",)


def run_compare(request: Request, state: str, start: str, end: str, include: str) -> dict:
    code = known_state(request, state)
    try:
        return comparing.compare(store(request), code, start, end, _statuses(include))
    except ValueError as e:
        raise HTTPException(422, str(e)) from e


def run_policy_diff(request: Request, state: str, old: int | None, new: int | None, include: str) -> dict:
    """The diff of two policy versions; with none named, the last two the facts know."""
    code = known_state(request, state)
    facts = store(request).facts(state=code, indicator="policy", status=list(_statuses(include)))
    known = [v.version for v in diffing.versions(facts)]
    if old is None or new is None:
        if len(known) < 2:
            return dict(state=code, versions_known=known, diff=None)
        old, new = (old or known[-2]), (new or known[-1])
    try:
        diff = diffing.policy_diff(facts, old, new)
    except KeyError as e:
        raise HTTPException(404, str(e.args[0])) from e
    return dict(state=code, versions_known=known, diff=diff)


@pages.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    state: str = "USA",
    start: str = "2014",
    end: str | None = None,
    include: str = "accepted",
):
    end = end or str(date.today().year)
    result = run_compare(request, state, start, end, include)
    return render(
        request, "compare.html", c=result, state=result["state"], start=start, end=end, include=include
    )


@pages.get("/policy-diff", response_class=HTMLResponse)
def policy_diff_page(
    request: Request,
    state: str = "USA",
    old: int | None = None,
    new: int | None = None,
    include: str = "accepted",
):
    result = run_policy_diff(request, state, old, new, include)
    return render(request, "policy_diff.html", r=result, state=result["state"], include=include)


@api.get("/compare")
def api_compare(
    request: Request,
    state: str,
    start: str = Query(..., description='"2014", "2021-06", "2021-06-30" or "mid-2021".'),
    end: str = Query(..., description="End of the window, in the same forms."),
    include: str = Query("accepted", description="accepted, or candidate to weigh unreviewed facts too."),
) -> dict:
    """What changed and what did not between ``start`` and ``end``: policy against practice, per indicator."""
    return run_compare(request, state, start, end, include)


@api.get("/policy-diff")
def api_policy_diff(
    request: Request, state: str, old: int | None = None, new: int | None = None, include: str = "accepted"
) -> dict:
    """Two policy versions side by side, provision by provision (default: the last two)."""
    return run_policy_diff(request, state, old, new, include)
