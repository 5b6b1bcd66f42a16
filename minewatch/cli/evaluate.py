"""``eval``: precision, recall and F1 of extraction against a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Format, OutputFormat, emit

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"


@app.command("eval")
def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="A gold set in JSON Lines (see docs/gold.md).", exists=True)],
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Directory the gold's file names are relative to.")
    ] = DEFAULT_CORPUS,
    show_errors: Annotated[bool, typer.Option("--errors", help="List missed and extra facts too.")] = False,
    fmt: Format = "table",
) -> None:
    """Extract from the gold set's documents and score the facts, per indicator and overall.

    Example: minewatch eval tests/extract/gold/dev.jsonl --corpus ../shared/corpus
    """
    from minewatch.extract.evaluate import PROVISIONS_ROW, evaluate

    report, drifted = evaluate(gold, corpus)

    def row(name: str, s) -> dict:
        return dict(
            indicator=name,
            tp=s.tp,
            fp=s.fp,
            fn=s.fn,
            precision=_f(s.precision),
            recall=_f(s.recall),
            f1=_f(s.f1),
        )

    rows = [row(name, s) for name, s in report.rows.items() if name != PROVISIONS_ROW]
    rows.append(row("overall", report.overall))
    if PROVISIONS_ROW in report.rows:
        rows.append(row(PROVISIONS_ROW, report.rows[PROVISIONS_ROW]))
    emit(rows, fmt, ["indicator", "tp", "fp", "fn", "precision", "recall", "f1"])
    if fmt is OutputFormat.table:
        agree = ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(report.qualifiers.items()))
        typer.echo(f"qualifiers agreeing on matched facts: {agree}")
    if show_errors:
        for g in report.misses:
            when = f"{g.when.start}..{g.when.end}" if g.when else ""
            typer.echo(
                f"missed  {g.file}:{g.start}-{g.end} {g.state} {g.indicator} {g.value!r} {g.polarity} {when}"
            )
        for file, f in report.extras:
            when = f"{f.when.start}..{f.when.end}" if f.when else ""
            typer.echo(
                f"extra   {file}:{f.start}-{f.end} {f.state} {f.indicator} {f.value!r} {f.polarity} {when} {f.extractor}"
            )
    for line in drifted:
        typer.echo(f"warning: gold span no longer matches its document: {line}", err=True)


def _f(x: float) -> str:
    return f"{x:.3f}"
