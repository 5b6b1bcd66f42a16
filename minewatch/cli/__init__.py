"""The ``minewatch`` command. Each module here adds the commands of one stage."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="minewatch",
    help="Monitor the antipersonnel mine ban from evidence: ingest sources, extract facts, publish profiles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

# Command modules register themselves on ``app`` when imported.
from minewatch.cli import (  # noqa: E402,F401
    admin,
    analysis,
    documents,
    evaluate,
    facts,
    profile,
    review,
    serve,
    sources,
    users,
    vocab,
)


def main() -> None:
    app()
