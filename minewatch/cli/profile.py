"""``profile``: write a country profile."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, console, store
from minewatch.report import profile as profiles
from minewatch.vocab import load


@app.command()
def profile(
    state: Annotated[str, typer.Argument(help="ISO3 code or name of the state.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    db: Db = None,
) -> None:
    """Build a state's profile from its accepted and candidate facts.

    Example: minewatch profile USA --format html -o out/USA.html
    """
    vocab = load()
    code = vocab.state_code(state)
    if code is None:
        raise typer.BadParameter(f"unknown state {state!r}", param_hint="STATE")
    if fmt not in ("md", "html"):
        raise typer.BadParameter("md or html", param_hint="--format")
    p = profiles.build(store(db), code, vocab)
    if output:
        profiles.write(p, fmt, output)
        console.print(
            f"wrote {output} ({sum(len(x.lines) for x in p.parts)} sentences, {len(p.notes)} notes)"
        )
    else:
        typer.echo(profiles.render(p, fmt))
