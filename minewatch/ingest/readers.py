"""Format readers: each turns bytes into canonical text plus what it knows of structure.

A reader declares the extensions it takes and scores a file by its first bytes;
the best score wins, so a PDF named ``.txt`` is still read as a PDF and an
HTML page saved as ``.txt`` as HTML.
"""

from __future__ import annotations

from typing import Protocol

from minewatch.ingest import text as plain
from minewatch.ingest.docx import DocxReader
from minewatch.ingest.html import HtmlReader
from minewatch.ingest.markdown import MarkdownReader
from minewatch.ingest.parsed import Parsed
from minewatch.ingest.pdf import PdfReader

__all__ = ["READERS", "Parsed", "Reader", "pick"]


class Reader(Protocol):
    format: str
    extensions: tuple[str, ...]

    def score(self, path: str, head: bytes) -> int: ...

    def read(self, path: str, data: bytes) -> Parsed: ...


class TextReader:
    format = "text"
    extensions = (".txt", ".text", "")

    def score(self, path: str, head: bytes) -> int:
        if looks_binary(head):
            return 0
        return 5 if path.lower().endswith(self.extensions[:2]) else 1

    def read(self, path: str, data: bytes) -> Parsed:
        return Parsed(plain.normalize(plain.decode(data, path)), self.format)


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we read."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head[:4096]:
        return True
    sample = head[:4096]
    controls = len(sample) - len(sample.translate(None, CONTROLS))
    return bool(sample) and controls / len(sample) > 0.05


CONTROLS = bytes([*range(9), *range(14, 32), 127])


READERS: list[Reader] = [TextReader(), MarkdownReader(), HtmlReader(), PdfReader(), DocxReader()]


def pick(path: str, head: bytes) -> Reader | None:
    score, best = max(((r.score(path, head), i) for i, r in enumerate(READERS)), key=lambda x: x[0])
    return READERS[best] if score > 0 else None
