"""Headings, tables, and the profile section each paragraph belongs to.

A heading that names a profile section opens it. Where a heading was lost in
scraping (two or more blank lines left where it stood), the next paragraph's
section is inferred from its content and marked ``section_inferred``; later
paragraphs stay in it until the next heading that names a section.

A scraped table whose cells lost their numbers leaves a run of short lines
with gaps between them ("Inside the US", "M74 … [5]"); such a run, with its
caption and a "Note:" line after it, is a table, not a stack of headings.
"""

from __future__ import annotations

import re

from minewatch.model import Paragraph
from minewatch.vocab import Section, Vocabulary

SENTENCE_END = re.compile(r"[.?!;,:\"”’)](?:\[\d{1,3}\])*\s*$")  # a note marker may follow the stop
CELL_END = re.compile(r"[.?!;,:\"”’]\s*$")
GAP = re.compile(r"\n[ \t]*\n[ \t]*\n")
TABLE_NOTE = re.compile(r"\s*(?:(?:notes?|sources?)\s*:|\*)", re.IGNORECASE)
MIN_TABLE_ROWS = 3


def gap(text: str, start: int, end: int) -> bool:
    """Whether two or more blank lines fall within ``text[start:end]`` (counting newlines first is cheap)."""
    return text.count("\n", start, end) >= 3 and bool(GAP.search(text, start, end))


def is_heading(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= 100
        and "\n" not in line
        and len(line.split()) <= 12
        and (line[0].isupper() or line[0].isdigit())
        and not SENTENCE_END.search(line)
    )


def is_cell(line: str) -> bool:
    """A short line that could be a table cell or caption: no sentence ends it."""
    line = line.strip()
    return 0 < len(line) <= 100 and "\n" not in line and len(line.split()) <= 12 and not CELL_END.search(line)


def heading_section(line: str, sections: dict[str, Section]) -> str | None:
    """The section whose heading pattern matches most of the line (the most specific)."""
    clean = re.sub(r"\[\d+\]", "", line).strip().lower()
    best, best_len = None, 0
    for s in sections.values():
        for h in s.headings:
            m = h.search(clean)
            if m and len(m.group(0)) > best_len:
                best, best_len = s.id, len(m.group(0))
    return best


def infer_section(text: str, sections: dict[str, Section], after: str | None) -> str | None:
    """The section whose content cues the paragraph matches most.

    Ties go to the first section after the current one in print order, since a
    profile's sections come in a fixed order.
    """
    order = list(sections)
    start = order.index(after) + 1 if after in order else 0
    ranked = order[start:] + order[:start]
    scores = {sid: sum(len(c.findall(text)) for c in sections[sid].content) for sid in ranked}
    best = max(ranked, key=lambda sid: scores[sid])
    return best if scores[best] else None


def mark_tables(text: str, paragraphs: list[Paragraph]) -> None:
    """Set kind "table" on runs of short lines broken by gaps, and on the note after them."""
    run: list[Paragraph] = []

    def close() -> None:
        if not run:
            return
        gapped = any(gap(text, a.end, b.start + 1) for a, b in zip(run, run[1:], strict=False))
        if len(run) >= MIN_TABLE_ROWS and gapped:
            for p in run:
                p.kind = "table"
        run.clear()

    for i, p in enumerate(paragraphs):
        if p.kind in ("body", "heading") and is_cell(text[p.start : p.end]):
            run.append(p)
            continue
        had_table = bool(run) and len(run) >= MIN_TABLE_ROWS
        close()
        if had_table and paragraphs[i - 1].kind == "table" and TABLE_NOTE.match(text, p.start, p.end):
            p.kind = "table"
    close()


def assign(
    text: str,
    paragraphs: list[Paragraph],
    vocab: Vocabulary,
    levels: dict[int, int] | None = None,
    guess_headings: bool = True,
) -> None:
    """Set kind, heading path, section and section_inferred on each paragraph in place.

    ``levels`` gives heading levels where markup said them; in plain text the
    first heading is the title (level 1) and later ones sit under it.
    ``guess_headings`` takes short unpunctuated lines for headings (plain text).
    """
    levels = levels or {}
    if guess_headings:
        mark_tables(text, paragraphs)
    current: str | None = None
    inferred = False
    path: list[tuple[int, str]] = []
    heading: str | None = None  # the path's text, joined when the path changes
    previous_end = 0
    seen_heading = False
    for p in paragraphs:
        chunk = text[p.start : p.end]
        lost_heading = guess_headings and previous_end > 0 and gap(text, previous_end, p.start + 1)
        previous_end = p.end
        if p.kind in ("footnote", "meta"):
            continue
        if p.kind == "heading" or (guess_headings and p.kind == "body" and is_heading(chunk)):
            p.kind = "heading"
            level = levels.get(p.start) or (2 if seen_heading else 1)
            seen_heading = True
            path = [(lv, h) for lv, h in path if lv < level] + [(level, chunk.strip())]
            heading = _path(path)
            found = heading_section(chunk, vocab.sections)
            if found:
                current, inferred = found, False
            p.section, p.heading, p.section_inferred = current, heading, inferred
            continue
        if lost_heading and p.kind in ("body", "table"):
            guess = infer_section(chunk, vocab.sections, current)
            if guess:
                current, inferred = guess, True
                path = path[:1]  # the lost heading took its subsection with it
                heading = _path(path)
        p.section, p.heading, p.section_inferred = current, heading, inferred and current is not None


def _path(path: list[tuple[int, str]]) -> str | None:
    return " > ".join(h for _, h in path) or None
