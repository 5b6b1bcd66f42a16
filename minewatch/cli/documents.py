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
    from minewatch.sources.treaty import import_shipped  # the depositary records minewatch ships

    s = store(db)
    console.print(f"treaty membership: {import_shipped(s).summary()}", highlight=False)
    console.print(f"store ready at {s.url}")


def run_ingest(
    db: str | None,
    paths: list[Path],
    given: date | None,
    user: str | None = None,
    workers: int = 1,
    scheduler: str | None = None,
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
            workers=workers,
            scheduler=scheduler,
        )
    for line in report.failed:
        err.print(f"[red]error[/red] {line}", highlight=False, markup=True, soft_wrap=True)
    console.print(
        f"ingested {len(report.ingested)}, skipped as duplicate {len(report.duplicates)}, "
        f"failed {len(report.failed)}, facts {report.facts}"
    )
    return report


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    date_: Annotated[
        str | None, typer.Option("--date", help="Document date (YYYY-MM-DD) for sources that lack one.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Processes reading files (default: one per core).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Dask scheduler address (tcp://host:8786) to read files on a cluster."
        ),
    ] = None,
    db: Db = None,
) -> None:
    """Read source documents, store them by content hash and extract candidate facts.

    Text, Markdown, HTML, PDF and DOCX are told apart by their content. A
    sidecar report.pdf.json (or report.json / .yaml) next to a file gives its
    title, publisher, author or date. Bad files are reported one line each and
    the rest go on; the exit status is 1 when any file failed.

    Example: minewatch ingest ../shared/corpus/ --db sqlite:///minewatch.db --workers 4
    """
    given = date.fromisoformat(date_) if date_ else None
    report = run_ingest(db, paths, given, workers=workers or pipeline.default_workers(), scheduler=scheduler)
    if not report.ok:
        raise typer.Exit(1)


@app.command("documents")
def list_documents(db: Db = None, fmt: Format = "table") -> None:
    """List stored documents.

    Example: minewatch documents --format jsonl
    """
    rows = store(db).documents()
    emit(rows, fmt, ["id", "title", "date", "format", "subject_state", "source"])
