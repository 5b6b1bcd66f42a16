"""Ingest: one reader per format turns a file into a :class:`~minewatch.model.Document`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from minewatch.ingest import footnotes, metadata, sections
from minewatch.ingest import text as plain
from minewatch.ingest.errors import IngestError
from minewatch.ingest.readers import Parsed, pick
from minewatch.model import Document, Paragraph
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

__all__ = ["IngestError", "build", "read"]


def build(parsed: Parsed, source: str, vocab: Vocabulary, given_date: date | None = None) -> Document:
    """Give a reader's output its structure: paragraphs, footnotes, sections, metadata."""
    text = parsed.text
    if not text.strip():
        raise IngestError(source, "no text found")
    paras = parsed.paragraphs if parsed.paragraphs is not None else plain.paragraphs(text)
    doc = Document(text=text, source=source, format=parsed.format, paragraphs=paras)
    if parsed.markers is not None:
        doc.markers, doc.footnotes = parsed.markers, parsed.footnotes or {}
    else:
        doc.markers, doc.footnotes = footnotes.find(text, paras)
    _mark_meta(doc)
    sections.assign(text, paras, vocab)
    meta = parsed.metadata
    doc.title = meta.get("title") or metadata.title(doc)
    doc.author, doc.publisher, doc.language = (
        meta.get("author"),
        meta.get("publisher"),
        meta.get("language") or "en",
    )
    if given_date:
        doc.date, doc.date_source = given_date, "given"
    elif meta.get("date"):
        doc.date, doc.date_source = meta["date"], "metadata"
    else:
        doc.date, doc.date_source = metadata.document_date(text)
    doc.subject_state = meta.get("state") or metadata.subject_state(doc, vocab)
    if doc.missing_footnotes:
        doc.warnings.append("footnote markers without a body: " + ", ".join(map(str, doc.missing_footnotes)))
    if doc.unused_footnotes:
        doc.warnings.append("footnote bodies never referenced: " + ", ".join(map(str, doc.unused_footnotes)))
    return doc


def _mark_meta(doc: Document) -> None:
    for p in doc.paragraphs[:8]:
        if p.kind == "body" and metadata.DATE_LINE.match(doc.text[p.start : p.end]):
            p.kind = "meta"


def read(
    path: str | Path,
    *,
    vocab: Vocabulary | None = None,
    given_date: date | None = None,
    max_bytes: int = 200 * 1024 * 1024,
) -> Document:
    """Read one file into a Document, or raise IngestError naming the file."""
    path = str(path)
    p = Path(path)
    if not p.is_file():
        raise IngestError(path, "not a file")
    size = p.stat().st_size
    if size == 0:
        raise IngestError(path, "empty file")
    if size > max_bytes:
        raise IngestError(path, f"file of {size:,} bytes is over the limit of {max_bytes:,}")
    data = p.read_bytes()
    reader = pick(path, data[:8192])
    if reader is None:
        raise IngestError(path, "not a supported format (binary content)")
    return build(reader.read(path, data), path, vocab or load_vocab(), given_date)


def paragraph_at(doc: Document, offset: int) -> Paragraph | None:
    for p in doc.paragraphs:
        if p.start <= offset < p.end:
            return p
    return None
