"""Markdown: headings by ``#`` level, footnotes ``[^N]`` with ``[^N]: body`` definitions.

The canonical text drops the markup (``#``, emphasis, link targets) so spans
quote what a reader sees; references become ``[N]`` and definitions note
paragraphs ``[N] body``, the convention every reader writes.
"""

from __future__ import annotations

import re

from minewatch.ingest import text as plain
from minewatch.ingest.parsed import Parsed, TextBuilder

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NOTE_DEF = re.compile(r"^\[\^(\d{1,3})\]:\s*")
NOTE_REF = re.compile(r"\s*\[\^(\d{1,3})\]")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


class MarkdownReader:
    format = "markdown"
    extensions = (".md", ".markdown")

    def score(self, path: str, head: bytes) -> int:
        if b"\x00" in head[:4096]:
            return 0
        return 6 if path.lower().endswith(self.extensions) else 0

    def read(self, path: str, data: bytes) -> Parsed:
        return parse(plain.normalize(plain.decode(data, path)))


def inline(s: str) -> str:
    s = NOTE_REF.sub(lambda m: f"[{m.group(1)}]", s)
    s = LINK.sub(r"\1", s)
    return EMPHASIS.sub(r"\2", s)


def parse(source: str) -> Parsed:
    meta: dict = {}
    front = FRONT_MATTER.match(source)
    if front:
        import yaml

        try:
            loaded = yaml.safe_load(front.group(1))
            meta = {
                k: v for k, v in loaded.items() if k in ("title", "author", "publisher", "date", "language")
            }
        except (yaml.YAMLError, AttributeError):
            meta = {}
        source = source[front.end() :]
    if "date" in meta:
        meta["date_text"] = str(meta.pop("date"))
    b = TextBuilder()
    for block in plain.BLANK_LINES.split(source):
        if not block.strip():
            continue
        lines = block.split("\n")
        para: list[str] = []
        kind = "body"

        def flush() -> None:
            nonlocal para, kind
            b.add(" ".join(x.strip() for x in para), kind=kind)
            para, kind = [], "body"

        for line in lines:
            if m := HEADING.match(line):
                flush()
                b.add(inline(m.group(2)), kind="heading", level=len(m.group(1)))
            elif m := NOTE_DEF.match(line):
                flush()
                para, kind = [f"[{m.group(1)}] " + inline(line[m.end() :])], "footnote"
            elif line.lstrip().startswith("|"):
                if not TABLE_RULE.match(line.strip()):
                    flush()
                    cells = [inline(c.strip()) for c in line.strip().strip("|").split("|")]
                    b.add(" | ".join(cells), kind="table")
            elif re.match(r"^\s*(?:[-*+]|\d+\.)\s+", line):
                flush()
                para = [inline(re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line))]
            else:
                para.append(inline(line))
        flush()
    return b.parsed("markdown", metadata=meta)
