"""The main flow, stage by stage: read files, store documents, extract facts.

Each function takes the store it writes to, so the CLI, the web app and batch
workers all run the same steps. Reading and extracting happen in
:func:`parse_file`, a plain module function, so a process pool on one machine
or a Dask cluster across many can run it; the calling process alone writes to
the store, one document per transaction, so a run killed midway leaves whole
documents and a re-run finishes the rest.
"""

from __future__ import annotations

import os
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
IN_FLIGHT = 4  # files queued per worker: enough to keep workers busy, few enough to keep memory flat


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


def save(store: Store, parsed: Parsed, report: IngestReport, user: str | None = None) -> None:
    """Write one parsed file to the store and count it in ``report``.

    A document stored by a run killed before its facts were saved has none;
    seeing it again saves them, which is what makes a re-run finish the work.
    """
    if parsed.doc is None:
        report.failed.append(parsed.error or f"{parsed.path}: unreadable")
        return
    doc_id, created = store.save_document(parsed.doc, user=user)
    if created:
        report.ingested.append(doc_id)
    else:
        report.duplicates.append(parsed.path)
    if parsed.facts is None:
        report.failed.append(parsed.error or f"{parsed.path}: extraction failed")
    elif created or not store.facts(doc=doc_id, limit=1):
        report.facts += store.save_facts(parsed.facts)


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
    for parsed in results:
        save(store, parsed, report, user)
        if progress:
            progress(parsed.path)
    return report


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_processes(
    files: list[str], given_date: date | None, workers: int, extract_facts: bool
) -> Iterator[Parsed]:
    max_bytes, timeout = limits()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict = {}
        queue = iter(files)
        while True:
            for path in islice(queue, workers * IN_FLIGHT - len(pending)):
                pending[pool.submit(parse_file, path, given_date, max_bytes, timeout, extract_facts)] = path
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                path = pending.pop(future)
                try:
                    yield future.result()
                except Exception as e:  # a worker process died (a crash in a native parser)
                    yield Parsed(path, error=f"{path}: reader crashed ({type(e).__name__})")


RETRIES = 2  # times a file is tried again on a new worker when its worker dies


def _on_dask(files: list[str], given_date: date | None, scheduler, extract_facts: bool) -> Iterator[Parsed]:
    """Read on a Dask cluster; the workers must see the same paths (a shared file system)."""
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    max_bytes, timeout = limits()

    def submit(path: str):
        # A worker that dies mid-file is replaced and the file tried again, twice at most.
        future = client.submit(
            parse_file, path, given_date, max_bytes, timeout, extract_facts, pure=False, retries=RETRIES
        )
        paths[future.key] = path
        return future

    paths: dict[str, str] = {}
    try:
        width = max(len(client.scheduler_info().get("workers", {})), 1) * IN_FLIGHT * 2
        queue = iter(files)
        running = as_completed([submit(p) for p in islice(queue, width)])
        for future in running:
            path = paths.pop(future.key)
            try:
                yield future.result()
            except Exception as e:  # the worker was lost on every try
                yield Parsed(path, error=f"{path}: worker failed ({type(e).__name__})")
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
