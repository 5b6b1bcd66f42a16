"""``review``: accept, reject, edit and merge facts; history, conflicts, duplicates, stale facts.

Every step is a revision with the user, the time and a reason; nothing is deleted.
"""

from __future__ import annotations

import getpass
import json
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, Format, console, emit, err, store

review_app = typer.Typer(
    help="Review facts: accept, reject, edit, merge; see history, conflicts and stale facts.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

User = Annotated[str | None, typer.Option("--user", help="Who takes the step (default: the login name).")]
Reason = Annotated[str | None, typer.Option("--reason", "-r", help="Why: kept in the fact's history.")]
Expected = Annotated[
    int | None, typer.Option("--expected-version", help="Fail if the fact changed since this version.")
]
FACT_COLUMNS = ["id", "state", "indicator", "value", "period", "polarity", "status", "version"]


def _user(user: str | None) -> str:
    return user or getpass.getuser() or "cli"


def _number(text: str) -> int | float | str:
    """A value as the store keeps it: 3000000 and 3.1e6 are numbers, "export moratorium" is a word."""
    for kind in (int, float):
        try:
            return kind(text.replace(",", ""))
        except ValueError:
            pass
    return text


def _run(step):
    from minewatch.review import ReviewError
    from minewatch.store import StaleVersion

    try:
        return step()
    except (ReviewError, StaleVersion) as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(1) from e


@review_app.command("accept")
def accept(
    ids: Annotated[list[int], typer.Argument(help="Fact ids.")],
    reason: Reason = None,
    user: User = None,
    expected_version: Expected = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Accept candidate facts.

    Example: minewatch review accept 52 53 --reason "matches footnote 24"
    """
    from minewatch import review

    s = store(db)
    done = [_run(lambda i=i: review.accept(s, i, _user(user), reason, expected_version)) for i in ids]
    emit([f.record() for f in done], fmt, FACT_COLUMNS)


@review_app.command("reject")
def reject(
    ids: Annotated[list[int], typer.Argument(help="Fact ids.")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why the passage does not support it.")],
    user: User = None,
    expected_version: Expected = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Reject facts the passage does not support; they stay stored with their history.

    Example: minewatch review reject 18 --reason "a letter from Congress, not a use of mines"
    """
    from minewatch import review

    s = store(db)
    done = [_run(lambda i=i: review.reject(s, i, _user(user), reason, expected_version)) for i in ids]
    emit([f.record() for f in done], fmt, FACT_COLUMNS)


@review_app.command("edit")
def edit(
    fact_id: Annotated[int, typer.Argument(help="Fact id.")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why the correction.")],
    value: Annotated[str | None, typer.Option(help="New value (a number is stored as a number).")] = None,
    period: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM, YYYY-MM-DD or START..END.")] = None,
    state: Annotated[str | None, typer.Option(help="ISO3 code or name.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Indicator id.")] = None,
    mine_types: Annotated[
        str | None, typer.Option(help="Comma-separated mine-type ids ('' for none).")
    ] = None,
    polarity: Annotated[str | None, typer.Option(help="affirmed or denied.")] = None,
    attributes: Annotated[str | None, typer.Option(help="JSON object merged into the attributes.")] = None,
    user: User = None,
    expected_version: Expected = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Correct a fact; its status is kept and the old values stay in its history.

    Example: minewatch review edit 80 --period 2010 --reason "figures from the 2010 DoD document"
    """
    from minewatch import review

    s = store(db)
    changes: dict = {}
    if value is not None:
        changes["value"] = _number(value)
    if period is not None:
        changes["when"] = period
    if state is not None:
        changes["state"] = state
    if indicator is not None:
        changes["indicator"] = indicator
    if mine_types is not None:
        changes["mine_types"] = [m.strip() for m in mine_types.split(",") if m.strip()]
    if polarity is not None:
        changes["polarity"] = polarity
    if attributes is not None:
        current = s.fact(fact_id)
        changes["attributes"] = (current.attributes if current else {}) | json.loads(attributes)
    if not changes:
        raise typer.BadParameter("name at least one field to change")
    f = _run(lambda: review.edit(s, fact_id, changes, _user(user), reason, expected_version))
    emit([f.record()], fmt, FACT_COLUMNS)


@review_app.command("merge")
def merge(
    survivor: Annotated[int, typer.Argument(help="The fact that stays.")],
    others: Annotated[list[int], typer.Argument(help="Facts folded into it (they become superseded).")],
    reason: Reason = None,
    force: Annotated[bool, typer.Option(help="Merge even if value or time differ.")] = False,
    user: User = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Merge the same fact from several sources into one that cites them all.

    Example: minewatch review merge 95 72 --reason "both report the single mine used in 2002"
    """
    from minewatch import review

    s = store(db)
    f = None
    for other in others:
        f = _run(lambda o=other: review.merge(s, survivor, o, _user(user), reason, force))
    emit([f.record()] if f else [], fmt, FACT_COLUMNS)


@review_app.command("bulk-accept")
def bulk_accept(
    threshold: Annotated[float, typer.Option(help="Lowest confidence accepted (0..1).")] = 0.85,
    state: Annotated[str | None, typer.Option(help="Only this state.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator.")] = None,
    reason: Reason = None,
    user: User = None,
    db: Db = None,
) -> None:
    """Accept every candidate at or above a confidence threshold, each as its own revision.

    Example: minewatch review bulk-accept --threshold 0.85 --state USA
    """
    from minewatch import review
    from minewatch.vocab import load

    code = load().state_code(state) if state else None
    result = _run(lambda: review.bulk_accept(store(db), threshold, _user(user), reason, code, indicator))
    console.print(f"accepted {len(result.accepted)}, skipped (changed meanwhile) {len(result.skipped)}")


@review_app.command("history")
def history(
    fact_id: Annotated[int, typer.Argument(help="Fact id.")], db: Db = None, fmt: Format = "table"
) -> None:
    """Every revision of a fact: action, user, time, reason and the fields it changed.

    Example: minewatch review history 52
    """
    from minewatch import review

    rows = review.history(store(db), fact_id)
    if not rows:
        err.print(f"no fact {fact_id}")
        raise typer.Exit(1)
    for r in rows:
        r["changes"] = ", ".join(f"{k}: {v['from']!r} → {v['to']!r}" for k, v in r["changed"].items())
    emit(rows, fmt, ["version", "action", "user", "at", "status", "reason", "changes"])


@review_app.command("conflicts")
def conflicts(
    state: Annotated[str | None, typer.Option(help="Only this state.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator.")] = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Sources that disagree on the same state, indicator and time, with both passages (JSON Lines).

    Example: minewatch review conflicts --state USA --format jsonl
    """
    from minewatch import review
    from minewatch.vocab import load

    code = load().state_code(state) if state else None
    rows = [c.to_dict() for c in review.find_conflicts(store(db), code, indicator)]
    for r in rows:
        r["facts"] = " vs ".join(str(i) for i in r["fact_ids"])
    emit(rows, fmt, ["state", "indicator", "kind", "when", "facts", "detail"])


@review_app.command("duplicates")
def duplicates(
    state: Annotated[str | None, typer.Option(help="Only this state.")] = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Groups of facts that state the same thing and could be merged.

    Example: minewatch review duplicates --state USA
    """
    from minewatch import review
    from minewatch.vocab import load

    code = load().state_code(state) if state else None
    rows = [
        dict(state=g[0].state, indicator=g[0].indicator, value=g[0].value, ids=" ".join(str(f.id) for f in g))
        for g in review.duplicates(store(db), code)
    ]
    emit(rows, fmt, ["state", "indicator", "value", "ids"])


@review_app.command("stale")
def stale(
    state: Annotated[str | None, typer.Option(help="Only this state.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge freshness on this date (default today).")
    ] = None,
    status: Annotated[str, typer.Option(help="Comma-separated statuses.")] = "candidate,accepted",
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Facts older than their indicator's freshness window (vocab indicators: freshness_years).

    Example: minewatch review stale --state USA --as-of 2020-12-31
    """
    from minewatch.review import staleness
    from minewatch.vocab import load

    vocab = load()
    code = vocab.state_code(state) if state else None
    rows = []
    for f in store(db).facts(state=code, status=status.split(",")):
        st = staleness(f, as_of, vocab)
        if st.stale:
            rows.append(f.record() | {"holds_until": st.holds_until, "window": st.window_years})
    emit(rows, fmt, ["id", "state", "indicator", "value", "period", "holds_until", "window", "status"])
