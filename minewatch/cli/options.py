"""Options every command shares, and the two output forms: a table for people, JSON Lines for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from minewatch.store import Store, open_store

console = Console()
err = Console(stderr=True)

Db = Annotated[
    str | None,
    typer.Option("--db", help="Store URL (default: $MINEWATCH_DATABASE_URL or sqlite:///minewatch.db)."),
]


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")]


def store(db: str | None) -> Store:
    return open_store(db)


def emit(rows: Iterable[dict], fmt: OutputFormat, columns: list[str]) -> None:
    """Print ``rows`` as a table (only ``columns``), JSON Lines or CSV (every field)."""
    rows = list(rows)
    if fmt is OutputFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    if fmt is OutputFormat.csv:
        import csv
        import sys

        fields = list(rows[0]) if rows else columns
        w = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in r.items()})
        return
    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    console.print(table)
