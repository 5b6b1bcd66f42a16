"""Plain text and Markdown: paragraphs are blocks between blank lines."""

from __future__ import annotations

import re

from minewatch.model import Paragraph

BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
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
    out = []
    for m in BLOCK.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in " \t\n":  # the last line of a file keeps its newline
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        if start < end:
            out.append(Paragraph(start, end))
    return out
