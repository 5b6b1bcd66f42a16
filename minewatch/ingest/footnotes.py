"""Footnote markers and bodies in a canonical text.

Markers are numbers in square brackets glued to the word or punctuation before
them (``use.[1]``, ``Belgium,[7]``), as footnote superscripts become when a page
is flattened to text (every reader writes superscripts this way). A bracketed
number after a space (``Mine [36]``) is a table count or an aside, not a
marker. Bodies are paragraphs that open with ``[N]``, or, under a "Notes" or
"Endnotes" heading, paragraphs that open with ``N.`` or ``N``.
"""

from __future__ import annotations

import re

from minewatch.model import Footnote, Marker, Paragraph

# A marker: a bracketed number glued to what precedes it (not a space, not another bracket). The
# test of the character before sits after the opening bracket, so the pattern opens with a literal.
MARKER = re.compile(r"\[(?<=[^\s\[]\[)(\d{1,3})\]")
BODY = re.compile(r"\[(\d{1,3})\]\s+")
NUMBERED = re.compile(r"(\d{1,3})[.)]?\s+(?=\S)")
NOTES_HEADING = re.compile(r"\s*(?:notes|endnotes|footnotes|end notes)\s*:?\s*$", re.IGNORECASE)
NOTES_HEADING_MAX = 24  # characters: longer paragraphs are not a notes heading


def find(text: str, paragraphs: list[Paragraph]) -> tuple[list[Marker], dict[int, Footnote]]:
    """Mark footnote paragraphs in place and return the markers and bodies."""
    bodies: dict[int, Footnote] = {}
    in_notes = False
    for p in paragraphs:
        if p.end - p.start <= NOTES_HEADING_MAX and NOTES_HEADING.match(text, p.start, p.end):
            in_notes = True
            p.kind = "heading"
            continue
        m = BODY.match(text, p.start, p.end) or (in_notes and NUMBERED.match(text, p.start, p.end))
        if m and (p.kind in ("body", "footnote")):
            p.kind = "footnote"
            number = int(m.group(1))
            bodies[number] = Footnote(number, text[m.end() : p.end], m.end(), p.end)
        elif in_notes and p.kind == "heading":
            in_notes = False
    markers = _markers(text, [(p.start, p.end) for p in paragraphs if p.kind != "footnote"])
    for number in {m.number for m in markers} - set(bodies):
        bodies[number] = Footnote(number, None)
    return markers, dict(sorted(bodies.items()))


def _markers(text: str, spans: list[tuple[int, int]]) -> list[Marker]:
    """Bracketed numbers inside ``spans`` (in text order) glued to the word or stop before them.

    One scan of the whole text: a pattern that opens with a literal ``[`` lets
    the regex engine skip ahead, which a look-behind for the glue would not.
    """
    out: list[Marker] = []
    i, count = 0, len(spans)
    for m in MARKER.finditer(text):
        at, end = m.span()
        while i < count and spans[i][1] < end:
            i += 1
        if i < count and spans[i][0] < at:  # inside a span, not opening one (nothing before it to glue to)
            out.append(Marker(int(m.group(1)), at, end))
    return out
