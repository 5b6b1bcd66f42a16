"""Format readers: each turns bytes into canonical text plus what it knows of structure.

A reader declares the extensions it takes and scores a file by its first bytes;
the best score wins, so a PDF named ``.txt`` is still read as a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from minewatch.ingest import text as plain
from minewatch.model import Footnote, Marker, Paragraph


@dataclass
class Parsed:
    """What a reader found: the canonical text and any structure it could see."""

    text: str
    format: str
    paragraphs: list[Paragraph] | None = None  # None: split on blank lines
    markers: list[Marker] | None = None  # None: find [N] markers in the text
    footnotes: dict[int, Footnote] | None = None
    metadata: dict = field(default_factory=dict)  # title, date, author, publisher, language


class Reader(Protocol):
    format: str
    extensions: tuple[str, ...]

    def score(self, path: str, head: bytes) -> int: ...

    def read(self, path: str, data: bytes) -> Parsed: ...


class TextReader:
    format = "text"
    extensions = (".txt", ".text", "")

    def score(self, path: str, head: bytes) -> int:
        if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 0
        return 5 if path.lower().endswith(self.extensions[:2]) else 1

    def read(self, path: str, data: bytes) -> Parsed:
        return Parsed(plain.normalize(plain.decode(data, path)), self.format)


class MarkdownReader(TextReader):
    format = "markdown"
    extensions = (".md", ".markdown")

    def score(self, path: str, head: bytes) -> int:
        return 6 if path.lower().endswith(self.extensions) and super().score(path, head) else 0


READERS: list[Reader] = [TextReader(), MarkdownReader()]


def pick(path: str, head: bytes) -> Reader | None:
    best = max(READERS, key=lambda r: r.score(path, head))
    return best if best.score(path, head) > 0 else None
