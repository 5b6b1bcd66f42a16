"""PDF: text lines with their page, font size and position, from PDFium.

The body size is the size most characters are set in. Smaller lines at the
foot of a page are footnotes; digits set smaller than their line are
superscript markers and become ``[N]``; larger or bold short lines are
headings. Footnotes are gathered after the body (each keeps its page), so a
paragraph running over a page break stays one paragraph. Bare page numbers
and running heads repeated on most pages are dropped.

PDFium (pypdfium2) gives per-character font size and weight directly, so the
slower pdfminer-based pdfplumber is not needed for this.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from minewatch.ingest.errors import IngestError
from minewatch.ingest.parsed import Parsed, TextBuilder

DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s+of\s+\d+)?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.?!:;\"”’)\]]$")
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


@dataclass
class Line:
    text: str
    page: int
    size: float
    top: float  # distance from the top of the page, in points
    bold: bool
    note_number: int | None = None  # a footnote body opening with a superscript number


class PdfReader:
    format = "pdf"
    extensions = (".pdf",)

    def score(self, path: str, head: bytes) -> int:
        return 10 if b"%PDF-" in head[:1024] else 0

    def read(self, path: str, data: bytes) -> Parsed:
        import pypdfium2 as pdfium

        if b"%%EOF" not in data[-2048:]:
            raise IngestError(path, "truncated PDF (no %%EOF at the end)")
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            reason = str(e)
            if "password" in reason.lower():
                raise IngestError(path, "encrypted PDF (needs a password)") from None
            raise IngestError(path, f"damaged or truncated PDF ({reason})") from None
        try:
            lines = [line for i in range(len(pdf)) for line in page_lines(pdf, i)]
            meta = pdf.get_metadata_dict()
        except pdfium.PdfiumError as e:
            raise IngestError(path, f"damaged PDF ({e})") from None
        finally:
            pdf.close()
        if not lines:
            raise IngestError(path, "PDF has no text layer (scanned images need OCR first)")
        return assemble(lines, meta)


def page_lines(pdf, index: int) -> list[Line]:
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        height = page.get_height()
        tp = page.get_textpage()
        text = tp.get_text_range()
        out: list[Line] = []
        pos = 0
        for raw_line in text.split("\r\n"):
            begin, pos = pos, pos + len(raw_line) + 2
            stripped = raw_line.strip()
            if not stripped:
                continue
            first = begin + (len(raw_line) - len(raw_line.lstrip()))
            probe = first + next((i for i, ch in enumerate(stripped) if ch.isalpha()), 0)
            size = max(raw.FPDFText_GetFontSize(tp.raw, probe), raw.FPDFText_GetFontSize(tp.raw, first))
            top = height - tp.get_charbox(probe)[3]
            bold = raw.FPDFText_GetFontWeight(tp.raw, probe) >= 600
            rendered, note = _superscripts(raw_line, begin, size, tp)
            if out and abs(out[-1].top - top) < min(size, out[-1].size) * 0.5:
                out[-1].text = f"{out[-1].text} {rendered.strip()}"  # PDFium split a line at a raised run
                continue
            out.append(Line(rendered.strip(), index + 1, round(size, 1), top, bold, note))
        tp.close()
        return out
    finally:
        page.close()


def _superscripts(line: str, begin: int, size: float, tp) -> tuple[str, int | None]:
    """Render digits set well below the line's size as ``[N]``; a leading one opens a note."""

    out, last, note = [], 0, None
    for start, end in _small_digit_runs(line, begin, size, tp):
        number = line[start:end]
        if not line[:start].strip():
            note = int(number)
            out.append(f"[{number}] ")
        else:
            out.append(line[last:start].rstrip() + f"[{number}]")
        last = end
    out.append(line[last:])
    return " ".join("".join(out).split()), note


def _small_digit_runs(line: str, begin: int, size: float, tp) -> list[tuple[int, int]]:
    """Spans of up to three digits set smaller than the line ("2010" then a raised "26")."""
    import pypdfium2.raw as raw

    runs: list[tuple[int, int]] = []
    for m in DIGITS.finditer(line):
        for i in range(m.start(), m.end()):
            if raw.FPDFText_GetFontSize(tp.raw, begin + i) >= size * 0.8:
                continue
            if runs and runs[-1][1] == i and i - runs[-1][0] < 3:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
    return runs


def assemble(lines: list[Line], meta: dict) -> Parsed:
    chars = Counter()
    for line in lines:
        chars[line.size] += len(line.text)
    body = chars.most_common(1)[0][0]
    pages = len({line.page for line in lines})
    repeated = Counter(line.text for line in lines if not PAGE_NUMBER.match(line.text))
    running = {t for t, n in repeated.items() if pages >= 3 and n > pages / 2 and len(t) < 100}
    heading_sizes = sorted({line.size for line in lines if line.size > body * 1.1}, reverse=True)

    b = TextBuilder()
    notes: list[Line] = []
    previous: Line | None = None
    for line in lines:
        if PAGE_NUMBER.match(line.text) or line.text in running:
            continue
        if line.size < body * 0.85 or line.note_number is not None:
            notes.append(line)
            continue
        level = _heading_level(line, body, heading_sizes)
        if level:
            if (
                previous is not None
                and previous.size == line.size
                and previous.page == line.page
                and (b.paragraphs[-1].kind == "heading")
            ):
                b.extend_last(line.text)
            else:
                b.add(line.text, kind="heading", level=level, page=line.page)
        elif previous is not None and _continues(previous, line, b):
            _join(b, line.text)
        else:
            b.add(line.text, page=line.page)
        previous = line
    _add_notes(b, notes, body)
    return b.parsed("pdf", metadata=_metadata(meta))


def _heading_level(line: Line, body: float, sizes: list[float]) -> int | None:
    if line.size > body * 1.1:
        return sizes.index(line.size) + 1
    if line.bold and len(line.text) <= 100 and not SENTENCE_END.search(line.text):
        return len(sizes) + 1
    return None


def _continues(previous: Line, line: Line, b: TextBuilder) -> bool:
    """Whether ``line`` goes on the paragraph ``previous`` ended, on this page or over a break."""
    if not b.paragraphs or b.paragraphs[-1].kind != "body" or abs(previous.size - line.size) > 0.5:
        return False
    if previous.page != line.page:
        return not SENTENCE_END.search(previous.text) and line.text[:1].islower()
    return 0 < line.top - previous.top <= line.size * 1.6


def _join(b: TextBuilder, text: str) -> None:
    if b.parts and b.parts[-1].endswith("-") and text[:1].islower():
        b.parts[-1] += text
        b.pos += len(text)
        b.paragraphs[-1].end = b.pos
    else:
        b.extend_last(text)


def _add_notes(b: TextBuilder, notes: list[Line], body: float) -> None:
    current: Line | None = None
    for line in notes:
        number = line.note_number
        if number is None and (m := re.match(r"^(\d{1,3})\s+\S", line.text)) and line.size < body * 0.85:
            number = int(m.group(1))
            line.text = f"[{number}] {line.text[m.end(1) :].strip()}"
        if number is not None or current is None or current.page != line.page:
            b.add(line.text, kind="footnote" if number is not None else "body", page=line.page)
        else:
            _join(b, line.text)
        current = line


def _metadata(meta: dict) -> dict:
    out = {
        "title": (meta.get("Title") or "").strip() or None,
        "author": (meta.get("Author") or "").strip() or None,
    }
    m = PDF_DATE.match(meta.get("CreationDate") or "")
    if m:
        with contextlib.suppress(ValueError):
            out["created"] = date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    return {k: v for k, v in out.items() if v}
