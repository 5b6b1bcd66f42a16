"""A document's text as HTML, with fact spans marked and footnote markers linked to their bodies."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from minewatch.model import Document, Fact


def paragraphs(doc: Document, facts: list[Fact], focus: int | None = None) -> list[dict]:
    """Each paragraph as {kind, section, html, inferred}; spans of ``facts`` wrapped in <mark>."""
    events: list[tuple[int, int, str]] = []  # (offset, order, html): closes sort before opens
    for f in facts:
        cls = "fact focus" if f.id == focus else "fact"
        events.append((f.start, 1, f'<mark class="{cls}" id="fact-{f.id}" title="{escape(f.indicator)}">'))
        events.append((f.end, 0, "</mark>"))
    for m in doc.markers:
        events.append((m.start, 2, f'<sup class="marker"><a href="#note-{m.number}">'))
        events.append((m.end, -1, "</a></sup>"))  # inner tags close before the mark around them
    events.sort(key=lambda e: (e[0], e[1]))
    out = []
    for p in doc.paragraphs:
        html, pos = [], p.start
        open_marks = 0
        for offset, _order, tag in events:
            if offset < p.start or offset > p.end:
                continue
            html.append(escape(doc.text[pos:offset]))
            pos = offset
            if tag == "</mark>":
                if open_marks:
                    open_marks -= 1
                    html.append(tag)
                continue
            if tag.startswith("<mark"):
                open_marks += 1
            html.append(tag)
        html.append(escape(doc.text[pos : p.end]))
        html.append("</mark>" * open_marks)
        note = None
        if p.kind == "footnote":
            note = next(
                (n for n, f in doc.footnotes.items() if f.start is not None and p.start <= f.start <= p.end),
                None,
            )
        out.append(
            dict(
                kind=p.kind,
                section=p.section,
                inferred=p.section_inferred,
                note=note,
                page=p.page,
                html=Markup("".join(html).replace("\n", "<br>")),
            )
        )
    return out
