"""The change feed: accepted facts and edits to them, as Atom (per state and overall) and a JSON delta.

A watcher polls ``/feeds/changes.json?since=<the last "until" it saw>`` and
gets only what changed after it; feed readers follow the Atom files.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from minewatch import __version__
from minewatch.model import Fact
from minewatch.report.phrasing import sentence
from minewatch.web.auth import can_read
from minewatch.web.deps import known_state, store, vocab

router = APIRouter(prefix="/feeds", tags=["feeds"], dependencies=[Depends(can_read)])


def _iso(at: datetime) -> str:
    if at.tzinfo is None:  # SQLite hands back naive datetimes; they were written in UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _entries(request: Request, changes: list[dict]) -> list[dict]:
    vc = vocab(request)
    out = []
    for c in changes:
        fact = Fact.from_dict(c["data"] | {"id": c["fact_id"]})
        out.append(
            dict(
                id=c["id"],
                fact_id=c["fact_id"],
                version=c["version"],
                action=c["action"],
                state=c["state"],
                indicator=fact.indicator,
                sentence=sentence(fact, vc),
                value=fact.value,
                unit=fact.unit,
                quote=fact.quote,
                doc=fact.doc,
                user=c["user"],
                reason=c["reason"],
                at=_iso(c["at"]),
                url=str(request.url_for("fact_page", fact_id=c["fact_id"])),
            )
        )
    return out


def atom(request: Request, title: str, entries: list[dict]) -> Response:
    updated = entries[0]["at"] if entries else _iso(datetime.now(UTC))
    items = []
    for e in entries:
        summary = f"{e['sentence']} ({e['action']} by {e['user']}{': ' + e['reason'] if e['reason'] else ''})"
        items.append(
            f"""<entry>
<id>tag:minewatch,2026:revision/{e["id"]}</id>
<title>{escape(e["sentence"])}</title>
<updated>{e["at"]}</updated>
<author><name>{escape(e["user"])}</name></author>
<link rel="alternate" href="{escape(e["url"])}"/>
<category term="{escape(e["indicator"])}"/>
<summary>{escape(summary)}</summary>
<content type="text">{escape(e["quote"])}</content>
</entry>"""
        )
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>{escape(str(request.url))}</id>
<title>{escape(title)}</title>
<updated>{updated}</updated>
<link rel="self" href="{escape(str(request.url))}"/>
<generator version="{__version__}">minewatch</generator>
{chr(10).join(items)}
</feed>
"""
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/changes.atom", response_class=Response)
def all_changes(request: Request, limit: int = Query(100, ge=1, le=1000)) -> Response:
    """Accepted facts and edits to accepted facts, every state, newest first."""
    return atom(
        request,
        "minewatch: accepted changes",
        _entries(request, store(request).accepted_changes(limit=limit)),
    )


@router.get("/changes.json")
def delta(
    request: Request,
    since: str | None = Query(None, description="ISO time; only changes after it."),
    state: str | None = None,
    limit: int = Query(1000, ge=1, le=10000),
) -> dict:
    """Changes after ``since``, oldest first; pass back ``until`` as the next ``since``."""
    after = None
    if since:
        try:
            after = datetime.fromisoformat(since.replace("Z", "+00:00"))
        except ValueError as e:
            raise HTTPException(422, f"since {since!r} is not an ISO date-time") from e
        if after.tzinfo is not None:
            after = after.astimezone(UTC).replace(tzinfo=None) if _naive_store(request) else after
    code = known_state(request, state) if state else None
    entries = list(reversed(_entries(request, store(request).accepted_changes(after, code, limit))))
    return dict(since=since, until=entries[-1]["at"] if entries else since, changes=entries)


def _naive_store(request: Request) -> bool:
    return store(request).engine.dialect.name == "sqlite"


@router.get("/{code}.atom", response_class=Response)
def state_changes(request: Request, code: str, limit: int = Query(100, ge=1, le=1000)) -> Response:
    """Accepted changes for one state."""
    c = known_state(request, code)
    name = vocab(request).states[c].name
    entries = _entries(request, store(request).accepted_changes(state=c, limit=limit))
    return atom(request, f"minewatch: accepted changes for {name}", entries)
