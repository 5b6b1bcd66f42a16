"""``facts``: list facts with every field of the fact model."""

from __future__ import annotations

from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, Format, emit, store


@app.command()
def facts(
    state: Annotated[str | None, typer.Option(help="ISO3 code or name of a state.")] = None,
    indicator: Annotated[str | None, typer.Option(help="An indicator id (see `minewatch vocab`).")] = None,
    status: Annotated[str | None, typer.Option(help="candidate, accepted, rejected or superseded.")] = None,
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """List facts; JSON Lines carries every field, for scripts.

    Example: minewatch facts --state USA --indicator stockpile --format jsonl
    """
    from minewatch.vocab import load

    code = None
    if state:
        code = load().state_code(state)
        if code is None:
            raise typer.BadParameter(f"unknown state {state!r}", param_hint="--state")
    if indicator and indicator not in load().indicators:
        raise typer.BadParameter(f"unknown indicator {indicator!r}", param_hint="--indicator")
    rows = [f.record() for f in store(db).facts(state=code, indicator=indicator, status=status)]
    emit(
        rows,
        fmt,
        ["id", "state", "indicator", "value", "unit", "approx", "period", "polarity", "cites", "status"],
    )
