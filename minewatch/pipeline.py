"""The main flow, stage by stage: read files, store documents, extract facts.

Each function takes the store it writes to, so the CLI, the web app and batch
workers all run the same steps. Reading and extracting happen in
:func:`parse_file`, a plain module function, so a process pool on one machine
or a Dask cluster across many can run it; the calling process alone writes to
the store, a batch of documents with their facts per transaction, so a run
killed midway leaves whole documents and a re-run finishes the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from minewatch import ingest, settings
from minewatch.extract import extract
from minewatch.model import Document, Fact
from minewatch.store import Store
from minewatch.vocab import load as load_vocab

SKIP_NAMES = {".json", ".yaml", ".yml"}  # sidecars describe files, they are not sources
CHUNK = 8  # files per task sent to a worker: one round trip per file cost more than reading it
IN_FLIGHT = 8  # tasks queued per worker: enough to keep workers reading while the writer commits a batch
# One commit per document costs more than reading it; a batch is written when it holds this many
# documents or this much text, or its first document has waited this long.
BATCH_DOCS = 64
BATCH_CHARS = 16_000_000
BATCH_SECONDS = 1.0


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # document ids
    duplicates: list[str] = field(default_factory=list)  # paths already stored
    failed: list[str] = field(default_factory=list)  # one-line errors naming the file
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Parsed:
    """One file's outcome in a worker: a document and its facts, or the error."""

    path: str
    doc: Document | None = None
    facts: list[Fact] | None = None
    error: str | None = None


def expand(paths: Iterable[str | Path]) -> list[str]:
    """Files named, and every file under directories named, in a stable order."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                str(f)
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() not in SKIP_NAMES and not f.name.startswith(".")
            )
        else:
            out.append(str(p))
    return out


def limits() -> tuple[int, float]:
    """(largest file in bytes, seconds per file), from settings."""
    max_bytes = int(float(settings.get("MINEWATCH_MAX_FILE_MB")) * 1024 * 1024)
    return max_bytes, float(settings.get("MINEWATCH_INGEST_TIMEOUT"))


def parse_file(
    path: str,
    given_date: date | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    extract_facts: bool = True,
) -> Parsed:
    """Read and extract one file; never raises for bad input, so a batch goes on."""
    if max_bytes is None:
        max_bytes, timeout = limits()
    try:
        doc = ingest.read(path, given_date=given_date, max_bytes=max_bytes, timeout=timeout)
    except ingest.IngestError as e:
        return Parsed(path, error=str(e))
    except OSError as e:
        return Parsed(path, error=f"{path}: cannot read ({e.strerror or e})")
    if not extract_facts:
        return Parsed(path, doc, [])
    try:
        facts = extract(doc, load_vocab())
    except Exception as e:  # extraction failing must not lose the document
        return Parsed(path, doc, None, f"{path}: stored, but extraction failed ({type(e).__name__}: {e})")
    return Parsed(path, doc, facts)


def parse_files(
    paths: list[str],
    given_date: date | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    extract_facts: bool = True,
) -> list[Parsed]:
    """:func:`parse_file` over a chunk of files: the unit of work sent to a worker.

    A fault in minewatch itself on one file fails that file, not its chunk.
    """
    out = []
    for path in paths:
        try:
            out.append(parse_file(path, given_date, max_bytes, timeout, extract_facts))
        except Exception as e:
            out.append(Parsed(path, error=f"{path}: reading failed ({type(e).__name__}: {e})"[:300]))
    return out


def chunks(files: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(files), size):
        yield files[i : i + size]


def save(store: Store, parsed: Parsed, report: IngestReport, user: str | None = None) -> None:
    """Write one parsed file to the store and count it in ``report``."""
    save_batch(store, [parsed], report, user)


def save_batch(store: Store, batch: list[Parsed], report: IngestReport, user: str | None = None) -> None:
    """Write parsed files to the store in one transaction and count them in ``report``.

    A document and its facts land together. A known document without facts
    (a documents-only run) gets them, which is what makes a re-run finish the work.
    """
    for parsed in batch:
        if parsed.doc is None:
            report.failed.append(parsed.error or f"{parsed.path}: unreadable")
    readable = [p for p in batch if p.doc is not None]
    if not readable:
        return
    try:
        saved = store.save_documents([(p.doc, p.facts) for p in readable], user=user)
    except Exception:
        if len(readable) == 1:
            raise
        # Not a transient error (those were retried): save one at a time, so the
        # documents before the one at fault are stored and the error names it.
        for parsed in readable:
            save_batch(store, [parsed], report, user)
        return
    for parsed, (doc_id, created, added) in zip(readable, saved, strict=True):
        if created:
            report.ingested.append(doc_id)
        else:
            report.duplicates.append(parsed.path)
        if parsed.facts is None:
            report.failed.append(parsed.error or f"{parsed.path}: extraction failed")
        report.facts += added


class _Writer:
    """Gathers parsed files and writes them a batch at a time; see :data:`BATCH_DOCS`."""

    def __init__(self, store: Store, report: IngestReport, user: str | None, progress) -> None:
        self.store, self.report, self.user, self.progress = store, report, user, progress
        self.batch: list[Parsed] = []
        self.chars = 0
        self.since = 0.0

    def add(self, parsed: Parsed) -> None:
        if not self.batch:
            self.since = time.monotonic()
        self.batch.append(parsed)
        self.chars += len(parsed.doc.text) if parsed.doc is not None else 0
        if len(self.batch) >= BATCH_DOCS or self.chars >= BATCH_CHARS:
            self.flush()
        else:
            self.tick()

    def tick(self) -> None:
        """Write the batch if its first document has waited long enough."""
        if self.batch and time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        batch, self.batch, self.chars = self.batch, [], 0
        if not batch:
            return
        save_batch(self.store, batch, self.report, self.user)
        if self.progress:
            for parsed in batch:
                self.progress(parsed.path)


def ingest_file(
    store: Store, path: str, given_date: date | None = None, user: str | None = None
) -> tuple[str, bool]:
    """Read, store and extract one file; returns (document id, created)."""
    max_bytes, timeout = limits()
    doc = ingest.read(path, given_date=given_date, max_bytes=max_bytes, timeout=timeout)
    doc_id, created = store.save_document(doc, user=user)
    if created:
        store.save_facts(extract(doc, load_vocab()))
    return doc_id, created


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    given_date: date | None = None,
    user: str | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    extract_facts: bool = True,
) -> IngestReport:
    """Ingest every file; a bad file is reported and the batch goes on.

    ``workers`` > 1 reads files in that many processes; ``scheduler`` (a Dask
    scheduler address, or a ``distributed.Client``) reads them on a cluster.
    ``extract_facts=False`` stores documents only (extraction can run later).
    """
    files = expand(paths)
    report = IngestReport()
    if scheduler is not None:
        results = _on_dask(files, given_date, scheduler, extract_facts)
    elif workers > 1 and len(files) > 1:
        results = _in_processes(files, given_date, workers, extract_facts)
    else:
        max_bytes, timeout = limits()
        results = (parse_file(f, given_date, max_bytes, timeout, extract_facts) for f in files)
    writer = _Writer(store, report, user, progress)
    for parsed in results:
        if parsed is None:  # no file finished for a while
            writer.tick()
        else:
            writer.add(parsed)
    writer.flush()
    return report


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_processes(
    files: list[str], given_date: date | None, workers: int, extract_facts: bool
) -> Iterator[Parsed | None]:
    """Parsed files as they finish, and None when none finished within :data:`BATCH_SECONDS`."""
    max_bytes, timeout = limits()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict = {}
        queue = chunks(files)
        while True:
            for chunk in islice(queue, workers * IN_FLIGHT - len(pending)):
                task = pool.submit(parse_files, chunk, given_date, max_bytes, timeout, extract_facts)
                pending[task] = chunk
            if not pending:
                return
            done, _ = wait(pending, timeout=BATCH_SECONDS, return_when=FIRST_COMPLETED)
            if not done:
                yield None
            for future in done:
                chunk = pending.pop(future)
                try:
                    yield from future.result()
                except Exception as e:  # a worker process died (a crash in a native parser)
                    for path in chunk:
                        yield Parsed(path, error=f"{path}: reader crashed ({type(e).__name__})")


RETRIES = 2  # times a task is tried again on a new worker when its worker dies


def _on_dask(files: list[str], given_date: date | None, scheduler, extract_facts: bool) -> Iterator[Parsed]:
    """Read on a Dask cluster; the workers must see the same paths (a shared file system).

    Files go out in chunks; a chunk whose worker died on every try is sent
    again file by file, so only the file that kills workers fails.
    """
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    max_bytes, timeout = limits()
    sent: dict[str, list[str]] = {}

    def submit(chunk: list[str]):
        # A worker that dies mid-task is replaced and the task tried again, twice at most.
        future = client.submit(
            parse_files, chunk, given_date, max_bytes, timeout, extract_facts, pure=False, retries=RETRIES
        )
        sent[future.key] = chunk
        return future

    try:
        width = max(len(client.scheduler_info().get("workers", {})), 1) * IN_FLIGHT * 2
        queue = chunks(files)
        running = as_completed([submit(c) for c in islice(queue, width)])
        for future in running:
            chunk = sent.pop(future.key)
            try:
                yield from future.result()
            except Exception as e:  # the worker was lost on every try
                if len(chunk) > 1:
                    for path in chunk:
                        running.add(submit([path]))
                else:
                    yield Parsed(chunk[0], error=f"{chunk[0]}: worker failed ({type(e).__name__})")
            future.release()
            nxt = next(queue, None)
            if nxt is not None:
                running.add(submit(nxt))
    finally:
        if client is not scheduler:
            client.close()


def reextract(store: Store, doc_id: str) -> int:
    """Run the extractors again over a stored document; only new facts are added."""
    doc = store.document(doc_id)
    if doc is None:
        raise KeyError(doc_id)
    return store.save_facts(extract(doc, load_vocab()))
