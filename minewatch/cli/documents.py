"""``init`` and ``ingest``: create the store and bring documents into it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from minewatch import pipeline
from minewatch.cli import app
from minewatch.cli.options import Db, Format, console, emit, err, store


@app.command()
def init(db: Db = None) -> None:
    """Create the store, or bring its tables up to date.

    Example: minewatch init --db sqlite:///minewatch.db
    """
    s = store(db)
    console.print(f"store ready at {s.url}")


def run_ingest(
    db: str | None, paths: list[Path], given: date | None, user: str | None = None
) -> pipeline.IngestReport:
    s = store(db)
    files = pipeline.expand(paths)
    with Progress(
        TextColumn("[bold]ingest+extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=len(files))
        report = pipeline.ingest_paths(
            s,
            files,
            given,
            user,
            progress=lambda p: bar.update(task, advance=1, description=Path(p).name[:40]),
        )
    for line in report.failed:
        err.print(f"[red]error[/red] {line}", highlight=False)
    console.print(
        f"ingested {len(report.ingested)}, skipped as duplicate {len(report.duplicates)}, "
        f"failed {len(report.failed)}"
    )
    return report


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    date_: Annotated[
        str | None, typer.Option("--date", help="Document date (YYYY-MM-DD) for sources that lack one.")
    ] = None,
    db: Db = None,
) -> None:
    """Read source documents, store them by content hash and extract candidate facts.

    Example: minewatch ingest ../shared/corpus/ --db sqlite:///minewatch.db
    """
    given = date.fromisoformat(date_) if date_ else None
    report = run_ingest(db, paths, given)
    if not report.ok:
        raise typer.Exit(1)


@app.command("documents")
def list_documents(db: Db = None, fmt: Format = "table") -> None:
    """List stored documents.

    Example: minewatch documents --format jsonl
    """
    rows = store(db).documents()
    emit(rows, fmt, ["id", "title", "date", "format", "subject_state", "source"])
