"""Headings, and the profile section each paragraph belongs to.

A heading that names a profile section opens it. Where a heading was lost in
scraping (two or more blank lines left where it stood), the next paragraph's
section is inferred from its content and marked ``section_inferred``; later
paragraphs stay in it until the next heading or gap.
"""

from __future__ import annotations

import re

from minewatch.model import Paragraph
from minewatch.vocab import Section, Vocabulary

SENTENCE_END = re.compile(r"[.?!;,:\"”’)]\s*$")
GAP = re.compile(r"\n[ \t]*\n[ \t]*\n")


def is_heading(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= 100
        and "\n" not in line
        and len(line.split()) <= 12
        and (line[0].isupper() or line[0].isdigit())
        and not SENTENCE_END.search(line)
    )


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


def assign(text: str, paragraphs: list[Paragraph], vocab: Vocabulary) -> None:
    """Set kind, heading, section and section_inferred on each paragraph in place."""
    current: str | None = None
    heading: str | None = None
    previous_end = 0
    for p in paragraphs:
        chunk = text[p.start : p.end]
        lost_heading = previous_end > 0 and bool(GAP.search(text, previous_end, p.start + 1))
        previous_end = p.end
        if p.kind in ("footnote", "meta"):
            continue
        if p.kind == "body" and is_heading(chunk):
            p.kind = "heading"
            found = heading_section(chunk, vocab.sections)
            if found:
                current = found
            heading = chunk.strip()
            p.section, p.heading = current, heading
            continue
        if lost_heading and p.kind == "body":
            guess = infer_section(chunk, vocab.sections, current)
            if guess:
                current, heading = guess, None
                p.section_inferred = True
        elif current and heading is None and p.kind == "body":
            p.section_inferred = True
        p.section, p.heading = current, heading
