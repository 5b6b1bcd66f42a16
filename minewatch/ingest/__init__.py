"""Ingest: one reader per format turns a file into a :class:`~minewatch.model.Document`."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from minewatch.ingest import footnotes, metadata, sections
from minewatch.ingest import text as plain
from minewatch.ingest.errors import IngestError
from minewatch.ingest.readers import Parsed, pick
from minewatch.ingest.sidecar import sidecar
from minewatch.model import Document, Paragraph
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

__all__ = ["IngestError", "build", "read"]

MARK_CHARS = str.maketrans("\x02\x03", "  ")


def build(
    parsed: Parsed,
    source: str,
    vocab: Vocabulary,
    given_date: date | None = None,
    given: dict | None = None,
) -> Document:
    """Give a reader's output its structure: paragraphs, footnotes, sections, metadata.

    ``given`` is metadata from a sidecar file; it wins over what the file says,
    and ``given_date`` (the command line) wins over both.
    """
    text = parsed.text
    if not text.strip():
        raise IngestError(source, "no text found")
    if "\x02" in text or "\x03" in text:  # search marks its matches with these; one for one keeps offsets
        text = text.translate(MARK_CHARS)
    paras = parsed.paragraphs if parsed.paragraphs is not None else plain.paragraphs(text)
    doc = Document(text=text, source=source, format=parsed.format, paragraphs=paras)
    doc.markers, doc.footnotes = footnotes.find(text, paras)
    _mark_meta(doc)
    sections.assign(text, paras, vocab, levels=parsed.levels, guess_headings=not parsed.structured)
    meta = {**parsed.metadata, **{k: v for k, v in (given or {}).items() if v}}
    doc.title = meta.get("title") or metadata.title(doc)
    doc.author, doc.publisher = meta.get("author"), meta.get("publisher")
    doc.language = meta.get("language") or "en"
    doc.date, doc.date_source = _date(doc, meta, given or {}, given_date)
    doc.subject_state = meta.get("state") or metadata.subject_state(doc, vocab)
    doc.warnings.extend(parsed.warnings)
    if doc.missing_footnotes:
        doc.warnings.append("footnote markers without a body: " + ", ".join(map(str, doc.missing_footnotes)))
    if doc.unused_footnotes:
        doc.warnings.append("footnote bodies never referenced: " + ", ".join(map(str, doc.unused_footnotes)))
    return doc


def _date(doc: Document, meta: dict, given: dict, given_date: date | None) -> tuple[date | None, str | None]:
    """The document's own date, most trusted source first.

    A date printed in the text ("Last updated: …") beats a file's creation
    date, which is often the day it was converted rather than published.
    """
    if given_date:
        return given_date, "given"
    if given.get("date"):
        return metadata.as_date(given["date"]), "sidecar"
    if meta.get("date") or meta.get("date_text"):
        d = metadata.as_date(meta.get("date") or meta["date_text"])
        if d:
            return d, "metadata"
    found, how = metadata.document_date(doc.text)
    if how == "document" or not meta.get("created"):
        return found, how
    return metadata.as_date(meta["created"]), "metadata"


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
    timeout: float | None = None,
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
    given = sidecar(p)
    with time_limit(path, timeout):
        data = p.read_bytes()
        reader = pick(path, data[:8192])
        if reader is None:
            raise IngestError(path, "not a supported format (binary content)")
        try:
            parsed = reader.read(path, data)
        except IngestError:
            raise
        except (MemoryError, RecursionError) as e:
            raise IngestError(path, f"too complex to read ({type(e).__name__})") from None
        except Exception as e:  # a reader's library failing on malformed input
            raise IngestError(path, f"unreadable {reader.format} ({type(e).__name__}: {e})"[:300]) from None
        return build(parsed, path, vocab or load_vocab(), given_date, given)


class _TimedOut(BaseException):
    """Raised inside a reading thread whose time is up (see :func:`time_limit`); a BaseException
    so that no library's ``except Exception`` swallows it."""


@contextmanager
def time_limit(path: str, seconds: float | None) -> Iterator[None]:
    """Fail the file after ``seconds``, on any thread.

    The main thread gets a timer signal; another thread (a Dask worker's, a
    web request's) gets the exception set on it by a timer thread. Either way
    Python raises it between two bytecodes, so a reader stuck inside one long
    call into a native library is stopped when that call returns.
    """
    if not seconds:
        yield
        return
    message = f"took longer than {seconds:g} s to read (MINEWATCH_INGEST_TIMEOUT)"
    if threading.current_thread() is threading.main_thread():

        def expire(_signum, _frame) -> None:
            raise IngestError(path, message)

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target, lock, done = threading.get_ident(), threading.Lock(), [False]

    def expire_thread() -> None:
        with lock:
            if not done[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(_TimedOut)
                )

    timer = threading.Timer(seconds, expire_thread)
    timer.daemon = True
    try:
        try:
            timer.start()  # inside the try: a short limit can expire before the next line runs
            yield
        finally:
            timer.cancel()
            with lock:
                done[0] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)  # one set too late
    except _TimedOut:  # raised in the reading, or as the reading ended
        raise IngestError(path, message) from None


def paragraph_at(doc: Document, offset: int) -> Paragraph | None:
    for p in doc.paragraphs:
        if p.start <= offset < p.end:
            return p
    return None
