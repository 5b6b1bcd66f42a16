"""``profile`` and ``profiles``: write one country profile, or every state's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from minewatch.cli import app
from minewatch.cli.options import Db, console, store
from minewatch.report import profile as profiles
from minewatch.vocab import load

FORMATS = ("md", "html", "pdf")


@app.command()
def profile(
    state: Annotated[str, typer.Argument(help="ISO3 code or name of the state.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or pdf.")] = "md",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    db: Db = None,
) -> None:
    """Build a state's profile from its accepted and candidate facts.

    Example: minewatch profile USA --format pdf -o out/USA.pdf
    """
    vocab = load()
    code = vocab.state_code(state)
    if code is None:
        raise typer.BadParameter(f"unknown state {state!r}", param_hint="STATE")
    if fmt not in FORMATS:
        raise typer.BadParameter("md, html or pdf", param_hint="--format")
    p = profiles.build(store(db), code, vocab)
    if output:
        profiles.write(p, fmt, output)
        console.print(
            f"wrote {output} ({sum(len(x.lines) for x in p.parts)} sentences, {len(p.notes)} notes)"
        )
    elif fmt == "pdf":
        from minewatch.report.pdf import render_pdf

        sys.stdout.buffer.write(render_pdf(p))
    else:
        typer.echo(profiles.render(p, fmt))


@app.command("profiles")
def all_profiles(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write STATE.FORMAT files into.")],
    every: Annotated[
        bool, typer.Option("--all", help="Every state in the vocabulary, not only those with facts.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or pdf.")] = "pdf",
    db: Db = None,
) -> None:
    """Write a profile for every state with facts (or every state, with --all), showing progress.

    Example: minewatch profiles --all -o out/profiles --format pdf
    """
    if fmt not in FORMATS:
        raise typer.BadParameter("md, html or pdf", param_hint="--format")
    vocab, st = load(), store(db)
    codes = sorted(vocab.states) if every else sorted(st.fact_counts())
    written = 0
    with Progress(console=console, transient=False) as bar:
        task = bar.add_task(f"profiles ({fmt})", total=len(codes))
        for code in codes:
            bar.update(task, description=f"profile {code}")
            profiles.write(profiles.build(st, code, vocab), fmt, output / f"{code}.{fmt}")
            written += 1
            bar.advance(task)
    console.print(f"wrote {written} profiles to {output}")
