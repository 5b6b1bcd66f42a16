"""What a reader hands on: one canonical text and the structure it could see in it.

Every reader writes through :class:`TextBuilder`, so paragraphs are separated
the same way in every format and their offsets are exact by construction.
Footnote markers are written ``[N]`` glued to the word before them and note
bodies as paragraphs opening ``[N]``, the convention plain-text sources use,
so one footnote finder serves every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minewatch.model import Paragraph


@dataclass
class Parsed:
    """The canonical text and any structure the reader could see."""

    text: str
    format: str
    paragraphs: list[Paragraph] | None = None  # None: split on blank lines
    levels: dict[int, int] = field(default_factory=dict)  # heading paragraph start -> level (1 = top)
    structured: bool = False  # headings came from markup, not guessed from line shape
    metadata: dict = field(default_factory=dict)  # title, date, author, publisher, language
    warnings: list[str] = field(default_factory=list)


class TextBuilder:
    """Append paragraphs to a canonical text, recording each one's exact span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.paragraphs: list[Paragraph] = []
        self.levels: dict[int, int] = {}

    def add(self, text: str, kind: str = "body", level: int | None = None, page: int | None = None) -> None:
        text = text.strip()
        if not text:
            return
        if self.pos:
            self.parts.append("\n\n")
            self.pos += 2
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        self.paragraphs.append(Paragraph(start, self.pos, kind=kind, page=page))
        if level:
            self.levels[start] = level

    def extend_last(self, text: str) -> None:
        """Continue the last paragraph (a paragraph running over a page break)."""
        text = text.strip()
        if not text:
            return
        self.parts.append(" " + text)
        self.pos += len(text) + 1
        self.paragraphs[-1].end = self.pos

    def parsed(self, fmt: str, **kw) -> Parsed:
        return Parsed(
            "".join(self.parts), fmt, paragraphs=self.paragraphs, levels=self.levels, structured=True, **kw
        )
