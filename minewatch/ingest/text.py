"""Plain text and Markdown: paragraphs are blocks between blank lines."""

from __future__ import annotations

import re

from minewatch.model import Paragraph

# One or more blank lines (or lines of spaces) between blocks; opening with a newline, the pattern
# lets the regex engine skip ahead to each one.
BLANK_LINES = re.compile(r"\n[ \t]*\n[ \t\n]*")
MD_HEADING = re.compile(r"^#{1,6}\s+")


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1252 when it reads cleanly."""
    from minewatch.ingest.errors import IngestError

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise IngestError(path, f"not UTF-8 and not cp1252 text (byte {e.start})") from None
    return text


def normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def paragraphs(text: str) -> list[Paragraph]:
    """The blocks of ``text`` between blank lines, trimmed; a pipe table a row per line."""
    out: list[Paragraph] = []
    at = 0
    for m in BLANK_LINES.finditer(text):
        _block(text, at, m.start(), out)
        at = m.end()
    _block(text, at, len(text), out)
    return out


def _block(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while end > start and text[end - 1] in " \t\n":  # the last line of a file keeps its newline
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    if start >= end:
        return
    if "|" in text[start:end] and _pipe_table(text, start, end):
        out += _rows(text, start, end)
    else:
        out.append(Paragraph(start, end))


def _pipe_table(text: str, start: int, end: int) -> bool:
    """A block of two or more lines, each with a cell separator: "VS-50 | 280 | training"."""
    lines = text[start:end].split("\n")
    return len(lines) >= 2 and all(line.count("|") >= 1 for line in lines)


def _rows(text: str, start: int, end: int) -> list[Paragraph]:
    """Each line of a pipe table as a table paragraph of its own, as the HTML reader gives rows."""
    out, at = [], start
    for line in text[start:end].split("\n"):
        a, b = at, at + len(line)
        at = b + 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        while a < b and text[a] in " \t":
            a += 1
        if a < b and not set(text[a:b]) <= set("|-:+ "):  # a "---|---" rule separates no data
            out.append(Paragraph(a, b, kind="table"))
    return out
