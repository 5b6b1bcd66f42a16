"""``import``, ``export`` and ``states``: structured sources in, facts out, every state at a glance."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, Format, OutputFormat, console, emit, err, store

import_app = typer.Typer(
    help="Bring structured sources (data files) into the store as facts.", no_args_is_help=True
)
export_app = typer.Typer(help="Write facts out in minewatch's own format.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")

File = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The data file.")]


def _done(report, fail_on_left_out: bool = False) -> None:
    for problem in report.left_out:
        err.print(f"[yellow]left out[/yellow] {problem}", highlight=False)
    console.print(report.summary(), highlight=False)
    if not report.written or (fail_on_left_out and report.left_out):
        raise typer.Exit(1)


@import_app.command("treaties")
def import_treaties(
    path: Annotated[
        Path | None, typer.Argument(help="A membership CSV; default: the file minewatch ships.")
    ] = None,
    status: Annotated[str, typer.Option(help="Status of the new facts: accepted or candidate.")] = "accepted",
    db: Db = None,
) -> None:
    """Import treaty membership (Mine Ban Treaty, CCW Amended Protocol II), one row per state and treaty.

    Only new or changed rows add facts; facts a newer file replaces are superseded.
    Rows without a citation, or whose entry-into-force date disagrees with the treaty's rule, are left out and listed.

    Example: minewatch import treaties treaty_membership-2026.csv
    """
    from minewatch.sources import treaty

    s = store(db)
    if path is None:
        report = treaty.import_shipped(s)
    else:
        report = treaty.import_membership(s, path.read_text(encoding="utf-8"), str(path), status=status)
    _done(report)


@import_app.command("votes")
def import_votes(
    path: File,
    resolution: Annotated[
        list[str] | None, typer.Option(help="Also keep roll calls on this resolution (e.g. A/RES/74/61).")
    ] = None,
    db: Db = None,
) -> None:
    """Import UNGA roll-call votes on the Mine Ban Treaty resolution from a vote table (Voeten or UN Digital Library layout).

    Example: minewatch import votes UNVotes.csv --resolution A/RES/74/61
    """
    from minewatch.sources.unga import import_votes as run

    try:
        report = run(store(db), path.read_text(encoding="utf-8"), str(path), resolution or ())
    except ValueError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(1) from None
    _done(report)


@import_app.command("attendance")
def import_attendance(path: File, db: Db = None) -> None:
    """Import meeting attendance: a CSV with state, meetings ("1MSP, 2MSP, 4RC") and citation columns.

    Example: minewatch import attendance attendance.csv
    """
    from minewatch.sources.meetings import import_attendance as run

    _done(run(store(db), path.read_text(encoding="utf-8"), str(path)))


@import_app.command("facts")
def import_facts(
    path: File,
    skip_invalid: Annotated[
        bool, typer.Option(help="Store the valid rows even when others are bad.")
    ] = False,
    db: Db = None,
) -> None:
    """Import facts in minewatch's own format (.jsonl or .csv, every field of a fact).

    Every row is validated first; a file with a bad row writes nothing unless --skip-invalid is given.

    Example: minewatch import facts facts.jsonl --skip-invalid
    """
    from minewatch.sources.factio import import_facts as run

    fmt = "csv" if path.suffix.lower() == ".csv" else "jsonl"
    _done(run(store(db), path.read_text(encoding="utf-8"), fmt, skip_invalid=skip_invalid))


@export_app.command("facts")
def export_facts(
    state: Annotated[str | None, typer.Option(help="Only this state (ISO3).")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only this indicator.")] = None,
    status: Annotated[str | None, typer.Option(help="Only facts with this status.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    fmt: Format = OutputFormat.jsonl,
    db: Db = None,
) -> None:
    """Export facts with every field, losslessly (JSON Lines, or CSV with JSON in the structured cells).

    Example: minewatch export facts --state USA --format csv -o usa.csv
    """
    from minewatch.sources.factio import export_csv, export_jsonl

    facts = store(db).facts(state=state, indicator=indicator, status=status)
    text = export_csv(facts) if fmt is OutputFormat.csv else export_jsonl(facts)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"{len(facts)} facts written to {output}")
    else:
        sys.stdout.write(text)


@app.command("states")
def states(
    sort: Annotated[
        str,
        typer.Option(
            help="state, name, status, entry_into_force, latest_vote, last_meeting, facts or newest_fact."
        ),
    ] = "state",
    desc: Annotated[bool, typer.Option("--desc", help="Sort descending.")] = False,
    status: Annotated[
        str | None,
        typer.Option(
            help="party, joining, signatory, non-party (with signatories and withdrawn), withdrawing, withdrawn, unknown."
        ),
    ] = None,
    db: Db = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """Every state with its Mine Ban Treaty status, entry into force, latest UNGA vote, last meeting and fact counts.

    Example: minewatch states --status non-party --sort latest_vote --format csv
    """
    from minewatch.analyze.overview import select, state_overview

    s = store(db)
    try:
        rows = select(state_overview(s), status=status, sort=sort, descending=desc)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    from minewatch.vocab import load

    indicators = list(load().indicators)
    emit(
        [r.flat(indicators) for r in rows],
        fmt,
        [
            "state",
            "name",
            "status",
            "entry_into_force",
            "withdrawal",
            "latest_vote",
            "last_meeting",
            "facts",
            "newest_fact",
        ],
    )
