"""CSV rows with their character spans, and the report an importer gives back.

A fact from a data file quotes its row: the span must index the file's text
exactly, so rows are read line by line with their offsets rather than through
``csv.DictReader`` alone (which forgets where a row was).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from minewatch.model import Document, Period


@dataclass
class Row:
    number: int  # 1-based data row number (the header is row 0)
    start: int
    end: int
    text: str  # the row as it stands in the file, without its line ending
    fields: dict[str, str]


@dataclass
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class ImportReport:
    """What an import did: facts added and superseded, rows left out and why."""

    doc: str | None = None
    rows: int = 0
    added: int = 0
    superseded: int = 0
    left_out: list[RowError] = field(default_factory=list)
    written: bool = True

    def summary(self) -> str:
        head = f"{self.rows} rows, {self.added} facts added, {self.superseded} superseded"
        if self.left_out:
            head += f", {len({e.row for e in self.left_out})} rows left out"
        return head if self.written else head + " (nothing written: fix the rows or pass --skip-invalid)"


def read_rows(text: str) -> tuple[list[str], list[Row]]:
    """Header and data rows of a CSV text, each row with its span in ``text``.

    A quoted field may run over several physical lines; the span then covers them all.
    """
    lines = _lines(text)
    consumed: list[tuple[int, int]] = []

    def feed() -> Iterator[str]:
        for start, end, line in lines:
            consumed.append((start, end))
            yield line

    reader = csv.reader(feed())
    header = [h.strip() for h in next(reader, [])]
    rows: list[Row] = []
    mark = len(consumed)
    for n, values in enumerate(reader, start=1):
        start, end = consumed[mark][0], consumed[-1][1]
        mark = len(consumed)
        if not any(v.strip() for v in values):
            continue
        body = text[start:end].rstrip("\r\n")
        fields = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        rows.append(Row(n, start, start + len(body), body, fields))
    return header, rows


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in io.StringIO(text, newline="").readlines():
        out.append((pos, pos + len(line), line))
        pos += len(line)
    return out


def data_document(text: str, source: str, fmt: str, title: str) -> Document:
    """The data file as a Document: its id is the content hash of ``text``."""
    return Document(text=text, source=source, format=fmt, title=title, date_source=None)


def iso_date(value: str, what: str) -> date:
    """Parse an ISO date or raise ValueError naming the column."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"bad date {value!r} in {what} (want YYYY-MM-DD)") from None


def day(d: date, text: str = "") -> Period:
    return Period(d.isoformat(), d.isoformat(), "day", text or d.isoformat())
