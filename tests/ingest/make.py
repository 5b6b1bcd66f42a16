"""Build real source files in code: PDF with reportlab, DOCX with python-docx, HTML by hand.

Each builder takes blocks of (kind, text) so tests can say exactly what went
in and assert what comes out. Footnote markers are written ``[N]`` in the
input text and rendered the way the format renders them (superscripts).
"""

from __future__ import annotations

import re
from pathlib import Path

MARK = re.compile(r"(?<=[^\s\[])\[(\d{1,3})\]")

Block = tuple[str, str]  # ("h1" | "h2" | "p" | "note", text)


def pdf(path: Path, pages: list[tuple[list[Block], list[Block]]], title: str = "", author: str = "") -> Path:
    """One page per entry: body blocks at 11 pt, footnote blocks at 8 pt at the page foot.

    Markers become 7 pt superscript digits raised above the line.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setAuthor(author)
    width, height = A4
    for body, notes in pages:
        y = height - 72
        for kind, text in body:
            size, font = {"h1": (18, "Helvetica-Bold"), "h2": (14, "Helvetica-Bold")}.get(
                kind, (11, "Helvetica")
            )
            for line in _wrap(text, 85 if size == 11 else 60):
                x = 72
                for chunk, is_mark in _runs(line):
                    if is_mark:
                        c.setFont("Helvetica", 7)
                        c.drawString(x, y + 4, chunk)
                        x += c.stringWidth(chunk, "Helvetica", 7)
                    else:
                        c.setFont(font, size)
                        c.drawString(x, y, chunk)
                        x += c.stringWidth(chunk, font, size)
                y -= size * 1.3
            y -= size * 0.9
        y = 60 + 11 * len(notes) * 2
        for _, text in notes:
            number, rest = text.split(" ", 1)
            for i, line in enumerate(_wrap(rest, 110)):
                c.setFont("Helvetica", 8)
                if i == 0:
                    c.setFont("Helvetica", 6)
                    c.drawString(72, y + 3, number)
                    c.setFont("Helvetica", 8)
                c.drawString(80, y, line)
                y -= 10
            y -= 4
        c.setFont("Helvetica", 9)
        c.drawString(width / 2, 30, str(c.getPageNumber()))
        c.showPage()
    c.save()
    return path


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _runs(line: str) -> list[tuple[str, bool]]:
    out, pos = [], 0
    for m in MARK.finditer(line):
        out += [(line[pos : m.start()], False), (m.group(1), True)]
        pos = m.end()
    return [*out, (line[pos:], False)]


def docx(path: Path, blocks: list[Block], title: str = "", author: str = "", created=None) -> Path:
    """Headings as Word heading styles; notes as a 'Notes' section of numbered paragraphs."""
    import docx as pydocx

    d = pydocx.Document()
    d.core_properties.title = title
    d.core_properties.author = author
    if created:
        d.core_properties.created = created
    for kind, text in blocks:
        if kind in ("h1", "h2"):
            d.add_heading(text, level=int(kind[1]))
        elif kind == "bold":  # a heading typed as a bold paragraph, not a heading style
            d.add_paragraph().add_run(text).bold = True
        elif kind == "table":
            rows = [r.split(" | ") for r in text.split("\n")]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        else:
            para = d.add_paragraph()
            for chunk, is_mark in _runs(text):
                run = para.add_run(chunk)
                run.font.superscript = is_mark
    d.save(str(path))
    return path


def html(blocks: list[Block], title: str = "", date: str = "", nav: bool = True, notes_in_footer=True) -> str:
    """A page with navigation, a cookie banner and a footer around an <article>."""
    body, notes = [], []
    for kind, text in blocks:
        if kind == "note":
            number, rest = text.split(" ", 1)
            notes.append(f'<li id="fn{number}"><p>{rest} <a href="#fnref{number}">↩</a></p></li>')
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{c}</td>" for c in r.split(" | ")) + "</tr>" for r in text.split("\n")
            )
            body.append(f"<table>{rows}</table>")
        else:
            tag = kind if kind != "p" else "p"
            text = MARK.sub(
                lambda m: f'<sup><a href="#fn{m.group(1)}" id="fnref{m.group(1)}">{m.group(1)}</a></sup>',
                text,
            )
            body.append(f"<{tag}>{text}</{tag}>")
    menu = (
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>'
        if nav
        else ""
    )
    note_list = f'<section class="footnotes"><ol>{"".join(notes)}</ol></section>'
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{date}"><script>var x = "<p>no</p>";</script>'
        f"<style>p {{ color: red }}</style></head><body>{menu}"
        '<div class="cookie-banner">We use cookies to improve your experience on this site.</div>'
        f"<article>{''.join(body)}{'' if notes_in_footer else note_list}</article>"
        f"<footer><p>Copyright the publisher. All rights reserved.</p>{note_list if notes_in_footer else ''}"
        "</footer></body></html>"
    )
