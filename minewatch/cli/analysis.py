"""``compare``, ``timeline``, ``policy-diff``, ``scorecard`` and ``versions``: analyses with their evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, Format, OutputFormat, console, emit, err, store

Statuses = Annotated[
    str, typer.Option("--status", help="Comma-separated fact statuses that count (default: accepted).")
]
State = Annotated[str, typer.Argument(help="ISO3 code or name of a state.")]


def _ids(items: list[dict]) -> str:
    return " ".join(str(e["id"]) for e in items)


def _fail(e: Exception) -> typer.Exit:
    err.print(f"[red]error[/red] {e}", highlight=False)
    return typer.Exit(1)


@app.command()
def compare(
    state: State,
    start: Annotated[str, typer.Option("--from", help="Window start: YYYY, YYYY-MM, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option("--to", help="Window end: YYYY, YYYY-MM, YYYY-MM-DD or mid-YYYY.")],
    status: Statuses = "accepted",
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """What changed and what did not: policy against practice, indicator by indicator, with the facts.

    Verdicts (changed, unchanged, no evidence) follow the rules in docs/analysis.md.

    Example: minewatch compare USA --from 2014 --to 2021-06-30
    """
    from minewatch.analyze.compare import compare as run

    try:
        result = run(store(db), state, start, end, status.split(","))
    except ValueError as e:
        raise _fail(e) from e
    rows = []
    for r in result["indicators"]:
        p = r["practice"]
        rows.append(
            dict(
                indicator=r["indicator"],
                policy=r["policy"]["verdict"]
                + (f" ({r['policy']['direction']})" if r["policy"]["direction"] else ""),
                practice=r["verdict"],
                changes=_ids(p["changes"]),
                continuity=_ids(p["continuity"]),
                baseline=_ids(p["baseline"]),
            )
            | ({"data": r} if fmt is not OutputFormat.table else {})
        )
    if fmt is not OutputFormat.table:
        emit([r["data"] for r in rows], fmt, [])
        return
    pol = result["policy"]
    versions = f"{pol['old']} → {pol['new']} " if pol["old"] and pol["new"] else ""
    console.print(
        f"{result['state']} {result['start']} → {result['end']}: policy {versions}"
        f"{pol['direction']}; practice {result['practice']['verdict']}",
        highlight=False,
    )
    emit(rows, fmt, ["indicator", "policy", "practice", "changes", "continuity", "baseline"])


@app.command("policy-diff")
def policy_diff(
    state: State,
    old: Annotated[int, typer.Argument(help="Earlier policy version (year).")],
    new: Annotated[int, typer.Argument(help="Later policy version (year).")],
    status: Statuses = "accepted",
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Two policy versions side by side, provision by provision, with the facts behind each.

    Example: minewatch policy-diff USA 2014 2020
    """
    from minewatch.analyze.policy_diff import policy_diff as run
    from minewatch.vocab import load

    code = load().state_code(state)
    if code is None:
        raise _fail(ValueError(f"unknown state {state!r}"))
    facts = store(db).state_facts(code, status.split(","), ["policy"])
    try:
        result = run(facts, old, new)
    except KeyError as e:
        raise _fail(e) from e
    rows = [
        dict(
            provision=r["provision"],
            old="; ".join(r["old"]["values"]),
            new="; ".join(r["new"]["values"])
            + (f" (from {r['new']['stated_in']})" if r["new"]["inherited"] else ""),
            status=r["status"] + (f" ({r['direction']})" if r["direction"] else ""),
            old_facts=_ids(r["old"]["facts"]),
            new_facts=_ids(r["new"]["facts"]),
        )
        | ({"data": r} if fmt is not OutputFormat.table else {})
        for r in result["provisions"]
    ]
    if fmt is not OutputFormat.table:
        emit([r["data"] for r in rows], fmt, [])
        return
    console.print(f"{code} policy {old} → {new}: {result['direction']}", highlight=False)
    emit(rows, fmt, ["provision", "old", "new", "status", "old_facts", "new_facts"])


@app.command()
def timeline(
    state: State,
    indicator: Annotated[str, typer.Argument(help="Indicator id (see `minewatch vocab`).")],
    status: Statuses = "accepted",
    svg: Annotated[Path | None, typer.Option(help="Also write the chart as SVG to this file.")] = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """The series of figures, events and denials for one state and indicator; stale points flagged.

    Example: minewatch timeline USA stockpile --svg stockpile.svg
    """
    from minewatch.analyze.charts import timeline_svg
    from minewatch.analyze.timeline import timeline as run

    try:
        tl = run(store(db), state, indicator, status.split(","))
    except ValueError as e:
        raise _fail(e) from e
    if svg:
        svg.write_text(timeline_svg(tl), encoding="utf-8")
    rows = [
        dict(
            period=p["period"],
            kind=p["kind"],
            value=p["value"],
            approx=p["approx"],
            unit=p["unit"],
            fact=p["evidence"]["id"],
            stale="stale" if p["evidence"]["stale"] else "",
        )
        | ({"data": p} if fmt is not OutputFormat.table else {})
        for p in tl["points"]
    ]
    if fmt is not OutputFormat.table:
        emit([r["data"] for r in rows], fmt, [])
        return
    emit(rows, fmt, ["period", "kind", "approx", "value", "unit", "fact", "stale"])


@app.command()
def scorecard(
    state: State,
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int, typer.Option("--to", help="Last year.")],
    status: Statuses = "accepted",
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """Norm adherence per year and indicator; every cell names its facts, or says "no evidence".

    Example: minewatch scorecard USA --from 2014 --to 2021
    """
    from minewatch.analyze.scorecard import scorecard as run

    try:
        sc = run(store(db), state, first, last, status.split(","))
    except ValueError as e:
        raise _fail(e) from e
    if fmt is not OutputFormat.table:
        emit(sc["rows"], fmt, [])
        return
    rows = [
        {"indicator": r["indicator"]}
        | {
            str(y): c["verdict"] + (f" [{','.join(map(str, c['facts']))}]" if c["facts"] else "")
            for y, c in r["cells"].items()
        }
        for r in sc["rows"]
    ]
    emit(rows, fmt, ["indicator", *(str(y) for y in sc["years"])])


@app.command()
def versions(
    doc: Annotated[str, typer.Argument(help="A document id (or its first characters).")],
    against: Annotated[
        str | None, typer.Option(help="Compare with this edition (default: the next one).")
    ] = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """What appeared, disappeared or changed value between two editions of a source.

    Example: minewatch versions 755424ed --format jsonl
    """
    from minewatch.analyze.versions import compare_documents

    s = store(db)

    def full(prefix: str) -> str:
        ids = [d["id"] for d in s.documents() if d["id"].startswith(prefix)]
        if len(ids) != 1:
            raise _fail(KeyError(f"{prefix!r} names {len(ids)} documents"))
        return ids[0]

    try:
        diff = compare_documents(s, full(doc), full(against) if against else None)
    except KeyError as e:
        raise _fail(e) from e
    rows = (
        [
            dict(
                change="appeared",
                fact=e["id"],
                indicator=e["indicator"],
                old="",
                new=e["value"],
                period=e["period"],
            )
            for e in diff["appeared"]
        ]
        + [
            dict(
                change="disappeared",
                fact=e["id"],
                indicator=e["indicator"],
                old=e["value"],
                new="",
                period=e["period"],
            )
            for e in diff["disappeared"]
        ]
        + [
            dict(
                change=f"changed {c['what']}",
                fact=c["new"]["id"],
                indicator=c["new"]["indicator"],
                old=f"{c['old']['value']} ({c['old']['period']})",
                new=f"{c['new']['value']} ({c['new']['period']})",
                period=c["new"]["period"],
            )
            for c in diff["changed"]
        ]
    )
    if fmt is OutputFormat.table:
        console.print(
            f"{diff['old']['title']}: {diff['old']['date']} → {diff['new']['date']}; unchanged {len(diff['unchanged'])}",
            highlight=False,
        )
    emit(rows, fmt, ["change", "indicator", "old", "new", "fact"])
