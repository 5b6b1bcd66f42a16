"""``vocab``: print the vocabulary everything else is driven from."""

from __future__ import annotations

from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Format, emit
from minewatch.vocab import load


@app.command("vocab")
def show_vocab(
    part: Annotated[str, typer.Argument(help="indicators, sections, mine-types or states")] = "indicators",
    fmt: Format = "table",
) -> None:
    """Print a part of the vocabulary.

    Example: minewatch vocab mine-types --format jsonl
    """
    v = load()
    if part == "indicators":
        rows = [
            dict(
                id=i.id,
                label=i.label,
                section=i.section,
                freshness_years=i.freshness_years,
                unit=i.unit,
                description=i.description,
            )
            for i in v.indicators.values()
        ]
        emit(rows, fmt, ["id", "label", "section", "freshness_years", "unit", "description"])
    elif part == "sections":
        emit([dict(id=s.id, title=s.title) for s in v.sections.values()], fmt, ["id", "title"])
    elif part == "mine-types":
        rows = [
            dict(
                id=m.id,
                name=m.name,
                category=m.category,
                persistent=m.persistent,
                aliases=", ".join(m.aliases),
            )
            for m in v.mine_types.values()
        ]
        emit(rows, fmt, ["id", "name", "category", "persistent", "aliases"])
    elif part == "states":
        rows = [
            dict(code=s.code, name=s.name, status=s.status, aliases=", ".join(s.aliases))
            for s in v.states.values()
        ]
        emit(rows, fmt, ["code", "name", "status", "aliases"])
    else:
        raise typer.BadParameter(f"unknown part {part!r}", param_hint="PART")
